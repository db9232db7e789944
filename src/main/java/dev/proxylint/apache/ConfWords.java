package dev.proxylint.apache;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words exactly as httpd's ap_getword_conf() does: blanks separate words; a word that
 * starts with a quote runs to the matching quote (or the end of the line), where only backslash-quote and
 * backslash-backslash are unescaped; elsewhere only backslash-backslash is. A quote inside a word is an
 * ordinary character, and there are no end-of-line comments.
 */
final class ConfWords {
    /** A word and where it starts in the line. */
    record ConfWord(String value, String raw, boolean quoted, int offset) {
    }

    private ConfWords() {
    }

    static List<ConfWord> split(String line) {
        List<ConfWord> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int start = i;
            char q = line.charAt(i);
            if (q == '"' || q == '\'') {
                int end = i + 1;
                while (end < n && line.charAt(end) != q) {
                    if (line.charAt(end) == '\\' && end + 1 < n
                            && (line.charAt(end + 1) == q || line.charAt(end + 1) == '\\')) {
                        end += 2;
                    } else {
                        end++;
                    }
                }
                String value = unescape(line.substring(start + 1, Math.min(end, n)), q);
                if (end < n) {
                    end++;
                }
                out.add(new ConfWord(value, line.substring(start, end), true, start));
                i = end;
            } else {
                int end = i;
                while (end < n && !isSpace(line.charAt(end))) {
                    end++;
                }
                out.add(new ConfWord(unescape(line.substring(start, end), '\0'), line.substring(start, end), false,
                        start));
                i = end;
            }
        }
    }

    /** substring_conf(): backslash before a backslash, or before the quote of a quoted word, is dropped. */
    private static String unescape(String s, char quote) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || quote != '\0' && s.charAt(i + 1) == quote)) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** apr_isspace: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** Index of the first argument that starts an intended end-of-line comment (an unquoted {@code #...}), else argCount. */
    static int commentStart(dev.proxylint.source.Directive d) {
        for (int i = 0; i < d.argCount(); i++) {
            if (!d.args().get(i).quoted() && d.args().get(i).raw().startsWith("#")) {
                return i;
            }
        }
        return d.argCount();
    }

    /** The directive as written, without such a comment: what the user meant. */
    static String withoutComment(dev.proxylint.source.Directive d) {
        StringBuilder sb = new StringBuilder(d.nameWord().raw());
        for (int i = 0; i < commentStart(d); i++) {
            sb.append(' ').append(d.args().get(i).raw());
        }
        return sb.toString();
    }
}
