package dev.proxylint.lint;

import dev.proxylint.rules.Edit;
import dev.proxylint.rules.Finding;
import dev.proxylint.source.ByteKeepingUtf8;
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
    /**
     * A file's text before and after the edits, and the findings whose edits all applied. The texts keep the
     * bytes that are not UTF-8 ({@link SourceFile#textKeepingBytes()}): use {@link #bytesAfter()} and
     * {@link #diff()} to write them.
     */
    public record Change(SourceFile file, String before, String after, List<Finding> fixed) {
        /** The bytes the file was read from. */
        public byte[] bytesBefore() {
            return ByteKeepingUtf8.encode(before);
        }

        /** The file as {@code --fix} writes it: the bytes it was read from, but for the edits. */
        public byte[] bytesAfter() {
            return ByteKeepingUtf8.encode(after);
        }

        /** What {@code --diff} prints for the file, each line in the file's own bytes. */
        public byte[] diff() {
            return ByteKeepingUtf8.encode(UnifiedDiff.of(file.display(), before, after));
        }
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
            // the edits' columns count characters of text(); textKeepingBytes() has the same characters, but
            // with bytes that are not UTF-8 (a Latin-1 comment) kept instead of turned into U+FFFD
            String before = file.textKeepingBytes();
            String after = apply(before, new ArrayList<>(edits), skipped);
            // a finding counts as fixed when every one of its edits in this file was made
            List<Finding> made = fixed.stream().filter(f -> f.edits().stream()
                    .filter(e -> e.at().file().equals(entry.getKey())).noneMatch(skipped::contains)).toList();
            if (!after.equals(before)) {
                // the file is rewritten as it was read, byte order mark included: a fix changes only what it says
                String mark = file.startsWithByteOrderMark() ? "\uFEFF" : "";
                out.add(new Change(file, mark + before, mark + after, made));
            }
        }
        return out;
    }

    static String apply(String text, List<Edit> edits) {
        return apply(text, edits, new java.util.HashSet<>());
    }

    /** @param skipped receives the edits that could not be made (the text moved, a one-line block) */
    static String apply(String text, List<Edit> edits, Set<Edit> skipped) {
        List<Line> original = Line.split(text);
        List<String> lines = new ArrayList<>(original.stream().map(Line::text).toList());
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
        // every line keeps its own break (a file may mix CRLF and LF); an inserted line takes the break of the
        // line it follows, or, after a last line without one, goes on a line of its own in the file's usual break
        String usual = Line.usualEnding(original);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String ending = original.get(i).ending();
            if (!deleted.contains(i)) {
                sb.append(lines.get(i)).append(ending);
            }
            for (String add : insertions.getOrDefault(i, List.of())) {
                if (ending.isEmpty()) {
                    sb.append(usual).append(add);
                } else {
                    sb.append(add).append(ending);
                }
            }
        }
        return sb.toString();
    }

    /** One line of a file without its break, and the break: "\r\n", "\n", or "" for a last line without one. */
    record Line(String text, String ending) {
        static List<Line> split(String text) {
            List<Line> lines = new ArrayList<>();
            int from = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
                int end = nl > from && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
                lines.add(new Line(text.substring(from, end), text.substring(end, nl + 1)));
                from = nl + 1;
            }
            lines.add(new Line(text.substring(from), ""));
            return lines;
        }

        /** The break most lines end with ("\n" in a tie, and for a file of one line). */
        static String usualEnding(List<Line> lines) {
            long crlf = lines.stream().filter(l -> l.ending().equals("\r\n")).count();
            long lf = lines.stream().filter(l -> l.ending().equals("\n")).count();
            return crlf > lf ? "\r\n" : "\n";
        }
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
}
