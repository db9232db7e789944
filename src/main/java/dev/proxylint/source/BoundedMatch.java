package dev.proxylint.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regex matching with a bound on the work: a config's regex ({@code location ~ (.*.){8}#}) can backtrack for
 * hours on one request line. The input counts the characters the matcher reads and gives up past a budget far
 * above what any sane pattern needs; callers treat that as "cannot tell".
 */
public final class BoundedMatch {
    /** Characters read per match: sane patterns on a request line need a few thousand. */
    private static final long BUDGET = 2_000_000;

    private BoundedMatch() {
    }

    /** Thrown by a matcher from {@link #matcher} that went over its budget. */
    public static final class TooExpensive extends RuntimeException {
        TooExpensive() {
            super("regular expression too expensive to evaluate", null, false, false);
        }
    }

    public static Matcher matcher(Pattern pattern, CharSequence input) {
        return pattern.matcher(new Counted(input.toString()));
    }

    private static final class Counted implements CharSequence {
        private final String s;
        private long left = BUDGET;

        Counted(String s) {
            this.s = s;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new TooExpensive();
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
