package dev.proxylint.lint;

/** A user mistake (a path that is not there, a file that cannot be read): one line, exit status 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
