package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;
import dev.proxylint.source.Position;
import dev.proxylint.source.Visible;

import java.io.PrintStream;

/**
 * Compiler-style text: {@code FILE:LINE:COL: SEVERITY[RULE] message}, the source line with a caret under the
 * directive, {@code fix:} with the directive to write, and a summary line.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BLUE = "\u001b[1;34m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";

    /** Longest source line shown whole. */
    private static final int MAX_SHOWN = 160;

    private boolean color;

    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        this.color = context.color();
        for (Finding f : report.findings()) {
            String sev = f.severity().id();
            String sevColor = f.severity() == Severity.ERROR ? RED : f.severity() == Severity.WARNING ? YELLOW : BLUE;
            // the file name, the message and the source line may hold what a terminal would obey (an ESC
            // sequence, a line break): each is shown as an escape, so FILE:LINE:COL stays one line
            Position at = f.position();
            out.println(paint(BOLD, Visible.of(at.file()) + ":" + at.line() + ":" + at.column() + ":") + " "
                    + paint(sevColor, sev + "[" + f.rule() + "]") + " " + Visible.of(f.message()));
            String line = f.sourceLine();
            if (line != null && !line.isEmpty()) {
                String num = String.valueOf(f.position().line());
                String gutter = " ".repeat(num.length());
                int column = f.position().column();
                if (line.length() > MAX_SHOWN) {
                    // a minified or generated line: show the part around the column, marked as cut
                    int from = Math.max(0, Math.min(column - 1 - 40, line.length() - MAX_SHOWN));
                    int to = Math.min(line.length(), from + MAX_SHOWN);
                    // never cut a character in two (an emoji is two chars in Java)
                    if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
                        from++;
                    }
                    if (to < line.length() && Character.isLowSurrogate(line.charAt(to))) {
                        to--;
                    }
                    String head = from > 0 ? "..." : "";
                    column = column - from + head.length();
                    line = head + line.substring(from, to) + (to < line.length() ? "..." : "");
                }
                out.println(paint(DIM, " " + num + " | ") + Visible.of(line));
                out.println(paint(DIM, " " + gutter + " | ") + paint(sevColor, caret(line, column)));
            }
            if (f.fix() != null && !f.fix().isEmpty()) {
                out.println("  " + paint(CYAN, "fix:") + " " + Visible.of(f.fix()));
            }
            out.println();
        }
        out.println(Summary.line(report));
    }

    /**
     * Blanks (tabs kept, so the caret lines up) up to the column, then ^ and ~ under the directive, as wide as
     * the line is once shown (a control character takes its escape's width).
     */
    static String caret(String line, int column) {
        StringBuilder sb = new StringBuilder();
        int start = Math.max(0, Math.min(column - 1, line.length()));
        for (int i = 0; i < start; i++) {
            char c = line.charAt(i);
            sb.append(c == '\t' ? "\t" : " ".repeat(Visible.width(c)));
        }
        int end = start;
        boolean quoted = false;
        while (end < line.length()) {
            char c = line.charAt(end);
            if (c == '"' || c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && (c == ';' || c == '{' || c == '#' && end > start && Character.isWhitespace(line.charAt(end - 1)))) {
                if (c != '#') {
                    end++;
                }
                break;
            }
            end++;
        }
        while (end > start + 1 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        sb.append('^').append("~".repeat(start < line.length() ? Visible.width(line.charAt(start)) - 1 : 0));
        for (int i = start + 1; i < end; i++) {
            sb.append("~".repeat(Visible.width(line.charAt(i))));
        }
        return sb.toString();
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }
}
