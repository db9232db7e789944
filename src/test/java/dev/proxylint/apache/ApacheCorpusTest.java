package dev.proxylint.apache;

import dev.proxylint.source.CorpusVerdicts;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Acceptance against reality: every file of ../shared/corpus/apache with the verdict of Debian's httpd 2.4.71
 * ({@code apache2 -t}). Zero PL001 on every ACCEPT* file, a PL001 on every REJECT file.
 */
class ApacheCorpusTest {
    @Test
    void readsTheCorpusAsHttpdDoes() throws IOException {
        CorpusVerdicts.check(Path.of("..", "shared", "corpus", "apache"), "apache2 -t",
                (file, display) -> new ApacheReader(DisplayPaths.ofWorkingDirectory(), Map.of())
                        .read(SourceFile.read(file, display)));
    }
}
