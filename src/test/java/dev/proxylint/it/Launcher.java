package dev.proxylint.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs commands (the real bin/proxylint, git, script) in a folder, bounded in time. */
final class Launcher {
    static final Path PROXYLINT = Path.of("bin", "proxylint").toAbsolutePath();

    record Result(int exit, String out, String err) {
    }

    private Launcher() {
    }

    static Result run(Path dir, String stdin, Map<String, String> env, List<String> cmd) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Thread feeder = new Thread(() -> {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process closed its input: fine
            }
        });
        feeder.start();
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = new byte[0];
            }
        });
        errReader.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        errReader.join(10_000);
        feeder.join(10_000);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err[0] == null ? new byte[0] : err[0], StandardCharsets.UTF_8));
    }

    static Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        return run(dir, "", Map.of(), List.of(cmd));
    }

    static boolean available(String command) {
        try {
            return run(Path.of("."), "sh", "-c", "command -v " + command).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
