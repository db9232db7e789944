package dev.proxylint.apache;

import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Problem;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Acceptance against reality: every file of ../shared/corpus/apache with the verdict of Debian's httpd 2.4.71
 * ({@code apache2 -t}). Zero PL001 on every ACCEPT* file, a PL001 on every REJECT file.
 */
class ApacheCorpusTest {
    static final Path CORPUS = Path.of("..", "shared", "corpus", "apache");

    @Test
    void readsTheCorpusAsHttpdDoes() throws IOException {
        Path verdicts = CORPUS.resolve("VERDICTS.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(verdicts), "corpus not present: " + verdicts);
        List<String> wrong = new ArrayList<>();
        int accept = 0;
        int reject = 0;
        for (String line : Files.readAllLines(verdicts)) {
            String[] cols = line.split("\t");
            if (cols[0].equals("file")) {
                continue;
            }
            boolean shouldAccept = cols[1].startsWith("ACCEPT");
            ParsedConfig config = new ApacheReader(DisplayPaths.ofWorkingDirectory(), Map.of())
                    .read(SourceFile.read(CORPUS.resolve(cols[0]), cols[0]));
            List<Problem> errors = config.problems().stream().filter(p -> p.ruleId().equals("PL001")).toList();
            if (shouldAccept) {
                accept++;
                if (!errors.isEmpty()) {
                    wrong.add(cols[1] + " but PL001: " + errors.get(0).position() + " " + errors.get(0).message());
                }
            } else {
                reject++;
                if (errors.isEmpty()) {
                    wrong.add("REJECT but no PL001: " + cols[0]);
                }
            }
        }
        int total = accept + reject;
        System.out.printf("apache corpus: %d files (%d ACCEPT*, %d REJECT), %d agree with apache2 -t (%.1f%%)%n",
                total, accept, reject, total - wrong.size(), 100.0 * (total - wrong.size()) / total);
        wrong.forEach(System.out::println);
        assertEquals(List.of(), wrong);
    }
}
