package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --diff} as ruff's: prints instead of writing, exit 1 when there is something to fix. */
class DiffModeTest {
    private static Path broken(Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, CliTest.BROKEN);
        return f;
    }

    @Test
    void failOnNarrowsTheExitStatusAsItDoesForAReport(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        CliRun always = CliRun.of("--diff", f.toString());
        assertEquals(1, always.exit(), "the fix is for an error");
        CliRun never = CliRun.of("--diff", "--fail-on", "never", f.toString());
        assertEquals(0, never.exit());
        assertEquals(always.out(), never.out(), "the same diff");
    }

    @Test
    void aDiffIsNotAnotherFormat(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("--diff", "--format", "json", broken(tmp).toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("proxylint: error: --diff prints a unified diff, not json; leave out --diff or --format json\n",
                r.err());
    }

    @Test
    void withFixTheDiffIsPrintedAndNothingWritten(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        CliRun both = CliRun.of("--fix", "--diff", f.toString());
        assertEquals(1, both.exit());
        assertEquals(CliRun.of("--diff", f.toString()).out(), both.out());
        assertEquals("proxylint: --diff: printing the fixes, not writing them (--diff wins over --fix)\n", both.err());
        assertEquals(CliTest.BROKEN, Files.readString(f));
    }
}
