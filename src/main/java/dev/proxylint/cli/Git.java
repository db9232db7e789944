package dev.proxylint.cli;

import dev.proxylint.lint.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs git in a folder, bounded in time, and returns its standard output. */
final class Git {
    private static final long TIMEOUT_S = 120;

    private Git() {
    }

    static String run(Path dir, String... args) throws UsageException {
        return new String(bytes(dir, args), StandardCharsets.UTF_8);
    }

    static byte[] bytes(Path dir, String... args) throws UsageException {
        return bytes(dir, java.util.Map.of(), args);
    }

    /** git with an index of its own ({@code GIT_INDEX_FILE}), leaving the repository's index alone. */
    static String runWithIndex(Path dir, Path index, String... args) throws UsageException {
        return new String(bytes(dir, java.util.Map.of("GIT_INDEX_FILE", index.toAbsolutePath().toString()), args),
                StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path dir, java.util.Map<String, String> env, String... args) throws UsageException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[][] out = new byte[2][];
            Thread errReader = new Thread(() -> out[1] = readAll(p.getErrorStream()));
            errReader.start();
            out[0] = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UsageException("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_S + " s");
            }
            errReader.join(TimeUnit.SECONDS.toMillis(5));
            if (p.exitValue() != 0) {
                String err = out[1] == null ? "" : new String(out[1], StandardCharsets.UTF_8).trim();
                throw new UsageException("git " + args[0] + " failed: " + (err.isEmpty() ? "exit " + p.exitValue()
                        : err.lines().findFirst().orElse("")));
            }
            return out[0];
        } catch (IOException e) {
            throw new UsageException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while running git");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static volatile Boolean endOfOptions;

    /**
     * {@code --end-of-options} when this git knows it (2.24 and later; older ones would take it for a revision):
     * what follows is then never read as an option, whatever it looks like.
     */
    static List<String> endOfOptions(Path dir) throws UsageException {
        if (endOfOptions == null) {
            Matcher v = VERSION.matcher(run(dir, "version"));
            endOfOptions = v.find() && (Integer.parseInt(v.group(1)) > 2
                    || Integer.parseInt(v.group(1)) == 2 && Integer.parseInt(v.group(2)) >= 24);
        }
        return endOfOptions ? List.of("--end-of-options") : List.of();
    }

    /** NUL-separated output (git's -z) as a list. */
    static List<String> zList(String out) {
        List<String> list = new ArrayList<>();
        for (String s : out.split("\0")) {
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
        return list;
    }
}
