package dev.proxylint.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every CI format, byte for byte, against src/test/resources/golden. After a deliberate change to a format, run
 * {@code mvn verify -Dgolden.update=true}, then read the diff of the golden files before committing them.
 */
class GoldenReportTest {
    @ParameterizedTest
    @CsvSource({"sarif, sarif.json", "junit, junit.xml", "checkstyle, checkstyle.xml", "github, github.txt",
            "gitlab, gitlab.json"})
    void formatMatchesItsGoldenFile(String format, String golden) throws IOException {
        byte[] actual = Samples.render(Reporters.forName(format), Samples.report());
        if (Boolean.getBoolean("golden.update")) {
            Files.write(Path.of("src/test/resources/golden", golden), actual);
            return;
        }
        try (InputStream in = GoldenReportTest.class.getResourceAsStream("/golden/" + golden)) {
            assertNotNull(in, "no golden file " + golden);
            // compared as text for a readable diff, after checking the bytes are the same
            byte[] expected = in.readAllBytes();
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
            assertArrayEquals(expected, actual);
        }
    }
}
