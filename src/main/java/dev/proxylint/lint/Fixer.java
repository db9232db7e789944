package dev.proxylint.lint;

import dev.proxylint.rules.Edit;
import dev.proxylint.rules.Finding;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the findings' edits to the files' text, and shows them as a unified diff. An edit whose text is
 * not where it says (the file changed) is skipped, never guessed.
 */
public final class Fixer {
    private static final int CONTEXT = 3;

    /** A file's text before and after the edits, and how many findings' edits applied. */
    public record Change(SourceFile file, String before, String after, int fixed) {
    }

    private Fixer() {
    }

    public static List<Change> changes(List<Finding> findings, Map<String, SourceFile> sources) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            for (Edit e : f.edits()) {
                byFile.computeIfAbsent(e.at().file(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
            SourceFile file = sources.get(entry.getKey());
            // proxylint's own copy of a stock file is nothing to edit: that finding's fix is shown, not applied
            if (file == null || file.isBinary() || Tree.isBuiltIn(entry.getKey())) {
                continue;
            }
            Set<Edit> edits = new LinkedHashSet<>();
            Set<Finding> fixed = new LinkedHashSet<>(entry.getValue());
            for (Finding f : fixed) {
                f.edits().stream().filter(e -> e.at().file().equals(entry.getKey())).forEach(edits::add);
            }
            Set<Edit> skipped = new java.util.HashSet<>();
            String after = apply(file.text(), new ArrayList<>(edits), skipped);
            // a finding counts as fixed when every one of its edits in this file was made
            long count = fixed.stream().filter(f -> f.edits().stream()
                    .filter(e -> e.at().file().equals(entry.getKey())).noneMatch(skipped::contains)).count();
            if (!after.equals(file.text())) {
                // the file is rewritten as it was read, byte order mark included: a fix changes only what it says
                String mark = file.startsWithByteOrderMark() ? "\uFEFF" : "";
                out.add(new Change(file, mark + file.text(), mark + after, (int) count));
            }
        }
        return out;
    }

    static String apply(String text, List<Edit> edits) {
        return apply(text, edits, new java.util.HashSet<>());
    }

    /** @param skipped receives the edits that could not be made (the text moved, a one-line block) */
    static String apply(String text, List<Edit> edits, Set<Edit> skipped) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        Map<Integer, List<String>> insertions = new LinkedHashMap<>();
        Set<Integer> deleted = new LinkedHashSet<>();
        // edits on one line right to left, so earlier columns stay valid
        edits.sort((a, b) -> a.at().line() != b.at().line() ? Integer.compare(a.at().line(), b.at().line())
                : Integer.compare(b.at().column(), a.at().column()));
        for (Edit e : edits) {
            int i = e.at().line() - 1;
            if (i < 0 || i >= lines.size()) {
                skipped.add(e);
                continue;
            }
            String line = lines.get(i);
            int col = e.at().column() - 1;
            switch (e.kind()) {
                case REPLACE -> {
                    if (col >= 0 && line.startsWith(e.old(), col)) {
                        lines.set(i, line.substring(0, col) + e.text() + line.substring(col + e.old().length()));
                    } else {
                        skipped.add(e);
                    }
                }
                case APPEND -> lines.set(i, line.stripTrailing() + e.text());
                case DELETE -> {
                    if (col >= 0 && line.startsWith(e.old(), col)) {
                        String rest = (line.substring(0, col) + line.substring(col + e.old().length())).stripTrailing();
                        if (rest.isBlank()) {
                            deleted.add(i);
                        } else {
                            lines.set(i, rest);
                        }
                    }
                }
                case INSERT_INSIDE, INSERT_AFTER -> {
                    if (!endsLine(line, col, e.kind())) {
                        skipped.add(e); // more follows on this line (a one-line block): a new line would land outside it
                        continue;
                    }
                    String indent = e.kind() == Edit.Kind.INSERT_AFTER ? indentOf(line) : innerIndent(lines, i);
                    List<String> add = insertions.computeIfAbsent(i, k -> new ArrayList<>());
                    for (String l : e.text().split("\n")) {
                        add.add(indent + l);
                    }
                }
                default -> {
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!deleted.contains(i)) {
                sb.append(lines.get(i));
                if (i < lines.size() - 1) {
                    sb.append(nl);
                }
            }
            for (String add : insertions.getOrDefault(i, List.of())) {
                if (i == lines.size() - 1) {
                    sb.append(nl);
                }
                sb.append(add);
                if (i < lines.size() - 1) {
                    sb.append(nl);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Whether the block opened at {@code col} ends its line ({@code {} or httpd's {@code >}), or the directive
     * there is the last thing on it, so that a line inserted below lands inside the block, or after the
     * directive in the same block.
     */
    private static boolean endsLine(String line, int col, Edit.Kind kind) {
        String rest = col >= 0 && col <= line.length() ? syntaxOf(line.substring(col)).stripTrailing() : "";
        if (kind == Edit.Kind.INSERT_INSIDE) {
            return rest.endsWith("{") && rest.indexOf('{') == rest.length() - 1 || rest.startsWith("<")
                    && rest.endsWith(">");
        }
        return rest.indexOf('{') < 0 && rest.indexOf('}') < 0 && (rest.indexOf(';') < 0 || rest.indexOf(';') == rest.length() - 1);
    }

    /**
     * The syntax of a line: quoted strings emptied (a ; { } inside quotes is not syntax) and an end-of-line
     * {@code # comment} (a {@code #} outside quotes, after a blank or ; { }) dropped.
     */
    private static String syntaxOf(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    out.append(c);
                }
            } else if (c == '#' && (i == 0 || " \t;{}".indexOf(text.charAt(i - 1)) >= 0)) {
                break;
            } else {
                quote = c == '"' || c == '\'' ? c : 0;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String indentOf(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    /** The indentation of the block a line opens: its first inner line's, else one level more. */
    private static String innerIndent(List<String> lines, int i) {
        String outer = indentOf(lines.get(i));
        for (int k = i + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                String inner = indentOf(lines.get(k));
                if (inner.length() > outer.length()) {
                    return inner;
                }
                break;
            }
        }
        return outer + (outer.contains("\t") ? "\t" : "    ");
    }

    /** A unified diff (3 lines of context) between two versions of a file. */
    public static String diff(String name, String before, String after) {
        List<String> a = List.of(before.split("\r?\n", -1));
        List<String> b = List.of(after.split("\r?\n", -1));
        // the edits only replace, insert or delete lines: align by the longest common prefix/suffix per region
        List<String[]> ops = lcs(a, b);
        StringBuilder sb = new StringBuilder("--- " + name + "\n+++ " + name + "\n");
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0].equals(" ")) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && (end - lastChange) <= 2 * CONTEXT) {
                if (!ops.get(end)[0].equals(" ")) {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = 1;
            int bStart = 1;
            for (int k = 0; k < start; k++) {
                if (!ops.get(k)[0].equals("+")) {
                    aStart++;
                }
                if (!ops.get(k)[0].equals("-")) {
                    bStart++;
                }
            }
            int aLen = 0;
            int bLen = 0;
            StringBuilder hunk = new StringBuilder();
            for (int k = start; k < end; k++) {
                String[] op = ops.get(k);
                hunk.append(op[0]).append(op[1]).append('\n');
                if (!op[0].equals("+")) {
                    aLen++;
                }
                if (!op[0].equals("-")) {
                    bLen++;
                }
            }
            sb.append("@@ -").append(aStart).append(',').append(aLen).append(" +").append(bStart).append(',')
                    .append(bLen).append(" @@\n").append(hunk);
            i = end;
        }
        return sb.toString();
    }

    /**
     * Line operations (" ", "-", "+") turning a into b: the common head and tail as they are, an LCS of the
     * part between (bounded: a huge middle is shown as removed and added).
     */
    private static List<String[]> lcs(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<String[]> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new String[] {" ", a.get(k)});
        }
        List<String> ma = a.subList(head, a.size() - tail);
        List<String> mb = b.subList(head, b.size() - tail);
        if ((long) ma.size() * mb.size() <= 4_000_000L) {
            ops.addAll(middle(ma, mb));
        } else {
            ma.forEach(l -> ops.add(new String[] {"-", l}));
            mb.forEach(l -> ops.add(new String[] {"+", l}));
        }
        for (int k = a.size() - tail; k < a.size(); k++) {
            ops.add(new String[] {" ", a.get(k)});
        }
        return ops;
    }

    private static List<String[]> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                len[x][y] = a.get(x).equals(b.get(y)) ? len[x + 1][y + 1] + 1 : Math.max(len[x + 1][y], len[x][y + 1]);
            }
        }
        List<String[]> ops = new ArrayList<>();
        int x = 0;
        int y = 0;
        while (x < n && y < m) {
            if (a.get(x).equals(b.get(y))) {
                ops.add(new String[] {" ", a.get(x++)});
                y++;
            } else if (len[x + 1][y] >= len[x][y + 1]) {
                ops.add(new String[] {"-", a.get(x++)});
            } else {
                ops.add(new String[] {"+", b.get(y++)});
            }
        }
        while (x < n) {
            ops.add(new String[] {"-", a.get(x++)});
        }
        while (y < m) {
            ops.add(new String[] {"+", b.get(y++)});
        }
        return ops;
    }
}
