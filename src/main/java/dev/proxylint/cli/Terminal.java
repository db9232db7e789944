package dev.proxylint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Whether standard input or output is a terminal (Java 17 has no direct way to ask for one stream). */
final class Terminal {
    private Terminal() {
    }

    /** @param fd 0 for standard input, 1 for standard output */
    static boolean isTerminal(int fd, Map<String, String> env) {
        String hint = env.get(fd == 0 ? "PROXYLINT_STDIN_TTY" : "PROXYLINT_STDOUT_TTY");
        if (hint != null) {
            return hint.equals("1");
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
