package dev.proxylint.apache;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code <IfVersion>} (mod_version) against the httpd proxylint assumes: 2.4.71, Debian 12's. */
final class IfVersion {
    static final int[] ASSUMED = {2, 4, 71};

    private IfVersion() {
    }

    /** True or false, or null when the arguments are not something mod_version reads. */
    static Boolean evaluate(List<String> args) {
        String op;
        String version;
        if (args.size() == 1) {
            String a = args.get(0);
            if (a.startsWith("/") && a.endsWith("/") && a.length() > 1) {
                return regex(a.substring(1, a.length() - 1));
            }
            op = "=";
            version = a;
        } else if (args.size() == 2) {
            op = args.get(0);
            version = args.get(1);
        } else {
            return null;
        }
        boolean negate = op.startsWith("!");
        if (negate) {
            op = op.substring(1);
        }
        Boolean r;
        if (op.equals("~") || version.startsWith("/") && version.endsWith("/") && version.length() > 1) {
            r = regex(version.startsWith("/") ? version.substring(1, version.length() - 1) : version);
        } else {
            int cmp = compare(version);
            if (cmp == Integer.MIN_VALUE) {
                return null;
            }
            r = switch (op) {
                case "=", "==" -> cmp == 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                default -> null;
            };
        }
        return r == null ? null : negate != r;
    }

    private static Boolean regex(String re) {
        try {
            return dev.proxylint.source.BoundedMatch.matcher(Pattern.compile(re),
                    ASSUMED[0] + "." + ASSUMED[1] + "." + ASSUMED[2]).find();
        } catch (PatternSyntaxException | dev.proxylint.source.BoundedMatch.TooExpensive e) {
            return null;
        }
    }

    /** Assumed version compared with {@code v} (major[.minor[.patch]]); MIN_VALUE if unreadable. */
    private static int compare(String v) {
        String[] parts = v.split("\\.");
        if (parts.length == 0 || parts.length > 3) {
            return Integer.MIN_VALUE;
        }
        for (int i = 0; i < parts.length; i++) {
            int n;
            try {
                n = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
            if (ASSUMED[i] != n) {
                return Integer.compare(ASSUMED[i], n);
            }
        }
        return 0;
    }
}
