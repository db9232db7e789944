package dev.proxylint.nginx;

import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in capitals: a placeholder of a config template (the nginx Docker image runs envsubst on
 * /etc/nginx/templates/*.template), filled in before nginx reads the file. Not an nginx variable (those are
 * lower case), so its value is unknown rather than wrong, and it is not evaluated per request.
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    private Placeholders() {
    }

    static boolean in(String s) {
        return PLACEHOLDER.matcher(s).find();
    }

    /**
     * The text with each placeholder replaced by a plain word, for questions such as "does it use variables?".
     * A name the config defines ({@code set $BACKEND ...}; nginx variable names ignore case) stays a variable.
     */
    static String filled(String s, java.util.function.Predicate<String> defined) {
        return PLACEHOLDER.matcher(s).replaceAll(m -> {
            String name = m.group().substring(2, m.group().length() - 1).toLowerCase(java.util.Locale.ROOT);
            return defined.test(name) ? java.util.regex.Matcher.quoteReplacement(m.group()) : "placeholder";
        });
    }

}
