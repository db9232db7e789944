package dev.proxylint.lint;

import dev.proxylint.source.Visible;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --diff} prints: a unified diff of a file before and after its fixes, every line as it is in the file
 * (its own line break, and "\ No newline at end of file" where there is none), so that it shows exactly what
 * {@code --fix} would write and {@code patch} or {@code git apply} can apply it.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** A unified diff (3 lines of context) between two versions of a file. */
    public static String of(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        // the edits only replace, insert or delete lines: align by the longest common prefix/suffix per region
        List<String[]> ops = lcs(a, b);
        // a file name with a line break (or an ESC) would break the header: shown as an escape
        String shown = Visible.of(name);
        StringBuilder sb = new StringBuilder("--- " + shown + "\n+++ " + shown + "\n");
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
                hunk.append(op[0]).append(op[1]);
                if (!op[1].endsWith("\n")) {
                    hunk.append("\n\\ No newline at end of file\n");
                }
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
     * The lines of a text, each with its break ("\r\n" kept: a diff shows the line as it is written, as git does),
     * the last one without a break if the text does not end with one.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            lines.add(text.substring(from, nl + 1));
            from = nl + 1;
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
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
