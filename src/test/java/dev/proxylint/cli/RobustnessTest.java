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

    // --- settings files ---

    @Test
    void aSelfReferencingYamlAliasIsABadSettingsFile(@TempDir Path tmp) throws Exception {
        Path yml = tmp.resolve("s.yml");
        Files.writeString(yml, "a: &a [*a]\n");
        assertError(CliRun.of("--config", yml.toString(), config(tmp).toString()),
                "settings file " + yml + ": 'a' contains itself (a YAML alias to an enclosing anchor)");
    }

    @Test
    void aDuplicateKeyIsNamedWithoutLogLines(@TempDir Path tmp) throws Exception {
        Path yml = tmp.resolve("s.yml");
        Files.writeString(yml, "socketio:\n  pingInterval: 1\nsocketio:\n  pingInterval: 2\n");
        assertError(CliRun.of("--config", yml.toString(), config(tmp).toString()),
                "settings file " + yml + ": duplicate key socketio at line 3, column 1; write each key once");
    }

    @Test
    void aListAsAKeyIsNamed(@TempDir Path tmp) throws Exception {
        Path yml = tmp.resolve("s.yml");
        Files.writeString(yml, "socketio:\n  ? [a]\n  : 1\n");
        assertError(CliRun.of("--config", yml.toString(), config(tmp).toString()), "settings file " + yml
                + ": 'socketio' has a key that is a list; keys are names such as socketio: or PL201:");
    }

    @Test
    void settingsFileThatIsNotUtf8OrTooLargeOrNotAFile(@TempDir Path tmp) throws Exception {
        Path conf = config(tmp);
        Path yml = tmp.resolve("s.yml");
        Files.write(yml, "socketio:\n  path: /caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertError(CliRun.of("--config", yml.toString(), conf.toString()),
                "settings file " + yml + " is not valid UTF-8");
        Files.writeString(yml, "# " + "x".repeat(1 << 20) + "\n");
        assertError(CliRun.of("--config", yml.toString(), conf.toString()),
                "settings file " + yml + " is larger than 1 MiB; not a proxylint settings file");
        assertError(CliRun.of("--config", "/dev/zero", conf.toString()),
                "settings file /dev/zero is a character device, not a file");
        // /dev/null means no settings at all, as it does for other tools
        assertEquals(0, CliRun.of("--config", "/dev/null", "--fail-on", "never", conf.toString()).exit());
        Path fifo = fifo(tmp);
        assertError(CliRun.of("--config", fifo.toString(), conf.toString()),
                "settings file " + fifo + " is a named pipe, not a file");
    }

    private static Path fifo(Path dir) throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v mkfifo").start().waitFor() == 0, "no mkfifo");
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    @Test
    void numbersAreDecimalIntegersOnly(@TempDir Path tmp) throws Exception {
        String conf = config(tmp).toString();
        for (String v : new String[] {"1e3", "25000d", "0x1p3", "25000.0", "0x10"}) {
            assertError(CliRun.of("--ping-interval=" + v, conf),
                    "'" + v + "' is not a whole number of milliseconds (--ping-interval)");
        }
        assertError(CliRun.in(tmp, Map.of("PROXYLINT_PING_TIMEOUT", "2e4"), "nginx.conf"),
                "'2e4' is not a whole number of milliseconds (environment variable PROXYLINT_PING_TIMEOUT)");
        Path yml = tmp.resolve("s.yml");
        Files.writeString(yml, "socketio:\n  pingInterval: 0x10\n");
        assertError(CliRun.of("--config", yml.toString(), conf),
                "'0x10' is not a whole number of milliseconds (socketio.pingInterval in " + yml + ")");
        Files.writeString(yml, "socketio:\n  version: 2.0\n");
        assertError(CliRun.of("--config", yml.toString(), conf), "'2.0' is not a whole number (socketio.version in "
                + yml + ")");
        assertError(CliRun.of("--max-http-buffer-size=4611686018427387904", conf),
                "'4611686018427387904' is not a whole number from 1 to 4611686018427387903 (--max-http-buffer-size)");
        // large values are kept exactly, not rounded through a double
        CliRun large = CliRun.of("--max-http-buffer-size=4611686018427387000", "--ping-interval=25_000", conf);
        assertTrue(large.out().contains("below maxHttpBufferSize (4611686018427387000 bytes)"), large.out());
        Files.writeString(yml, "socketio:\n  pingInterval: 25000\nrules:\n  PL201: no\n");
        assertEquals(0, CliRun.of("--config", yml.toString(), conf).exit());
    }

    // --- baselines ---

    @Test
    void aBaselineThatIsNotAFileIsRefusedNotRead(@TempDir Path tmp) throws Exception {
        String conf = config(tmp).toString();
        assertError(CliRun.of("--baseline", "/dev/zero", conf), "baseline /dev/zero is a character device, not a file");
        Path fifo = fifo(tmp);
        assertError(CliRun.of("--baseline", fifo.toString(), conf),
                "baseline " + fifo + " is a named pipe, not a file");
        assertError(CliRun.of("--write-baseline", fifo.toString(), conf),
                "cannot write baseline " + fifo + ": it is a named pipe; name a file");
    }

    @Test
    void writeBaselineDoesNotOverwriteAConfigOrAForeignFile(@TempDir Path tmp) throws Exception {
        Path conf = config(tmp);
        assertError(CliRun.of("--write-baseline", conf.toString(), conf.toString()), "cannot write baseline " + conf
                + ": it is one of the configs being linted; name a new file, such as proxylint-baseline.json");
        assertEquals(CLEAN, Files.readString(conf));
        Path other = tmp.resolve("notes.txt");
        Files.writeString(other, "keep me\n");
        assertError(CliRun.of("--write-baseline", other.toString(), conf.toString()), "cannot write baseline " + other
                + ": the file exists and is not a proxylint baseline; remove it, or name a new file");
        assertEquals("keep me\n", Files.readString(other));
        // a new file, an empty one (mktemp) and an earlier baseline may be written
        Path baseline = tmp.resolve("baseline.json");
        assertEquals(0, CliRun.of("--write-baseline", baseline.toString(), conf.toString()).exit());
        assertEquals(0, CliRun.of("--write-baseline", baseline.toString(), conf.toString()).exit());
        Path empty = Files.createFile(tmp.resolve("empty.json"));
        assertEquals(0, CliRun.of("--write-baseline", empty.toString(), conf.toString()).exit());
        assertTrue(Files.readString(empty).contains("\"tool\" : \"proxylint\""));
    }

    // --- empty names ---

    @Test
    void anEmptyNameIsAUsageError(@TempDir Path tmp) throws Exception {
        String conf = config(tmp).toString();
        assertError(CliRun.of(""), "PATH '' is empty: name a file or folder, or - for standard input");
        assertError(CliRun.of("--baseline", "", conf), "--baseline '' is empty: it takes a file name");
        assertError(CliRun.of("--write-baseline", "", conf), "--write-baseline '' is empty: it takes a file name");
        assertError(CliRun.of("--config", "", conf), "--config '' is empty: it takes a file name");
    }

    // --- standard input ---

    @Test
    void fixReadsStandardInputOnceAndReportsItsFindings(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, CliTest.BROKEN);
        CliRun r = CliRun.withStdin("events {\n", "--no-color", "--fix", "-", f.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("-:1:1: error[PL001] nginx would refuse this file"), r.out());
        assertTrue(r.out().endsWith("2 files: 1 error\n"), r.out());
        assertEquals(CLEAN, Files.readString(f));
    }

    @Test
    void closedStandardInputIsNamed() {
        CliRun r = CliRun.in(Path.of(""), Map.of("PROXYLINT_STDIN_CLOSED", "1", "PROXYLINT_STDIN_TTY", "0"));
        assertError(r, "standard input is closed: name the configs to lint (proxylint PATH...), or pipe one in");
    }

    // --- unreadable paths in a folder walk (as root everything is readable: see LocaleAndPermissionsIT) ---

    @Test
    void anUnreadableConfigOrFolderInAWalkIsAnErrorAndTheRestIsLinted(@TempDir Path tmp) throws Exception {
        Path conf = config(tmp);
        Path locked = Files.writeString(tmp.resolve("locked.conf"), CliTest.BROKEN);
        Path dir = Files.createDirectories(tmp.resolve("conf.d"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
            CliRun r = CliRun.of(tmp.toString());
            assertEquals(2, r.exit(), r.out() + r.err());
            assertEquals("proxylint: error: cannot read '" + tmp + "/conf.d': permission denied\n"
                    + "proxylint: error: cannot read '" + tmp + "/locked.conf': permission denied\n", r.err());
            assertEquals("1 file: no findings\n", r.out());
            assertFalse(r.out().contains(conf + ":"), r.out());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
