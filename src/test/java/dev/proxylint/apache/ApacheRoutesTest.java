package dev.proxylint.apache;

import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.Linter;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.settings.Settings;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApacheRoutesTest {
    @Test
    void aliasMatchFollowsModProxy() {
        assertEquals(11, ApacheRoutes.aliasMatch("/socket.io/", "/socket.io/"));
        assertEquals(10, ApacheRoutes.aliasMatch("/socket.io/", "/socket.io"));
        assertEquals(1, ApacheRoutes.aliasMatch("/socket.io/", "/"));
        assertEquals(12, ApacheRoutes.aliasMatch("//socket.io/", "/socket.io/"));
        assertEquals(-1, ApacheRoutes.aliasMatch("/socket.io/", "/socket"));
        assertEquals(-1, ApacheRoutes.aliasMatch("/socket.io/", "/socket.io/x"));
    }

    @Test
    void htaccessRewritesSeeThePathWithoutItsLeadingSlash(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve(".htaccess");
        String base = "RewriteEngine On\nRewriteCond %{HTTP:Upgrade} websocket [NC]\n"
                + "RewriteRule ^socket\\.io/(.*) ws://127.0.0.1:3000/socket.io/$1 [P,L]\n"
                + "RewriteRule ^socket\\.io/(.*) http://127.0.0.1:3000/socket.io/$1 [P,L]\n";
        Files.writeString(f, base);
        assertEquals(List.of(), rules(f, tmp));
        Files.writeString(f, base.replace("ws://", "http://"));
        assertEquals(List.of("PL101@3:1"), rules(f, tmp));
    }

    private static List<String> rules(Path f, Path dir) throws Exception {
        return new Linter(Catalogue.load(), Settings.defaults(), new DisplayPaths(dir), Map.of())
                .lint(List.of(new InputCollector.Candidate(SourceFile.read(f, ".htaccess"), true))).findings().stream()
                .map(x -> x.rule() + "@" + x.position().line() + ":" + x.position().column()).toList();
    }
}
