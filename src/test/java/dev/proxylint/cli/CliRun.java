package dev.proxylint.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process with captured standard streams. */
record CliRun(int exit, String out, String err) {
    static CliRun withStdin(String stdin, String... args) {
        return run(new ProxylintCommand(), stdin, args);
    }

    /** Runs as if started in folder {@code cwd} with exactly the environment {@code env}. */
    static CliRun in(Path cwd, Map<String, String> env, String... args) {
        return run(new ProxylintCommand(env, cwd), "", args);
    }

    /** As {@link #in}, reading {@code stdin} from standard input. */
    static CliRun inWithStdin(Path cwd, Map<String, String> env, String stdin, String... args) {
        return run(new ProxylintCommand(env, cwd), stdin, args);
    }

    private static synchronized CliRun run(ProxylintCommand command, String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            var cmd = Main.commandLine(command);
            cmd.setOut(new java.io.PrintWriter(System.out, true));
            cmd.setErr(new java.io.PrintWriter(System.err, true));
            int exit = cmd.execute(args);
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    static CliRun of(String... args) {
        return withStdin("", args);
    }
}
