package dev.proxylint.cli;

import dev.proxylint.lint.UsageException;
import dev.proxylint.report.StandardOutput;
import dev.proxylint.settings.SettingsException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point: runs the picocli command and turns user mistakes into one line and exit status 2. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput.install(); // so that a report lost to a full disk can say so
        System.exit(run(args));
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
                err.println("proxylint: internal error: " + ex + " (please report it; set PROXYLINT_DEBUG=1 for"
                        + " details)");
                if (System.getenv("PROXYLINT_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return 2;
        });
        return cmd;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
