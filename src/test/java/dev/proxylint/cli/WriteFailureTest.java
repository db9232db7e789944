package dev.proxylint.cli;

import dev.proxylint.report.StandardOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A report that could not be written is an error (exit 2, one line saying why), not a silent pass. */
class WriteFailureTest {
    /** What /dev/full does to every write. */
    private static final OutputStream FULL_DEVICE = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    private static CliRun runOnFullDevice(String... args) {
        synchronized (CliRun.class) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(StandardOutput.over(FULL_DEVICE, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                var cmd = Main.commandLine(new ProxylintCommand());
                cmd.setErr(new java.io.PrintWriter(System.err, true));
                int exit = cmd.execute(args);
                return new CliRun(exit, "", err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }

    @Test
    void aReportLostToAFullDeviceIsExitStatus2(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("nginx.conf");
        Files.writeString(broken, CliTest.BROKEN);
        Path clean = tmp.resolve("clean.conf");
        Files.writeString(clean, CliTest.BROKEN.replace("20s", "60s"));
        for (String[] args : new String[][] {{broken.toString()}, {clean.toString()}, {"--format", "json",
                clean.toString()}, {"--format", "github", broken.toString()}}) {
            CliRun r = runOnFullDevice(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals("proxylint: error: cannot write the report: no space left on device\n", r.err());
        }
        assertEquals(0, runOnFullDevice("--format", "github", clean.toString()).exit(), "no finding: nothing to lose");
        CliRun diff = runOnFullDevice("--diff", broken.toString());
        assertEquals(2, diff.exit());
        assertEquals("proxylint: error: cannot write the diff: no space left on device\n", diff.err());
    }
}
