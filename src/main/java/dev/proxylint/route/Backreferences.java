package dev.proxylint.route;

import java.util.regex.MatchResult;

/** {@code $1}..{@code $9} in a rewrite target, as nginx's rewrite and httpd's ProxyPassMatch substitute them. */
public final class Backreferences {
    private Backreferences() {
    }

    /** {@code template} with each {@code $N} replaced by group N of {@code m} (empty when it did not match). */
    public static String expand(String template, MatchResult m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int g = template.charAt(++i) - '0';
                sb.append(g <= m.groupCount() && m.group(g) != null ? m.group(g) : "");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
