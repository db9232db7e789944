package dev.proxylint.lint;

import dev.proxylint.rules.Catalogue;
import dev.proxylint.settings.Settings;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Socket.IO project's own proxy recipes (from ../shared/corpus) lint clean; the 2023 revision of
 * examples/cluster-httpd/httpd.conf, with ProxyTimeout 3, fails with PL201.
 */
class SocketIoExamplesTest {
    static final Path CORPUS = Path.of("..", "shared", "corpus");

    private static List<String> lint(Path file) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not present: " + file);
        return new Linter(Catalogue.load(), Settings.defaults(), DisplayPaths.ofWorkingDirectory(), Map.of())
                .lint(List.of(new InputCollector.Candidate(SourceFile.read(file, "x"), true))).findings().stream()
                .map(f -> f.rule() + "@" + f.position().line()).toList();
    }

    @Test
    void theRecipesLintClean() throws Exception {
        assertEquals(List.of(), lint(CORPUS.resolve("nginx/socketio/examples__cluster-nginx__nginx.conf")));
        assertEquals(List.of(), lint(CORPUS.resolve("apache/socketio/examples__cluster-httpd__httpd.conf")));
        assertEquals(List.of(), lint(CORPUS.resolve(
                "apache/socketio-docs/docs__categories__02-Server__behind-a-reverse-proxy.block1.conf")));
        assertEquals(List.of(), lint(CORPUS.resolve(
                "apache/socketio-docs/docs__categories__02-Server__using-multiple-nodes.block1.conf")));
    }

    @Test
    void theRevisionWithProxyTimeout3FailsWithPL201() throws Exception {
        assertEquals(List.of("PL201@54"), lint(CORPUS.resolve("apache/socketio/examples__cluster-httpd__httpd.conf@59280da2")));
    }
}
