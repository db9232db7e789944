package dev.proxylint.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of one config file (or of standard input) and how to name it in findings. */
public final class SourceFile {
    /** Larger files are refused: no proxy config is this big, and we must not exhaust memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path path;
    private final String display;
    private final String text;
    private final boolean binary;
    /** The text with its bytes that are not UTF-8 kept (see {@link #textKeepingBytes()}); null when there are none. */
    private String keptBytesText;
    /** The bytes began with a UTF-8 byte order mark, which is not in {@link #text()}. */
    private boolean byteOrderMark;
    private int[] lineStarts;

    public SourceFile(Path path, String display, String text, boolean binary) {
        this.path = path;
        this.display = display;
        this.text = text;
        this.binary = binary;
    }

    public static SourceFile read(Path path, String display) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a regular file");
        }
        // bounded: a growing file cannot exhaust memory
        byte[] bytes = dev.proxylint.io.RegularFiles.readAtMost(path, MAX_BYTES);
        if (bytes.length > MAX_BYTES) {
            throw new IOException("file is larger than " + dev.proxylint.io.RegularFiles.size(MAX_BYTES)
                    + "; not a proxy config");
        }
        return fromBytes(path, display, bytes);
    }

    public static SourceFile fromBytes(Path path, String display, byte[] bytes) {
        boolean binary = false;
        for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
            if (bytes[i] == 0) {
                binary = true;
                break;
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        String kept = ByteKeepingUtf8.decode(bytes, start, bytes.length - start);
        String text = ByteKeepingUtf8.replacingEscapes(kept);
        SourceFile file = new SourceFile(path, display, text, binary);
        // only a file that is not valid UTF-8 holds a second copy of its text
        file.keptBytesText = kept == text ? null : kept;
        file.byteOrderMark = start == 3;
        return file;
    }

    public static SourceFile ofText(String display, String text) {
        return new SourceFile(null, display, text, false);
    }

    /** The file on disk, or null for standard input. */
    public Path path() {
        return path;
    }

    public String display() {
        return display;
    }

    /** The text; each byte that is not part of valid UTF-8 reads as one U+FFFD. */
    public String text() {
        return text;
    }

    /**
     * The text with each byte that is not UTF-8 kept as its {@link ByteKeepingUtf8} escape, character for
     * character where {@link #text()} has U+FFFD, so that an edit made at a column of {@code text()} can be made
     * here and written back without changing the bytes around it. {@code text()} itself for valid UTF-8.
     */
    public String textKeepingBytes() {
        return keptBytesText == null ? text : keptBytesText;
    }

    /** Both nginx and httpd read a UTF-8 byte order mark as part of the first word, and refuse the file. */
    public boolean startsWithByteOrderMark() {
        return byteOrderMark;
    }

    public boolean isBinary() {
        return binary;
    }

    /** Line {@code n} (1-based) without its line break, or "" when out of range. */
    public String line(int n) {
        int[] starts = lineStarts();
        if (n < 1 || n > starts.length) {
            return "";
        }
        int from = starts[n - 1];
        int to = n < starts.length ? starts[n] : text.length();
        while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        return text.substring(from, to);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n' && i + 1 < text.length()) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        return lineStarts;
    }

    public Position position(int line, int column) {
        return new Position(display, line, column);
    }
}
