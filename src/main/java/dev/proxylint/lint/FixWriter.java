package dev.proxylint.lint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a fixed file. In place, so the file keeps its inode: owner, mode, hard and symbolic links and any
 * SELinux label stay as they were (a new file renamed over it would lose them). A write that fails part way (a
 * full disk, a quota) has already cut the file short: its original bytes are put back, so a failed fix never
 * leaves less config than there was.
 */
public final class FixWriter {
    /** Opens a file for writing from its start, truncating it; tests pass one whose writes fail. */
    interface Opener {
        OutputStream open(Path path) throws IOException;
    }

    private FixWriter() {
    }

    public static void write(Fixer.Change change) throws UsageException {
        write(change, Files::newOutputStream);
    }

    static void write(Fixer.Change change, Opener opener) throws UsageException {
        Path path = change.file().path();
        String cannot = "cannot write " + change.file().display() + ": ";
        OutputStream out;
        try {
            out = opener.open(path);
        } catch (IOException e) {
            throw new UsageException(cannot + reason(e)); // not opened, so not touched
        }
        try (out) {
            out.write(change.bytesAfter());
        } catch (IOException failed) {
            throw new UsageException(cannot + reason(failed) + "; " + restore(change, opener));
        }
    }

    /** Puts the file's original bytes back after a failed write; says where they are if that fails too. */
    private static String restore(Fixer.Change change, Opener opener) {
        byte[] before = change.bytesBefore();
        try (OutputStream out = opener.open(change.file().path())) {
            out.write(before);
            return "it was left as it was";
        } catch (IOException e) {
            try {
                Path saved = Files.createTempFile("proxylint-", "-" + change.file().path().getFileName());
                Files.write(saved, before);
                return "putting it back failed too (" + reason(e) + "): its text before the fix is in " + saved;
            } catch (IOException | RuntimeException e2) {
                return "putting it back failed too (" + reason(e) + "): it may be cut short";
            }
        }
    }

    private static String reason(IOException e) {
        return dev.proxylint.io.IoErrors.reason(e);
    }
}
