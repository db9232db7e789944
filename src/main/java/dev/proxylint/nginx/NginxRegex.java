package dev.proxylint.nginx;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** PCRE patterns of nginx configs as Java patterns; null when Java cannot read one (callers stay unsure). */
final class NginxRegex {
    private NginxRegex() {
    }

    static Pattern compile(String pcre, boolean caseInsensitive) {
        String java = pcre.replace("(?P<", "(?<");
        try {
            return Pattern.compile(java, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
