package dev.proxylint.source;

import java.nio.file.Path;

/** How a file found on disk (an include, a file in a walked folder) is named in findings. */
public final class DisplayPaths {
    private final Path cwd;

    public DisplayPaths(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public static DisplayPaths ofWorkingDirectory() {
        return new DisplayPaths(Path.of("").toAbsolutePath());
    }

    /**
     * Relative to the current folder (cli.md), also when it lies near it: {@code ../deploy/conf.d/io.conf} when the
     * two share at least two folders ({@code /home/me}); else absolute ({@code /etc/nginx/conf.d/io.conf}, not
     * {@code ../../../etc/nginx/...}).
     */
    public String of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(cwd) && shared(abs) < 2) {
            return abs.toString();
        }
        String rel = cwd.relativize(abs).toString();
        return rel.isEmpty() ? "." : rel;
    }

    /** How many leading folders the file's path has in common with the current folder's. */
    private int shared(Path abs) {
        if (!java.util.Objects.equals(abs.getRoot(), cwd.getRoot())) {
            return 0;
        }
        int n = 0;
        while (n < abs.getNameCount() && n < cwd.getNameCount() && abs.getName(n).equals(cwd.getName(n))) {
            n++;
        }
        return n;
    }
}
