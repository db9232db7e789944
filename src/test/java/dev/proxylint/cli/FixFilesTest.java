package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --fix} changes the bytes it means to change and no others, and {@code --diff} shows exactly those. */
class FixFilesTest {
    /** Standard output as bytes (CliRun decodes it as UTF-8, which would hide the bytes that are not). */
    private static byte[] stdoutBytes(String... args) {
        synchronized (CliRun.class) {
            PrintStream old = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                Main.commandLine(new ProxylintCommand()).execute(args);
            } finally {
                System.setOut(old);
            }
            return out.toByteArray();
        }
    }

    @Test
    void aFileWithMixedLineBreaksKeepsEachLinesBreak(@TempDir Path tmp) throws Exception {
        String[] lines = CliTest.BROKEN.split("\n");
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            mixed.append(lines[i]).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, mixed);

        CliRun diff = CliRun.of("--diff", f.toString());
        assertEquals("--- " + f + "\n+++ " + f + "\n@@ -5,6 +5,6 @@\n"
                + "         proxy_http_version 1.1;\r\n"
                + "         proxy_set_header Upgrade $http_upgrade;\n"
                + "         proxy_set_header Connection \"upgrade\";\r\n"
                + "-        proxy_read_timeout 20s;\n"
                + "+        proxy_read_timeout 60s;\n"
                + "     }\r\n"
                + " }\n", diff.out());

        CliRun fix = CliRun.of("--fix", f.toString());
        assertEquals(0, fix.exit(), fix.err());
        assertArrayEquals(mixed.toString().replace("20s", "60s").getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    }

    @Test
    void bytesThatAreNotUtf8AreWrittenBackAsTheyWere(@TempDir Path tmp) throws Exception {
        // a Latin-1 comment ("café", "©") above the line the fix changes, and one on that line
        byte[] latin1 = ("# caf\u00e9 \u00a9 2024\n" + CliTest.BROKEN.replace("20s;", "20s; # d\u00e9lai"))
                .getBytes(StandardCharsets.ISO_8859_1);
        Path f = tmp.resolve("nginx.conf");
        Files.write(f, latin1);

        CliRun diff = CliRun.of("--diff", f.toString());
        assertEquals(1, diff.exit(), diff.err());
        byte[] expectedDiff = ("--- " + f + "\n+++ " + f + "\n@@ -6,6 +6,6 @@\n"
                + "         proxy_http_version 1.1;\n"
                + "         proxy_set_header Upgrade $http_upgrade;\n"
                + "         proxy_set_header Connection \"upgrade\";\n"
                + "-        proxy_read_timeout 20s; # d\u00e9lai\n"
                + "+        proxy_read_timeout 60s; # d\u00e9lai\n"
                + "     }\n"
                + " }\n").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(expectedDiff, stdoutBytes("--diff", f.toString()), "the diff shows the file's own bytes");

        CliRun fix = CliRun.of("--fix", f.toString());
        assertEquals(0, fix.exit(), fix.err());
        assertArrayEquals(new String(latin1, StandardCharsets.ISO_8859_1).replace("20s", "60s")
                .getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(f));
    }
}
