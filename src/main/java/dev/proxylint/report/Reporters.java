package dev.proxylint.report;

import java.util.Map;
import java.util.function.Supplier;

/** The output formats by name, as {@code --format} names them. */
public final class Reporters {
    private static final Map<String, Supplier<Reporter>> BY_NAME = Map.of(
            "text", TextReporter::new,
            "json", JsonReporter::new,
            "sarif", SarifReporter::new,
            "junit", JunitReporter::new,
            "checkstyle", CheckstyleReporter::new,
            "github", GithubReporter::new,
            "gitlab", GitlabReporter::new);

    private Reporters() {
    }

    public static Reporter forName(String name) {
        Supplier<Reporter> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown format " + name);
        }
        return s.get();
    }

    /** The format names, in the order --help lists them. */
    public static java.util.List<String> names() {
        return java.util.List.of("text", "json", "sarif", "junit", "checkstyle", "github", "gitlab");
    }

    public static boolean exists(String name) {
        return BY_NAME.containsKey(name);
    }
}
