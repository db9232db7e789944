package dev.proxylint.apache;

import dev.proxylint.source.SourceFile;

import java.util.ArrayList;
import java.util.List;

/** Splits a file into the logical lines httpd reads (server/util.c: ap_cfg_getline, cfg_trim_line). */
final class LineReader {
    private LineReader() {
    }

    static List<LogicalLine> read(SourceFile file) {
        String text = file.text();
        List<LogicalLine> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        List<int[]> where = new ArrayList<>(); // {line, column} per character of sb
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            lineNo++;
            int nl = text.indexOf('\n', start);
            boolean hasLf = nl >= 0;
            int end = hasLf ? nl : text.length();
            int contentEnd = end;
            if (hasLf && contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            // [^\\]\\[\r]\n: a backslash right before the line break joins the next line, exactly
            boolean continued = hasLf && contentEnd > start && text.charAt(contentEnd - 1) == '\\';
            int keepEnd = continued ? contentEnd - 1 : end;
            for (int k = start; k < keepEnd; k++) {
                sb.append(text.charAt(k));
                where.add(new int[] {lineNo, k - start + 1});
            }
            start = hasLf ? nl + 1 : text.length();
            if (!continued) {
                out.add(trimmed(sb, where, lineNo, file));
                sb.setLength(0);
                where.clear();
            }
        }
        if (sb.length() > 0 || !where.isEmpty()) {
            out.add(trimmed(sb, where, lineNo, file));
        }
        return out;
    }

    private static LogicalLine trimmed(StringBuilder sb, List<int[]> where, int lastLine, SourceFile file) {
        int from = 0;
        int to = sb.length();
        while (from < to && ConfWords.isSpace(sb.charAt(from))) {
            from++;
        }
        while (to > from && ConfWords.isSpace(sb.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            int line = where.isEmpty() ? lastLine : where.get(0)[0];
            return new LogicalLine("", new int[] {line}, new int[] {1}, file);
        }
        int[] lines = new int[to - from];
        int[] cols = new int[to - from];
        for (int k = from; k < to; k++) {
            lines[k - from] = where.get(k)[0];
            cols[k - from] = where.get(k)[1];
        }
        return new LogicalLine(sb.substring(from, to), lines, cols, file);
    }
}
