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

    /** Relative to the current folder when the file lies below it, else absolute. */
    public String of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(cwd)) {
            String rel = cwd.relativize(abs).toString();
            return rel.isEmpty() ? "." : rel;
        }
        return abs.toString();
    }
}
