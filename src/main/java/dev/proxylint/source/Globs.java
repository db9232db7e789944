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

    private Globs() {
    }

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /**
     * Files matching {@code pattern} (absolute, or relative to {@code base}), sorted the way glob(3) sorts
     * them. A pattern without wildcards yields the file if it exists.
     */
    public static List<Path> expand(String pattern, Path base) {
        Path p = Path.of(pattern);
        Path start = p.isAbsolute() ? p.getRoot() : base;
        List<Path> current = new ArrayList<>(List.of(start));
        int n = p.getNameCount();
        for (int i = 0; i < n; i++) {
            String segment = p.getName(i).toString();
            boolean last = i == n - 1;
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasWildcard(segment)) {
                    Path candidate = dir.resolve(segment);
                    if (last ? Files.exists(candidate) : Files.isDirectory(candidate)) {
                        next.add(candidate);
                    }
                    continue;
                }
                Pattern regex = toRegex(segment);
                List<Path> found = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
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
                } catch (IOException | SecurityException e) {
                    continue;
                }
                found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                next.addAll(found);
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
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
