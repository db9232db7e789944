package dev.proxylint.nginx;

import dev.proxylint.source.Directive;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Problem;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading rules of ngx_conf_read_token(), one behaviour per test. */
class NginxParserTest {
    private static ParsedConfig parse(String text) {
        return new NginxParser(DisplayPaths.ofWorkingDirectory()).parse(SourceFile.ofText("t.conf", text));
    }

    private static List<String> values(Directive d) {
        return d.args().stream().map(Word::value).toList();
    }

    private static String firstError(String text) {
        List<Problem> p = parse(text).problems().stream().filter(x -> x.ruleId().equals("PL001")).toList();
        return p.isEmpty() ? null : p.get(0).position().line() + ":" + p.get(0).position().column() + " "
                + p.get(0).message().replace("nginx would refuse this file: ", "");
    }

    @Test
    void quotesAndEscapesAreResolvedAsNginxDoes() {
        Directive d = parse("add_header X \"a \\\"b\\\" \\t c\" 'd\\'e' f\\\"g;").root().get(0);
        assertEquals(List.of("X", "a \"b\" \t c", "d'e", "f\"g"), values(d));
        assertTrue(d.args().get(1).quoted());
        assertEquals("\"a \\\"b\\\" \\t c\"", d.args().get(1).raw());
    }

    @Test
    void hashStartsACommentOnlyWhereAWordCouldStart() {
        ParsedConfig c = parse("set $a te#st; # a comment; with { braces\nset $b x;");
        assertEquals(List.of("$a", "te#st"), values(c.root().get(0)));
        assertEquals(2, c.root().size());
        assertEquals(1, c.comments().size());
        assertEquals(" a comment; with { braces", c.comments().get(0).text());
    }

    @Test
    void variablesWithBracesDoNotOpenBlocks() {
        Directive d = parse("set $a ${host}x;").root().get(0);
        assertEquals(List.of("$a", "${host}x"), values(d));
    }

    @Test
    void positionsAreLineAndColumnOfEveryWord() {
        Directive d = parse("http {\n    server {\n\tlisten  80;\n    }\n}\n").root().get(0).block().get(0).block().get(0);
        assertEquals("t.conf:3:2", d.position().toString());
        assertEquals("t.conf:3:10", d.args().get(0).position().toString());
    }

    @Test
    void structuralErrorsSayWhatNginxSays() {
        assertEquals("3:1 unexpected \"}\"", firstError("location / {\n  proxy_pass http://a\n}\n"));
        assertEquals("1:16 unexpected \"x\"", firstError("set $a \"quoted\"x;"));
        assertEquals("1:1 unexpected end of file, expecting \";\" or \"}\"", firstError("proxy_pass http://a"));
        assertTrue(firstError("http {\n server {\n").startsWith("2:2 unexpected end of file, expecting \"}\""));
        assertEquals("1:1 unexpected \"}\"", firstError("}"));
        assertEquals("1:1 unexpected \";\"", firstError(";"));
        assertTrue(firstError("set $a \"open;\n").contains("is never closed"));
    }

    @Test
    void aProxyPassUrlIsCheckedAsNginxParsesIt() {
        // nginx -t 1.22.1 on each
        assertEquals("1:1 invalid port in upstream \"127.0.0.1:%nginx_port%\"",
                firstError("proxy_pass http://127.0.0.1:%nginx_port%;"));
        assertEquals("1:1 invalid port in upstream \"127.0.0.1:abc/x\"", firstError("proxy_pass http://127.0.0.1:abc/x;"));
        assertEquals("1:1 invalid port in upstream \"127.0.0.1:70000\"", firstError("proxy_pass http://127.0.0.1:70000;"));
        assertEquals("1:1 invalid port in upstream \"127.0.0.1:0\"", firstError("proxy_pass http://127.0.0.1:0;"));
        assertEquals("1:1 invalid port in upstream \"[::1]:x\"", firstError("proxy_pass http://[::1]:x;"));
        assertEquals("1:1 invalid URL prefix", firstError("proxy_pass 127.0.0.1:3000;"));
        assertNull(firstError("proxy_pass http://[::1]:3000;"));
        assertNull(firstError("proxy_pass http://127.0.0.1:3000?x=1;"));
        assertNull(firstError("proxy_pass http://127.0.0.1:00000003000;"));
        assertNull(firstError("proxy_pass HTTP://backend/socket.io/;"));
        assertNull(firstError("proxy_pass http://unix:/run/app.sock:/socket.io/;"));
        assertNull(firstError("proxy_pass http://127.0.0.1:$port;"), "with variables nginx parses it per request");
    }

    @Test
    void aTemplatePlaceholderIsAValueOnlyInATemplate() {
        String text = "proxy_read_timeout ${READ_TIMEOUT};\n";
        assertEquals(List.of(), new NginxParser(DisplayPaths.ofWorkingDirectory())
                .parse(SourceFile.ofText("default.conf.template", text)).problems());
        assertEquals("1:1 \"proxy_read_timeout\" directive invalid value (\"${READ_TIMEOUT}\" is not an nginx time:"
                + " use ms, s, m, h, d or w, e.g. 60s); it holds a template placeholder that was never filled in",
                firstError(text));
    }

    @Test
    void aStreamProxyPassTakesHostAndPort() {
        assertEquals(List.of(), new NginxParser(DisplayPaths.ofWorkingDirectory()).parse(SourceFile.ofText("n.conf",
                "events {}\nstream { server { listen 12345; proxy_pass 127.0.0.1:3000; } }\n")).problems());
    }

    @Test
    void argumentsOfTheDirectivesProxylintReadsAreChecked() {
        assertEquals("1:1 \"proxy_read_timeout\" directive invalid value (\"1y\" is not an nginx time: use ms, s, m, h,"
                + " d or w, e.g. 60s)", firstError("proxy_read_timeout 1y;"));
        assertEquals("2:1 \"proxy_pass\" directive is duplicate", firstError("proxy_pass http://a;\nproxy_pass http://b;"));
        assertEquals("1:1 invalid number of arguments in \"proxy_set_header\" directive",
                firstError("proxy_set_header Upgrade;"));
        assertEquals("1:1 invalid condition \"1\"", firstError("if (1) { return 404; }"));
        assertEquals("1:1 directive \"location\" has no opening \"{\"", firstError("location /;"));
        assertEquals(null, firstError("if ($http_upgrade = websocket) { return 404; }\nproxy_read_timeout 1m30s;"));
    }

    @Test
    void luaBlocksAreReadWithLuaRules() {
        ParsedConfig c = parse("content_by_lua_block {\n  local t = { a = \"}\" } -- }\n  ngx.say([[ } ]])\n}\nset $a b;");
        assertEquals(List.of(), c.problems());
        assertEquals("content_by_lua_block", c.root().get(0).name());
        assertEquals("set", c.root().get(1).name());
    }

    @Test
    void timesAndSizesAreReadLikeNginx() {
        assertEquals(90_000, NginxValues.parseMillis("1m30s"));
        assertEquals(2_500, NginxValues.parseMillis("2500ms"));
        assertEquals(60_000, NginxValues.parseMillis("60"));
        assertEquals(-1, NginxValues.parseMillis("1M"));
        assertEquals(-1, NginxValues.parseMillis("30s1m"));
        assertEquals(1024 * 1024, NginxValues.parseSize("1m"));
        assertEquals(-1, NginxValues.parseSize("1.5m"));
    }

    @Test
    void includesAreSplicedWithTheirOwnPositions(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("conf.d"));
        Files.writeString(tmp.resolve("conf.d/b.conf"), "\n  proxy_read_timeout 5s;\n");
        Files.writeString(tmp.resolve("conf.d/a.conf"), "proxy_connect_timeout 5s;\n");
        Path main = tmp.resolve("nginx.conf");
        Files.writeString(main, "events {}\nhttp {\n    include conf.d/*.conf;\n}\n");
        ParsedConfig c = new NginxParser(new DisplayPaths(tmp)).parse(SourceFile.read(main, "nginx.conf"));
        List<Directive> http = c.root().get(1).block();
        assertEquals(List.of("include", "proxy_connect_timeout", "proxy_read_timeout"),
                http.stream().map(Directive::name).toList());
        assertEquals("conf.d/b.conf:2:3", http.get(2).position().toString());
        assertEquals(3, c.filesRead().size());
    }

    /** Debian's sites-enabled links point at /etc/nginx/sites-available/...: followed inside the checkout. */
    @Test
    void absoluteLinksInSitesEnabledAreFollowedInsideTheCheckout(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("sites-available"));
        Files.createDirectories(tmp.resolve("sites-enabled"));
        Files.writeString(tmp.resolve("nginx.conf"), "events {}\nhttp {\n    include /etc/nginx//sites-enabled/*;\n}\n");
        Files.writeString(tmp.resolve("sites-available/app"), "server { listen 80; }\n");
        Files.createSymbolicLink(tmp.resolve("sites-enabled/app"), Path.of("/etc/nginx/sites-available/app"));
        Files.createSymbolicLink(tmp.resolve("sites-enabled/gone"), Path.of("/etc/nginx/sites-available/gone"));
        ParsedConfig c = new NginxParser(new DisplayPaths(tmp)).parse(SourceFile.read(tmp.resolve("nginx.conf"),
                "nginx.conf"));
        assertEquals(List.of(), c.problems());
        assertEquals("sites-available/app:1:1", c.root().get(1).block().get(1).position().toString());
    }

    /**
     * A checkout of a deployed config: nginx.conf says include /etc/nginx/conf.d/*.conf, and the checkout holds
     * conf.d beside it. The include is read from there, never from the /etc/nginx of the machine linting it.
     */
    @Test
    void absoluteIncludesBelowEtcNginxAreReadBesideTheEntryFile(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("conf.d"));
        Files.writeString(tmp.resolve("nginx.conf"), "events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n"
                + "    include /etc/nginx/sites-enabled/*;\n    include /etc/nginx/mime.types;\n}\n");
        Files.writeString(tmp.resolve("conf.d/app.conf"), "server { listen 80; }\n");
        ParsedConfig c = new NginxParser(new DisplayPaths(tmp)).parse(SourceFile.read(tmp.resolve("nginx.conf"),
                "nginx.conf"));
        // mime.types is not in the checkout: PL002 even where this machine's /etc/nginx has one
        assertEquals(List.of("PL002 nginx.conf:5:5 include \"/etc/nginx/mime.types\": no such file (looked for"
                + " mime.types beside the entry file, in .); nginx would refuse to start unless it exists where this"
                + " config is deployed. nginx packages install it; its content does not change how Socket.IO is"
                + " proxied"), c.problems().stream().map(p -> p.ruleId() + " " + p.position() + " " + p.message())
                .toList());
        assertEquals("conf.d/app.conf:1:1", c.root().get(1).block().get(1).position().toString());
        assertTrue(c.filesRead().stream().noneMatch(p -> p.startsWith("/etc/nginx")), c.filesRead().toString());

        Files.writeString(tmp.resolve("nginx.conf"), "events {}\nhttp {\n    include /etc/nginx/app.conf;\n}\n");
        assertEquals("include \"/etc/nginx/app.conf\": no such file (looked for app.conf beside the entry file, in"
                + " .); nginx would refuse to start unless it exists where this config is deployed, and"
                + " findings that depend on its content may be missing", new NginxParser(new DisplayPaths(tmp))
                .parse(SourceFile.read(tmp.resolve("nginx.conf"), "nginx.conf")).problems().get(0).message());
    }

    /**
     * nginx resolves a relative include against the conf prefix (the folder of the -c file) wherever the
     * include is written, so an include inside an included file does not look beside that file. Checked with
     * nginx -t 1.22.1: with only the decoy beside the including file it fails to open etc/nginx/snippets/ws.conf.
     */
    @Test
    void includesInIncludedFilesAreRelativeToTheEntryFilesFolder(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("etc/nginx");
        Files.createDirectories(conf.resolve("sites-enabled/snippets"));
        Files.createDirectories(conf.resolve("snippets"));
        Files.writeString(conf.resolve("nginx.conf"), "events {}\nhttp {\n    include sites-enabled/app.conf;\n}\n");
        Files.writeString(conf.resolve("sites-enabled/app.conf"),
                "server {\n    listen 80;\n    location /socket.io/ {\n        include snippets/ws.conf;\n"
                        + "        proxy_pass http://127.0.0.1:3000;\n    }\n}\n");
        Files.writeString(conf.resolve("snippets/ws.conf"), "# from the conf prefix\nproxy_set_header Upgrade $http_upgrade;\n");
        // a decoy beside the including file: nginx never reads it
        Files.writeString(conf.resolve("sites-enabled/snippets/ws.conf"), "proxy_read_timeout 5s;\n");
        NginxParser parser = new NginxParser(new DisplayPaths(tmp));
        ParsedConfig c = parser.parse(SourceFile.read(conf.resolve("nginx.conf"), "etc/nginx/nginx.conf"));
        assertEquals(List.of(), c.problems());
        Directive location = c.root().get(1).block().get(1).block().get(1);
        assertEquals(List.of("include", "proxy_set_header", "proxy_pass"),
                location.block().stream().map(Directive::name).toList());
        assertEquals("etc/nginx/snippets/ws.conf:2:1", location.block().get(1).position().toString());
        assertTrue(c.filesRead().contains(conf.resolve("snippets/ws.conf").toAbsolutePath().normalize()));
        assertTrue(!c.filesRead().contains(conf.resolve("sites-enabled/snippets/ws.conf").toAbsolutePath().normalize()));

        // with only the decoy there, the include is missing (nginx -t: open() ".../snippets/ws.conf" failed)
        Files.delete(conf.resolve("snippets/ws.conf"));
        ParsedConfig missing = new NginxParser(new DisplayPaths(tmp))
                .parse(SourceFile.read(conf.resolve("nginx.conf"), "etc/nginx/nginx.conf"));
        assertEquals(1, missing.problems().size(), missing.problems().toString());
        Problem p = missing.problems().get(0);
        assertEquals("PL002", p.ruleId());
        assertEquals("etc/nginx/sites-enabled/app.conf:4:9", p.position().toString());
        assertEquals("include \"snippets/ws.conf\": no such file (relative to etc/nginx); nginx would refuse to start"
                + " unless it exists where this config is deployed, and findings that depend on its content may be"
                + " missing", p.message());
    }

    @Test
    void snippetsGetTheirContext() {
        assertEquals("main", parse("events {}\nhttp {}").context());
        assertEquals("http", parse("upstream a { server x; }\nserver { listen 80; }").context());
        assertEquals("server", parse("location / { proxy_pass http://a; }").context());
        assertEquals("unknown", parse("proxy_set_header Host $host;").context());
    }
}
