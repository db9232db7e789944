package dev.proxylint.nginx;

import dev.proxylint.source.CorpusVerdicts;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Acceptance against reality: every file of ../shared/corpus/nginx with the verdict of Debian's nginx 1.22
 * ({@code nginx -t}). Zero PL001 on every ACCEPT file, a PL001 on every REJECT file.
 */
class NginxCorpusTest {
    @Test
    void parsesTheCorpusAsNginxDoes() throws IOException {
        CorpusVerdicts.check(Path.of("..", "shared", "corpus", "nginx"), "nginx -t",
                (file, display) -> new NginxParser(DisplayPaths.ofWorkingDirectory()).parse(SourceFile.read(file,
                        display)));
    }
}
