package dev.proxylint.lint;

import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Settings;
import dev.proxylint.settings.SettingsLoader;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement with reality: every config ../shared/lab/gen-configs.sh generates, linted with the heartbeat of
 * the node it fronts, reports exactly the rule ids ../shared/lab/expected-rules.tsv lists (derived from what
 * real nginx and httpd did with Socket.IO 4.8 clients).
 */
class LabAgreementTest {
    static final Path LAB = Path.of("..", "shared", "lab");
    /** The dialects proxylint reads today (the lab's configs are under nginx/ and httpd/). */
    static final Set<String> FOLDERS = Set.of("nginx", "httpd");

    @Test
    void everyLabConfigReportsTheRulesRealityImplies(@TempDir Path tmp) throws Exception {
        Path gen = LAB.resolve("gen-configs.sh");
        Path tsv = LAB.resolve("expected-rules.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(gen) && Files.isRegularFile(tsv), "lab not present: " + LAB);
        // gen-configs.sh writes into $LAB: point it at a temp dir, never at the shared lab
        ProcessBuilder pb = new ProcessBuilder("bash", gen.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("gen.log").toFile());
        pb.environment().put("LAB", tmp.toString());
        Process gen2 = pb.start();
        assertTrue(gen2.waitFor(60, TimeUnit.SECONDS), "gen-configs.sh timed out");
        assertEquals(0, gen2.exitValue(), Files.readString(tmp.resolve("gen.log")));

        Set<String> ids = Catalogue.load().entries().stream().map(e -> e.meta().id()).collect(Collectors.toSet());
        List<String> disagreements = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(tsv)) {
            if (line.startsWith("#") || line.startsWith("config\t") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (!FOLDERS.contains(cols[0].substring(0, cols[0].indexOf('/')))) {
                continue;
            }
            rows++;
            Settings settings = new SettingsLoader(ids).load(null,
                    Map.of("--ping-interval", cols[1], "--ping-timeout", cols[2]), Map.of());
            Path config = tmp.resolve(cols[0]);
            LintReport report = new Linter(Catalogue.load(), settings, DisplayPaths.ofWorkingDirectory())
                    .lint(List.of(new InputCollector.Candidate(SourceFile.read(config, cols[0]), true)));
            Set<String> actual = report.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = cols.length > 3 && !cols[3].isBlank()
                    ? new TreeSet<>(Arrays.asList(cols[3].split(","))) : new TreeSet<>();
            if (!actual.equals(expected)) {
                disagreements.add(cols[0] + ": expected " + expected + ", proxylint " + actual + " "
                        + report.findings().stream().map(f -> f.rule() + "@" + f.position().line() + " " + f.message())
                        .toList());
            }
        }
        System.out.printf("lab agreement: %d configs, %d agree%n", rows, rows - disagreements.size());
        assertTrue(rows > 0, "no lab rows for " + FOLDERS);
        assertEquals(List.of(), disagreements);
    }
}
