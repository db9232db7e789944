package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --fix} changes the bytes it means to change and no others, and {@code --diff} shows exactly those. */
class FixFilesTest {
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
}
