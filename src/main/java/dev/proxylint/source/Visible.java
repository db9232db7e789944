package dev.proxylint.source;

/**
 * Config text made safe to print on a terminal or in a CI log: the characters a terminal would obey rather than
 * show (C0 controls such as ESC, DEL, C1 controls, and the bidirectional and line-separator formatting marks
 * that reorder or break what is shown) are written as escapes, {@code \x1b} or {@code \u202e}. A tab stays a tab.
 */
public final class Visible {
    private Visible() {
    }

    /** The text with every such character escaped, line breaks too: for what must stay on one line. */
    public static String of(String text) {
        return escape(text, false);
    }

    /** The same, but {@code \n} and {@code \r} kept: for formats that encode line breaks themselves. */
    public static String keepingLineBreaks(String text) {
        return escape(text, true);
    }

    /** How many columns {@code c} takes once shown: its escape's length, else 1. */
    public static int width(char c) {
        return needsEscape(c) ? escape(c).length() : 1;
    }

    private static String escape(String text, boolean keepLineBreaks) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escaped = needsEscape(c) && !(keepLineBreaks && (c == '\n' || c == '\r'));
            if (escaped && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(escaped ? escape(c) : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    private static String escape(char c) {
        return c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }
}
