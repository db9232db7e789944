package dev.proxylint.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why an I/O operation failed, in the words of the system ("permission denied"). Java's file exceptions
 * often carry only the path as their message, so "cannot read X: " + getMessage() says "cannot read X: X".
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * The reason, naming the file it is about when that is not {@code target} (creating a baseline's folder
     * fails on a parent: "cannot write a/b.json: a: not a directory").
     */
    public static String reason(IOException e, Path target) {
        if (e instanceof FileSystemException fse && fse.getFile() != null && target != null
                && !fse.getFile().equals(target.toString())) {
            return fse.getFile() + ": " + reason(e);
        }
        return reason(e);
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8"; // the JDK says "Input length = 1"
        }
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return lowerFirst(fse.getReason()); // strerror: "Read-only file system", "Is a directory"
            }
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=.)(?=\\p{Upper})", " ")
                    .toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName()
                : lowerFirst(m.lines().findFirst().orElse(m).trim()); // an IOException's "No space left on device"
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
