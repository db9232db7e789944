package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * cli.md's exit status 2 for what is not a finding: one line on stderr saying what and where, never a stack
 * trace, never a hang, never a silent pass.
 */
class RobustnessTest {
    private static final String CLEAN = CliTest.BROKEN.replace("20s", "60s");

    private static void assertError(CliRun r, String expectedLine) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("proxylint: error: " + expectedLine + "\n", r.err());
    }

    private static Path config(Path dir) throws Exception {
        Path f = dir.resolve("nginx.conf");
        Files.writeString(f, CLEAN);
        return f;
    }

    // --- Errors (stack overflow, out of memory) ---

    @Command(name = "overflow")
    static final class Throws implements Callable<Integer> {
        private final Error error;

        Throws(Error error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }

    private static String runThrowing(Error e, String activity) {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Throws(e));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionStrategy(Main.errorsAsOneLine(() -> activity));
        assertEquals(2, cmd.execute());
        return err.toString();
    }

    @Test
    void anErrorIsOneLineAndExitTwoNotAStackTrace() {
        assertEquals("proxylint: internal error: stack overflow (an input nested too deeply?) (please report it;"
                + " set PROXYLINT_DEBUG=1 for details)\n", runThrowing(new StackOverflowError(), ""));
        assertEquals("proxylint: error: out of memory linting 'big.conf' (the Java heap is too small for this input;"
                + " raise it with JAVA_TOOL_OPTIONS=-Xmx2g)\n", runThrowing(new OutOfMemoryError("Java heap space"),
                "linting 'big.conf'"));
    }
}
