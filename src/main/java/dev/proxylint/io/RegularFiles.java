package dev.proxylint.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading the small files proxylint is told about (settings, baselines) without hanging or exhausting memory:
 * only regular files (a named pipe blocks the reader, {@code /dev/zero} never ends), and only up to a size.
 */
public final class RegularFiles {
    private static final int S_IFMT = 0170000;

    private RegularFiles() {
    }

    /** What {@code path} is when it is there but not a regular file ("a directory", "a named pipe"), else null. */
    public static String notRegular(Path path) {
        if (Files.isRegularFile(path) || !Files.exists(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & S_IFMT;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
    }

    /**
     * The bytes of a regular file, at most {@code max + 1} of them: more than {@code max} means the file is
     * too large for what it should be (the caller says so).
     */
    public static byte[] readAtMost(Path path, long max) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    /** "4 MiB", for messages about {@code max}. */
    public static String size(long max) {
        return (max >> 20) + " MiB";
    }
}
