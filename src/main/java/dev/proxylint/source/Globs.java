package dev.proxylint.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** File name patterns as glob(3)/fnmatch(3) read them for nginx {@code include} and httpd {@code Include}. */
public final class Globs {
    private static final int MAX_MATCHES = 10_000;
    private static final int MAX_ENTRIES_READ = 200_000;

    private Globs() {
    }

    /** Whether an include names an absolute path (without Path.of, which refuses a NUL byte). */
    public static boolean isAbsolute(String pattern) {
        return pattern.startsWith("/");
    }

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /**
     * Files matching {@code pattern} (absolute, or relative to {@code base}), sorted the way glob(3) sorts
     * them. A pattern without wildcards yields the file if it exists.
     */
    public static List<Path> expand(String pattern, Path base) {
        try {
            return expand(Path.of(pattern), base);
        } catch (java.nio.file.InvalidPathException e) {
            return List.of(); // a name no file can have (a NUL byte)
        }
    }

    private static List<Path> expand(Path p, Path base) {
        Path start = p.isAbsolute() ? p.getRoot() : base;
        List<Path> current = new ArrayList<>(List.of(start));
        int n = p.getNameCount();
        // directory entries read in all: links that loop (a -> .) make g/*/*/.../*.conf grow exponentially
        int[] budget = {MAX_ENTRIES_READ};
        for (int i = 0; i < n && budget[0] > 0; i++) {
            String segment = p.getName(i).toString();
            boolean last = i == n - 1;
            Pattern regex = hasWildcard(segment) ? toRegexOrNull(segment) : null;
            if (hasWildcard(segment) && regex == null) {
                return List.of(); // an invalid range ([z-a]) matches nothing, as fnmatch(3) sees it
            }
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (regex == null) {
                    Path candidate = dir.resolve(segment);
                    if (last ? Files.exists(candidate) : Files.isDirectory(candidate)) {
                        next.add(candidate);
                    }
                } else {
                    next.addAll(matching(dir, segment, regex, last, budget));
                }
                if (next.size() > MAX_MATCHES || budget[0] <= 0) {
                    break; // the caller reports a glob that reaches too many files
                }
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    /** The entries of one folder that match a segment, sorted the way glob(3) sorts them. */
    private static List<Path> matching(Path dir, String segment, Pattern regex, boolean last, int[] budget) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (--budget[0] < 0) {
                    break;
                }
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && !segment.startsWith(".")) {
                    continue;
                }
                if (regex.matcher(name).matches() && (last || Files.isDirectory(entry))) {
                    found.add(entry);
                    if (found.size() > MAX_MATCHES) {
                        break;
                    }
                }
            }
        } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException
                 | java.io.UncheckedIOException e) {
            return found; // an unreadable folder (or /proc entries that vanish) holds nothing proxylint can read
        }
        found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return found;
    }

    private static Pattern toRegexOrNull(String glob) {
        try {
            return toRegex(glob);
        } catch (java.util.regex.PatternSyntaxException e) {
            return null;
        }
    }

    /** fnmatch(3) pattern to a Java regex: {@code *}, {@code ?}, {@code [...]} with {@code !} or {@code ^}. */
    static Pattern toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        sb.append("\\[");
                        break;
                    }
                    String body = glob.substring(i + 1, close);
                    sb.append('[');
                    if (body.startsWith("!") || body.startsWith("^")) {
                        sb.append('^');
                        body = body.substring(1);
                    }
                    for (char b : body.toCharArray()) {
                        if (b == '\\' || b == '[' || b == ']' || b == '&' || b == '^') {
                            sb.append('\\');
                        }
                        sb.append(b);
                    }
                    sb.append(']');
                    i = close;
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
