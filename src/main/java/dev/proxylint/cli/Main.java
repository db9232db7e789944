package dev.proxylint.cli;

import dev.proxylint.lint.UsageException;
import dev.proxylint.report.StandardOutput;
import dev.proxylint.settings.SettingsException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Entry point: runs the picocli command and turns user mistakes into one line and exit status 2. */
public final class Main {
    static {
        // libraries (SnakeYAML, Commons Configuration) log through java.util.logging, which prints two
        // timestamped lines on stderr per message: everything a user should see is a proxylint line
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }

    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput.install(); // so that a report lost to a full disk can say so
        int exit;
        try {
            exit = run(args);
        } catch (Throwable t) { // last resort: whatever escapes picocli is still one line, not a stack trace
            System.err.println("proxylint: internal error: " + t + " (please report it)");
            exit = 2;
        }
        System.exit(exit);
    }

    public static int run(String... args) {
        CommandLine cmd = commandLine();
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(new ProxylintCommand());
    }

    /** The command line around {@code command} (tests pass one with their own folder and environment). */
    static CommandLine commandLine(ProxylintCommand command) {
        CommandLine cmd = new CommandLine(command);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("proxylint: error: " + oneLine(ex.getMessage()) + " (see proxylint --help)");
            err.flush();
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UsageException || ex instanceof SettingsException) {
                err.println("proxylint: error: " + oneLine(ex.getMessage()));
            } else {
                internalError(err, ex);
            }
            err.flush();
            return 2;
        });
        cmd.setExecutionStrategy(errorsAsOneLine(command::activity));
        return cmd;
    }

    /**
     * Runs the command, turning an Error into one line and exit status 2: picocli hands only Exceptions to
     * the handler above, so a stack overflow on a deeply nested input or a heap exhausted by a huge one would
     * leave execute() as a stack trace and exit status 1.
     *
     * @param activity what the run was doing ("linting 'big.conf'"), for the out-of-memory message
     */
    static CommandLine.IExecutionStrategy errorsAsOneLine(Supplier<String> activity) {
        return parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (Error e) {
                PrintWriter err = parseResult.commandSpec().commandLine().getErr();
                if (e instanceof OutOfMemoryError) {
                    String doing = activity.get();
                    err.println("proxylint: error: out of memory" + (doing.isEmpty() ? "" : " " + doing)
                            + " (the Java heap is too small for this input; raise it with JAVA_TOOL_OPTIONS=-Xmx2g)");
                } else {
                    internalError(err, e);
                }
                err.flush();
                return 2;
            }
        };
    }

    private static void internalError(PrintWriter err, Throwable ex) {
        String what = ex instanceof StackOverflowError ? "stack overflow (an input nested too deeply?)" : ex.toString();
        err.println("proxylint: internal error: " + oneLine(what) + " (please report it; set PROXYLINT_DEBUG=1 for"
                + " details)");
        if (System.getenv("PROXYLINT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
