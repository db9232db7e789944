package dev.proxylint.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Messages say why an I/O operation failed, not just which path ("cannot write x.conf: x.conf"). */
class IoErrorsTest {
    @Test
    void reasonsInTheWordsOfTheSystem() {
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("x.conf")));
        assertEquals("no such file or directory", IoErrors.reason(new NoSuchFileException("x.conf")));
        assertEquals("read-only file system", IoErrors.reason(new FileSystemException("x.conf", null,
                "Read-only file system")));
        assertEquals("not valid UTF-8", IoErrors.reason(new MalformedInputException(1)));
        assertEquals("disk on fire", IoErrors.reason(new IOException("disk on fire")));
        assertEquals("IOException", IoErrors.reason(new IOException()));
    }

    @Test
    void aFailureOnAnotherPathNamesIt() {
        Path target = Path.of("a/b.json");
        assertEquals("a: not a directory", IoErrors.reason(new FileSystemException("a", null, "Not a directory"),
                target));
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("a/b.json"), target));
    }

    @Test
    void notValidUtf8FromAStrictRead(@TempDir Path tmp) throws Exception {
        Path f = Files.write(tmp.resolve("l1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> Files.readString(f));
        assertEquals("not valid UTF-8", IoErrors.reason(e));
    }

    @Test
    void whatANonRegularFileIs(@TempDir Path tmp) {
        assertEquals("a directory", RegularFiles.notRegular(tmp));
        assertEquals("a character device", RegularFiles.notRegular(Path.of("/dev/null")));
        assertEquals(null, RegularFiles.notRegular(tmp.resolve("absent")));
    }
}
