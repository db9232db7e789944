package dev.proxylint.lint;

import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Settings;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Configs are user input: binary, deeply nested, self-including, pointing at devices. A finding, never a hang. */
@Timeout(30)
class HostileInputTest {
    private static List<String> lint(Path file) throws Exception {
        DisplayPaths paths = new DisplayPaths(file.getParent());
        Linter linter = new Linter(Catalogue.load(), Settings.defaults(), paths, Map.of());
        LintReport r = linter.lint(List.of(new InputCollector.Candidate(SourceFile.read(file, file.getFileName()
                .toString()), true)));
        return r.findings().stream().map(f -> f.rule() + "@" + f.position().line() + ":" + f.position().column())
                .toList();
    }

    @Test
    void binaryFileIsOneSyntaxError(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.conf");
        byte[] bytes = new byte[5000];
        new java.util.Random(1).nextBytes(bytes);
        bytes[10] = 0;
        Files.write(f, bytes);
        assertEquals(List.of("PL001@1:1"), lint(f));
    }

    @Test
    void deepNestingStopsAtTheLimit(@TempDir Path tmp) throws Exception {
        Path nginx = tmp.resolve("deep.conf");
        Files.writeString(nginx, "http {".repeat(50_000));
        assertEquals(List.of("PL001@1:769"), lint(nginx));
        Path httpd = tmp.resolve("httpd.conf");
        Files.writeString(httpd, "<Location /a>\n".repeat(10_000));
        assertEquals(List.of("PL001@129:1"), lint(httpd));
    }

    @Test
    void includeCyclesAreReportedNotFollowed(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("a.conf"), "events {}\ninclude b.conf;\n");
        Files.writeString(tmp.resolve("b.conf"), "\ninclude a.conf;\n");
        assertEquals(List.of("PL001@2:1"), lint(tmp.resolve("a.conf")));
        Path httpd = tmp.resolve("httpd.conf");
        Files.writeString(httpd, "ServerName x\nInclude httpd.conf\n");
        assertEquals(List.of("PL001@2:1"), lint(httpd));
    }

    @Test
    void includesOfDevicesAndMissingFilesAreWarnings(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("n.conf");
        Files.writeString(f, "events {}\ninclude /dev/zero;\ninclude missing.conf;\ninclude none/*.conf;\n");
        assertEquals(List.of("PL002@2:1", "PL002@3:1"), lint(f));
    }

    @Test
    void hugeLinesAreRefusedLikeTheProxiesDo(@TempDir Path tmp) throws Exception {
        Path nginx = tmp.resolve("long.conf");
        Files.writeString(nginx, "server_name " + "a".repeat(5000) + ";\n");
        assertEquals(List.of("PL001@1:13"), lint(nginx));
        Path httpd = tmp.resolve("httpd.conf");
        Files.writeString(httpd, "ServerName " + "a".repeat(9000) + "\n");
        assertEquals(List.of("PL001@1:1"), lint(httpd));
    }

    @Test
    void findingsNeverCarryBinarySourceLines(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.conf");
        Files.write(f, new byte[] {'a', 0, 'b', '\n'});
        Linter linter = new Linter(Catalogue.load(), Settings.defaults(), new DisplayPaths(tmp), Map.of());
        Finding only = linter.lint(List.of(new InputCollector.Candidate(SourceFile.read(f, "x.conf"), true)))
                .findings().get(0);
        assertEquals("", only.sourceLine());
    }

    /**
     * Generated configs hold thousands of servers (one per customer): each is judged once, so the work grows
     * with the config, not with its square (40,000 virtual hosts took minutes before).
     */
    @Test
    void thousandsOfServersAreEachJudged(@TempDir Path tmp) throws Exception {
        int n = 30_000;
        StringBuilder nginx = new StringBuilder("events {}\nhttp {\n");
        for (int i = 0; i < n; i++) {
            nginx.append("server { listen ").append(1000 + i % 60_000).append("; server_name s").append(i)
                    .append("; location /socket.io/ { proxy_pass http://a; proxy_read_timeout 10s; } }\n");
        }
        Path nginxFile = tmp.resolve("nginx.conf");
        Files.writeString(nginxFile, nginx.append("}\n"));
        List<String> nginxFindings = lint(nginxFile);
        assertEquals(2 * n, nginxFindings.size());
        assertEquals(List.of("PL101@3+" + n + ":", "PL201@3+" + n + ":"), List.of(
                "PL101@" + summary(nginxFindings, "PL101"), "PL201@" + summary(nginxFindings, "PL201")));

        StringBuilder httpd = new StringBuilder();
        for (int i = 0; i < n; i++) {
            httpd.append("<VirtualHost *:80>\nServerName v").append(i)
                    .append("\nProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/ upgrade=websocket\n")
                    .append("ProxyTimeout 5\n</VirtualHost>\n");
        }
        Path httpdFile = tmp.resolve("httpd.conf");
        Files.writeString(httpdFile, httpd);
        List<String> httpdFindings = lint(httpdFile);
        assertEquals(n, httpdFindings.size());
        assertEquals("4+" + n + ":", summary(httpdFindings, "PL201"));
    }

    /** "FIRSTLINE+COUNT:" of one rule's findings, each on its own line. */
    private static String summary(List<String> findings, String rule) {
        List<String> lines = findings.stream().filter(f -> f.startsWith(rule + "@"))
                .map(f -> f.substring(f.indexOf('@') + 1, f.indexOf(':'))).distinct().toList();
        return (lines.isEmpty() ? "none" : lines.get(0)) + "+" + lines.size() + ":";
    }

    /** Catastrophic backtracking in a config's regex: the route is left undecided, quickly, not evaluated for hours. */
    @Test
    void catastrophicRegexesAreGivenUpOn(@TempDir Path tmp) throws Exception {
        String proxied = "proxy_pass http://127.0.0.1:3000; proxy_http_version 1.1; proxy_set_header Upgrade"
                + " $http_upgrade; proxy_set_header Connection \"upgrade\";";
        Path ifBlock = tmp.resolve("if.conf");
        Files.writeString(ifBlock, "events {}\nhttp { server { location /socket.io/ {\n"
                + "if ($request_uri ~ \"(.*.){12}#\") { return 403; }\n" + proxied + " } } }\n");
        assertEquals(List.of(), lint(ifBlock));
        Path map = tmp.resolve("map.conf");
        Files.writeString(map, "events {}\nhttp { map $request_uri $c { \"~(.*.){12}#\" close; default upgrade; }\n"
                + "server { location /socket.io/ { " + proxied.replace("\"upgrade\"", "$c") + " } } }\n");
        assertEquals(List.of(), lint(map));
        Path httpd = tmp.resolve("httpd.conf");
        Files.writeString(httpd, "<VirtualHost *:80>\nRewriteEngine On\nRewriteCond %{QUERY_STRING} \"(.*.){14}#\"\n"
                + "RewriteRule ^/socket\\.io/(.*)$ http://127.0.0.1:3000/socket.io/$1 [P]\n"
                + "ProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/ upgrade=websocket\n</VirtualHost>\n");
        assertEquals(List.of(), lint(httpd));
    }

    /** Links that loop (a -> .) under a glob of many levels, and a range no file name can match. */
    @Test
    void includeGlobsStayBounded(@TempDir Path tmp) throws Exception {
        Path g = Files.createDirectories(tmp.resolve("g"));
        Files.createSymbolicLink(g.resolve("a"), Path.of("."));
        Files.createSymbolicLink(g.resolve("b"), Path.of("."));
        Files.writeString(g.resolve("x.conf"), "# nothing\n");
        Path nginx = tmp.resolve("nginx.conf");
        Files.writeString(nginx, "events {}\ninclude g" + "/*".repeat(22) + "/*.conf;\ninclude \"[z-a].conf\";\n");
        assertEquals(List.of("PL001@2:1"), lint(nginx));
    }

    /** {@code Define A ${A}${A}} doubles the value with each line: proxylint stops at 1 MiB. */
    @Test
    void selfDoublingDefinesStop(@TempDir Path tmp) throws Exception {
        Path httpd = tmp.resolve("httpd.conf");
        Files.writeString(httpd, "Define A aaaaaaaaaaaaaaaa\n" + "Define A ${A}${A}\n".repeat(30));
        assertEquals(List.of("PL001@17:14"), lint(httpd));
    }
}
