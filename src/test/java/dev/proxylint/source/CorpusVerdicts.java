package dev.proxylint.source;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads a ../shared/corpus folder's VERDICTS.tsv (file, the proxy's own verdict, ...) and checks a front end
 * against it: no PL001 on an ACCEPT* file, a PL001 on every REJECT file. Skipped when the corpus is absent.
 */
public final class CorpusVerdicts {
    /** Reads one corpus file the way the dialect's front end does. */
    public interface Reader {
        ParsedConfig read(Path file, String display) throws IOException;
    }

    private CorpusVerdicts() {
    }

    public static void check(Path corpus, String proxy, Reader reader) throws IOException {
        Path verdicts = corpus.resolve("VERDICTS.tsv");
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
            List<Problem> errors = reader.read(corpus.resolve(cols[0]), cols[0]).problems().stream()
                    .filter(p -> p.ruleId().equals("PL001")).toList();
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
        System.out.printf("%s corpus: %d files (%d ACCEPT*, %d REJECT), %d agree with %s (%.1f%%)%n",
                corpus.getFileName(), total, accept, reject, total - wrong.size(), proxy,
                100.0 * (total - wrong.size()) / total);
        wrong.forEach(System.out::println);
        assertEquals(List.of(), wrong);
    }
}
