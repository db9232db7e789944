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

    @Test
    void proxyPassInHtaccessBreaksTheWholeDirectory(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve(".htaccess");
        Files.writeString(f, "<IfModule mod_proxy.c>\n  ProxyPass /socket.io http://127.0.0.1:5000/socket.io\n</IfModule>\n");
        assertEquals(List.of("PL001@2:3"), rules(f, tmp));
    }

    @Test
    void includesResolveInTheLintedTreeBeforeTheMachinesServerRoot(@TempDir Path tmp) throws Exception {
        Path conf = Files.createDirectories(tmp.resolve("conf/extra"));
        Files.writeString(conf.resolve("site.conf"), "ProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/\n");
        Path httpd = tmp.resolve("conf/httpd.conf");
        Files.writeString(httpd, "ServerRoot \"C:/Apache24\"\nInclude conf/extra/site.conf\n");
        assertEquals(List.of("PL101@1:1"), new Linter(Catalogue.load(), Settings.defaults(), new DisplayPaths(tmp),
                Map.of()).lint(List.of(new InputCollector.Candidate(SourceFile.read(httpd, "conf/httpd.conf"), true)))
                .findings().stream().map(x -> x.rule() + "@" + x.position().line() + ":" + x.position().column()).toList());
    }

    @Test
    void perDirectoryRulesInTheWinningLocationRewriteTheProxyFileName(@TempDir Path tmp) throws Exception {
        // n8n's installer: the rule sees proxy:http://localhost:5678/socket.io/ and maps the upgrade to //localhost...
        Path f = tmp.resolve("site.conf");
        Files.writeString(f, "<VirtualHost *:80>\n  RewriteEngine On\n  <Location /socket.io/>\n"
                + "    ProxyPass ws://localhost:5678/socket.io/\n  </Location>\n  <Location />\n"
                + "    RewriteCond %{HTTP:Upgrade} =websocket [NC]\n    RewriteRule /(.*) ws://localhost:5678/$1 [P,L]\n"
                + "    ProxyPass http://localhost:5678/\n  </Location>\n</VirtualHost>\n");
        assertEquals(List.of("PL402@8:5"), rules(f, tmp));
    }

    /** rule@line:col message, for a site.conf with this text. */
    private static List<String> findings(Path tmp, String text) throws Exception {
        Path f = tmp.resolve("site.conf");
        Files.writeString(f, text);
        return new Linter(Catalogue.load(), Settings.defaults(), new DisplayPaths(tmp), Map.of())
                .lint(List.of(new InputCollector.Candidate(SourceFile.read(f, "site.conf"), true))).findings().stream()
                .map(x -> x.rule() + "@" + x.position().line() + ":" + x.position().column() + " " + x.message())
                .toList();
    }

    @Test
    void aTimeoutHttpdRefusesDecidesNothing(@TempDir Path tmp) throws Exception {
        String vhost = "<VirtualHost *:80>\n  ProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/ upgrade=websocket\n"
                + "  %s\n</VirtualHost>\n";
        assertEquals(List.of("PL001@3:3 httpd would refuse this file at line 3, column 3: Proxy Timeout must be at least 1 second."),
                findings(tmp, vhost.formatted("ProxyTimeout 0")));
        // refused by its argument count (a trailing comment): the 10 is not read as a timeout either
        assertEquals(List.of("PL001@3:3 httpd would refuse this file at line 3, column 3: Timeout takes one argument, Timeout duration"
                + " (sec). httpd has no end-of-line comments: it reads \"# seconds\" as more arguments; move the comment to a line of its own"), findings(tmp, vhost.formatted("Timeout 10 # seconds")));
        assertEquals(List.of("PL001@3:3 httpd would refuse this file at line 3, column 3: ProxySet: Timeout must be at least one second"
                + " timeout=0; http://127.0.0.1:3000/socket.io/"), findings(tmp, vhost.formatted(
                "ProxySet http://127.0.0.1:3000/socket.io/ timeout=0")));
    }

    @Test
    void aTimeoutBeyondAnIntIsReadAsHttpdReadsIt(@TempDir Path tmp) throws Exception {
        List<String> found = findings(tmp, "<VirtualHost *:80>\n  ProxyPass /socket.io/ ws://127.0.0.1:3000/socket.io/\n"
                + "  ProxyTimeout 4294967297\n</VirtualHost>\n");
        assertEquals(1, found.size(), found.toString());
        assertEquals("PL201@3:3 ProxyTimeout 4294967297 is below pingInterval (25000 ms) + 500 ms: idle long-polling"
                + " requests are cut after 1 s, before the next ping arrives, so every polling client is disconnected"
                + " (\"transport error\"; behind several nodes the retried long-poll fails with 400 \"Session ID"
                + " unknown\") (httpd reads whole seconds with atoi: \"4294967297\" is 1 s)", found.get(0));
    }

    @Test
    void aBalancerMembersTimeoutWithAUnitIsReadWithAtoiAndTheMessageSaysSo() throws Exception {
        Path fixture = Path.of("testdata/PL201-timeout-below-ping-interval/apache-bad.conf");
        List<String> found = new Linter(Catalogue.load(), Settings.defaults(), DisplayPaths.ofWorkingDirectory(), Map.of())
                .lint(List.of(new InputCollector.Candidate(SourceFile.read(fixture, "apache-bad.conf"), true)))
                .findings().stream().filter(x -> x.position().line() == 14)
                .map(x -> x.rule() + "@" + x.position().line() + ":" + x.position().column() + " " + x.message()
                        + " | fix: " + x.fix())
                .toList();
        assertEquals(List.of("PL201@14:9 timeout=10 on \"BalancerMember http://127.0.0.1:3000 upgrade=websocket"
                + " timeout=10s\" is below pingInterval (25000 ms) + 500 ms: idle long-polling requests are cut after"
                + " 10 s, before the next ping arrives, so every polling client is disconnected (\"transport error\";"
                + " behind several nodes the retried long-poll fails with 400 \"Session ID unknown\") (httpd reads"
                + " whole seconds with atoi: \"10s\" is 10 s) | fix: timeout=60"), found);
    }

    @Test
    void theOldWstunnelPathHasNoIdleTimeoutSoOnlyLongPollsAreCut() throws Exception {
        // rules.md PL201: through mod_proxy_wstunnel (ProxyWebsocketFallbackToProxyHttp Off, ws:// target) the tunnel
        // has no idle timeout; through mod_proxy_http the same Timeout would cut both transports
        Path fixture = Path.of("testdata/PL201-timeout-below-ping-interval/apache-bad-wstunnel.conf");
        List<String> found = new Linter(Catalogue.load(), Settings.defaults(), DisplayPaths.ofWorkingDirectory(), Map.of())
                .lint(List.of(new InputCollector.Candidate(SourceFile.read(fixture, "apache-bad-wstunnel.conf"), true)))
                .findings().stream()
                .map(x -> x.rule() + "@" + x.position().line() + ":" + x.position().column() + " " + x.message())
                .toList();
        assertEquals(List.of("PL201@7:5 Timeout 10 is below pingInterval (25000 ms) + 500 ms: idle long-polling requests"
                + " are cut after 10 s, before the next ping arrives, so every polling client is disconnected"
                + " (\"transport error\"; behind several nodes the retried long-poll fails with 400 \"Session ID"
                + " unknown\")"), found);
    }
}
