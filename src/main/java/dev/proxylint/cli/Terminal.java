package dev.proxylint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Whether standard input or output is a terminal (Java 17 has no direct way to ask for one stream). */
final class Terminal {
    private Terminal() {
    }

    /**
     * Whether the process was started with standard input closed ({@code proxylint <&-}): the JVM then opens
     * one of its own files (lib/modules) as descriptor 0, and reading "standard input" reads that. The launcher
     * sees it and says so ({@code PROXYLINT_STDIN_CLOSED=1}).
     */
    static boolean isClosed(int fd, Map<String, String> env) {
        if (fd == 0 && "1".equals(env.get("PROXYLINT_STDIN_CLOSED"))) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            String javaHome = System.getProperty("java.home");
            return javaHome != null && target.startsWith(javaHome + "/") || target.equals(ownJar());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static String ownJar() {
        try {
            return Path.of(Terminal.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return null;
        }
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
