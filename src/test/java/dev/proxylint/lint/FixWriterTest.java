package dev.proxylint.lint;

import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A fix that cannot be written whole never leaves the config cut short. */
class FixWriterTest {
    private static final String BEFORE = "server {\n    proxy_read_timeout 20s;\n}\n";
    private static final String AFTER = "server {\n    proxy_read_timeout 60s;\n    proxy_http_version 1.1;\n}\n";

    /** A disk with room for {@code room} more bytes: opening truncates the file, then writes stop there. */
    private static FixWriter.Opener diskWithRoomFor(int... room) {
        int[] call = {0};
        return path -> new FilterOutputStream(Files.newOutputStream(path)) {
            private int left = room[Math.min(call[0]++, room.length - 1)];

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int n = Math.min(len, left);
                out.write(b, off, n);
                left -= n;
                if (n < len) {
                    throw new IOException("No space left on device");
                }
            }
        };
    }

    private static Fixer.Change change(Path tmp) throws IOException {
        Path f = tmp.resolve("t.conf");
        Files.writeString(f, BEFORE);
        return new Fixer.Change(SourceFile.read(f, "t.conf"), BEFORE, AFTER, List.of());
    }

    @Test
    void aWriteCutShortPutsTheOriginalBack(@TempDir Path tmp) throws Exception {
        Fixer.Change c = change(tmp);
        UsageException e = assertThrows(UsageException.class,
                () -> FixWriter.write(c, diskWithRoomFor(20, BEFORE.length())));
        assertEquals("cannot write t.conf: no space left on device; it was left as it was", e.getMessage());
        assertEquals(BEFORE, Files.readString(c.file().path()));
    }

    @Test
    void whenPuttingItBackFailsTooTheOriginalIsSavedAside(@TempDir Path tmp) throws Exception {
        Fixer.Change c = change(tmp);
        UsageException e = assertThrows(UsageException.class, () -> FixWriter.write(c, diskWithRoomFor(20, 10)));
        String prefix = "cannot write t.conf: no space left on device; putting it back failed too (no space left on"
                + " device): its text before the fix is in ";
        assertEquals(prefix, e.getMessage().substring(0, prefix.length()));
        Path saved = Path.of(e.getMessage().substring(prefix.length()));
        try {
            assertArrayEquals(BEFORE.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(saved));
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsNotTouched(@TempDir Path tmp) throws Exception {
        Fixer.Change c = change(tmp);
        UsageException e = assertThrows(UsageException.class, () -> FixWriter.write(c, path -> {
            throw new java.nio.file.AccessDeniedException(path.toString());
        }));
        assertEquals("cannot write t.conf: permission denied", e.getMessage());
        assertEquals(BEFORE, Files.readString(c.file().path()));
    }

    @Test
    void aWriteThatFitsWritesTheFix(@TempDir Path tmp) throws Exception {
        Fixer.Change c = change(tmp);
        FixWriter.write(c);
        assertEquals(AFTER, Files.readString(c.file().path()));
    }
}
