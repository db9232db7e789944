package dev.proxylint.apache;

import dev.proxylint.source.Directive;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading rules of httpd (ap_cfg_getline, ap_getword_conf, ap_build_config), one behaviour per test. */
class ApacheReaderTest {
    private static ParsedConfig read(String text, Map<String, String> env) {
        return new ApacheReader(DisplayPaths.ofWorkingDirectory(), env).read(SourceFile.ofText("t.conf", text));
    }

    private static ParsedConfig read(String text) {
        return read(text, Map.of());
    }

    private static List<String> values(Directive d) {
        return d.args().stream().map(Word::value).toList();
    }

    private static String error(String text) {
        return read(text).problems().stream().filter(p -> p.ruleId().equals("PL001")).findFirst()
                .map(p -> p.position().line() + ":" + p.position().column() + " "
                        + p.message().replace("httpd would refuse this file: ", "")).orElse(null);
    }

    @Test
    void continuationJoinsExactlyAlsoInComments() {
        ParsedConfig c = read("ProxyPass /a \\\n    http://b/ retry=0\n# comment \\\nProxyTimeout 0\nServerName x");
        assertEquals(List.of("/a", "http://b/", "retry=0"), values(c.root().get(0)));
        assertEquals(2, c.root().size(), "the ProxyTimeout line belongs to the comment");
        assertEquals("t.conf:2:5", c.root().get(0).args().get(1).position().toString());
    }

    @Test
    void noEndOfLineComments() {
        Directive d = read("ServerAlias a # b").root().get(0);
        assertEquals(List.of("a", "#", "b"), values(d));
        assertEquals("2:1 ProxyTimeout takes one argument, Set the timeout (in seconds) for a proxied connection."
                + " This overrides the server timeout. httpd has no end-of-line comments: it reads \"# seconds\" as more arguments; move the comment to a line of its own", error("# fine\nProxyTimeout 60 # seconds"));
    }

    @Test
    void rewriteArgumentsAreCheckedAsModRewriteSplitsThem() {
        // apache2 -t 2.4.71
        assertEquals("1:1 RewriteRule: bad argument line '^/x'", error("RewriteRule ^/x"));
        assertEquals("1:1 RewriteRule: bad flag delimiters", error("RewriteRule ^/x /y L"));
        assertEquals("1:1 RewriteRule: bad flag delimiters", error("RewriteRule ^/x /y [L"));
        assertEquals("1:1 RewriteRule: bad flag delimiters", error("RewriteRule ^/$ <path to frontend> [R=301,L]"));
        assertEquals("1:1 RewriteCond: bad flag delimiters", error("RewriteCond %{HTTP:Upgrade} websocket NC"));
        assertEquals("1:1 RewriteRule: bad flag delimiters. httpd has no end-of-line comments: it reads \"# c\" as more arguments; move the comment to a line of its own", error("RewriteRule ^/x /y # c"));
        assertNull(error("RewriteRule ^/x /y [L] # words after the flags are ignored"));
        assertNull(error("RewriteCond %{THE_REQUEST} ^[A-Z]{3,9}\\ /.+/trackback/?\\ HTTP/ [NC]"));
        // any backslash before a blank escapes it, even a doubled one; a quote ends a quoted word even after \
        assertNull(error("RewriteRule ^/a\\\\ /b /c"));
        assertEquals("1:1 RewriteCond: bad flag delimiters", error("RewriteCond %{HTTP:Upgrade} \"a\\\" b\" [NC]"));
    }

    @Test
    void theFixOfATrailingCommentIsTheDirectiveWithoutIt() {
        var p = read("ProxyTimeout 86400 # one day").problems().get(0);
        assertEquals("ProxyTimeout 86400", p.fix());
        assertEquals("t.conf:1:1", p.position().toString());
    }

    @Test
    void aProxySetOutsideProxyNeedsAWorkerDefinedAboveItInTheSameServer() {
        String hint = " A ProxySet outside <Proxy> must follow the ProxyPass that defines its worker, in the same"
                + " server (or put it in <Proxy http://127.0.0.1:3000/>)";
        String vhost = "<VirtualHost *:80>\n%s\n</VirtualHost>";
        // each case as apache2 -t 2.4.71 answered it
        assertEquals("2:1 ProxySet can not find 'http://127.0.0.1:3000/' Worker." + hint, error(vhost.formatted(
                "ProxySet http://127.0.0.1:3000/ timeout=90\nProxyPass /s/ http://127.0.0.1:3000/s/")));
        assertEquals("3:1 ProxySet can not find 'http://127.0.0.1:3000/' Worker." + hint, error(vhost.formatted(
                "ProxyPass /s/ http://127.0.0.1:3000/s/\nProxySet http://127.0.0.1:3000/ timeout=90")));
        assertNull(error(vhost.formatted("ProxyPass /s/ http://127.0.0.1:3000\nProxySet http://127.0.0.1:3000/s/ timeout=90")));
        assertNull(error(vhost.formatted("ProxyPass /s/ http://127.0.0.1:3000/s/\nProxySet HTTP://127.0.0.1:3000/s/ timeout=90")));
        assertEquals("3:1 ProxySet can not find 'http://127.0.0.1:3000/S/' Worker." + hint.replace("3000/>", "3000/S/>"),
                error(vhost.formatted("ProxyPass /s/ http://127.0.0.1:3000/s/\nProxySet http://127.0.0.1:3000/S/ timeout=90")));
        assertNull(error(vhost.formatted("<Location /s/>\nProxyPass http://127.0.0.1:3000/\n</Location>\n"
                + "ProxySet http://127.0.0.1:3000/ timeout=90")));
        assertNull(error(vhost.formatted("<Proxy http://127.0.0.1:3000/>\nProxySet timeout=90\n</Proxy>\n"
                + "ProxySet http://127.0.0.1:3000/ retry=0")));
        assertEquals("5:1 ProxySet can not find 'http://127.0.0.1:3000/' Worker." + hint, error(vhost.formatted(
                "<Proxy balancer://c>\nBalancerMember http://127.0.0.1:3000/\n</Proxy>\nProxySet http://127.0.0.1:3000/ timeout=90")));
        assertNull(error(vhost.formatted("ProxyPass / balancer://c/\nProxySet balancer://c stickysession=x")));
        assertEquals("2:1 ProxySet can not find 'balancer://c' Balancer." + hint.replace("http://127.0.0.1:3000/", "balancer://c"),
                error(vhost.formatted("ProxySet balancer://c stickysession=x\n<Proxy balancer://c>\n"
                        + "BalancerMember http://127.0.0.1:3000\n</Proxy>")));
        // the main server's workers are not the virtual host's, nor the other way round
        assertEquals("4:1 ProxySet can not find 'http://127.0.0.1:3000/' Worker." + hint, error(
                "LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so\nProxyPass /s/ http://127.0.0.1:3000/\n"
                        + vhost.formatted("ProxySet http://127.0.0.1:3000/ timeout=90")));
        assertEquals("5:1 ProxySet can not find 'http://127.0.0.1:3000/' Worker." + hint, error(
                "LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so\n"
                        + vhost.formatted("ProxyPass /s/ http://127.0.0.1:3000/")
                        + "\nProxySet http://127.0.0.1:3000/ timeout=90"));
        // a regex ProxyPass defines its URL as a worker unless the URL has $N; a default port is no port
        assertNull(error(vhost.formatted("ProxyPassMatch \"^/socket.io/\" \"http://127.0.0.1:3000\"\n"
                + "ProxySet \"http://127.0.0.1:3000\" timeout=90")));
        assertNull(error(vhost.formatted("ProxyPass ~ ^/x http://127.0.0.1:3000/\nProxySet http://127.0.0.1:3000/ timeout=9")));
        assertEquals("3:1 ProxySet can not find 'http://127.0.0.1:3000/' Worker." + hint, error(vhost.formatted(
                "ProxyPassMatch ^/s/(.*)$ http://127.0.0.1:3000/$1\nProxySet http://127.0.0.1:3000/ timeout=90")));
        assertNull(error(vhost.formatted("ProxyPass /x http://127.0.0.1:80/\nProxySet http://127.0.0.1/ timeout=90")));
        // a main-server snippet: the worker may be defined in a file read before it, so nothing is said
        assertNull(error("ProxySet http://127.0.0.1:3000/ timeout=90"));
    }

    @Test
    void timeoutsBelowOneSecondAreRefusedWithHttpdsOwnWords() {
        // apache2 -t 2.4.71; mod_proxy reads every one with atoi, so "abc" is 0 and "10s" is 10
        assertEquals("1:1 Proxy Timeout must be at least 1 second.", error("ProxyTimeout 0"));
        assertEquals("1:1 Proxy Timeout must be at least 1 second.", error("ProxyTimeout abc"));
        assertNull(error("ProxyTimeout 500ms"));
        assertEquals("1:1 ProxyPass Timeout must be at least one second",
                error("ProxyPass /a/ http://b/a/ timeout=-1"));
        assertNull(error("ProxyPass /a/ http://b/a/ timeout=10s"));
        assertEquals("2:1 BalancerMember Timeout must be at least one second",
                error("<Proxy balancer://c>\nBalancerMember http://b timeout=0\n</Proxy>"));
        assertEquals("2:1 ProxySet: Timeout must be at least one second timeout=abc; http://b/a/",
                error("ProxyPass /a/ http://b/a/\nProxySet http://b/a/ timeout=abc"));
        assertEquals("2:1 ProxySet: Timeout must be at least one second timeout=0s; http://b/",
                error("<Proxy http://b/>\nProxySet timeout=0s\n</Proxy>"));
        // a balancer's own timeout= (how long to wait for a free member) says it in lower case
        assertEquals("4:1 ProxySet: timeout must be at least one second timeout=0; balancer://c",
                error("<Proxy balancer://c>\nBalancerMember http://b\n</Proxy>\nProxySet balancer://c timeout=0"));
        assertEquals("1:1 ProxyPass timeout must be at least one second",
                error("ProxyPass /a/ balancer://c/a/ timeout=0"));
    }

    @Test
    void secondsAreReadLikeGlibcAtoiWhichWrapsBeyondAnInt() {
        // (int) strtol: 4294967297 keeps its low 32 bits (1), 2147483648 turns negative; apache2 -t 2.4.71 agrees
        assertEquals(1, ApacheChecks.atoi("4294967297"));
        assertNull(error("ProxyTimeout 4294967297"));
        assertEquals("1:1 Proxy Timeout must be at least 1 second.", error("ProxyTimeout 2147483648"));
        assertEquals("1:1 Proxy Timeout must be at least 1 second.", error("ProxyTimeout 9223372036854775808"));
        assertEquals("1:1 ProxyPass Timeout must be at least one second",
                error("ProxyPass /a/ http://b/a/ timeout=2147483648"));
        assertEquals(5, ApacheChecks.atoi(" +5s"));
        assertEquals(0, ApacheChecks.atoi("\u0665")); // not an ASCII digit
    }

    @Test
    void proxyPassReverseRefusesATrailingCommentOfTwoWords() {
        // apache2 -t 2.4.71 (add_pass_reverse, TAKE123): a third word is ignored unless it is "interpolate"
        assertEquals("1:1 ProxyPassReverse takes one, two or three arguments, a virtual path and a URL for reverse"
                + " proxy behaviour. httpd has no end-of-line comments: it reads \"# comment\" as more arguments;"
                + " move the comment to a line of its own",
                error("ProxyPassReverse /socket.io/ http://b/socket.io/ # comment"));
        assertNull(error("ProxyPassReverse /socket.io/ http://b/socket.io/ #comment"));
        assertEquals("1:1 ProxyPassReverse needs a path when not defined in a location",
                error("ProxyPassReverse http://b/socket.io/"));
        assertEquals("2:1 ProxyPassReverse can not have a path when defined in a location. httpd has no end-of-line"
                + " comments: it reads \"#comment\" as more arguments; move the comment to a line of its own",
                error("<Location /socket.io/>\nProxyPassReverse http://b/socket.io/ #comment\n</Location>"));
        assertNull(error("<Location /socket.io/>\nProxyPassReverse http://b/socket.io/ INTERPOLATE\n</Location>"));
        assertNull(error("<Proxy http://b/>\nProxyPassReverse http://b/socket.io/\n</Proxy>"));
        assertEquals("2:1 ProxyPassReverse cannot occur within <Directory> section",
                error("<Directory /srv>\nProxyPassReverse /a http://b/\n</Directory>"));
        assertEquals("3:1 ProxyPassReverse cannot occur within <Limit> or <LimitExcept> section",
                error("<Location /a>\n<Limit GET>\nProxyPassReverse http://b/\n</Limit>\n</Location>"));
        // ProxyPass reads any word after the URL without "=" as a malformed parameter
        assertEquals("1:1 Invalid ProxyPass|ProxyPassMatch parameter. Parameter must be in the form 'key=value'."
                + " httpd has no end-of-line comments: it reads \"#comment\" as more arguments; move the comment to a"
                + " line of its own", error("ProxyPass /socket.io/ http://b/socket.io/ #comment"));
    }

    @Test
    void quotingUnescapesOnlyBackslashAndTheQuote() {
        Directive d = read("Header set X \"a \\\"b\\\" c\\\\d \\n\" 'e\\'f' g\\\\h i\"j").root().get(0);
        assertEquals(List.of("set", "X", "a \"b\" c\\d \\n", "e'f", "g\\h", "i\"j"), values(d));
    }

    @Test
    void sectionsAreCaseInsensitiveAndMustCloseWithTheirOwnName() {
        ParsedConfig c = read("<virtualhost *:80>\n  <LOCATION /a>\n  </location>\n</VirtualHost>");
        assertEquals("virtualhost", c.root().get(0).name());
        assertEquals(List.of("*:80"), values(c.root().get(0)));
        assertEquals("3:1 Expected </Location> but saw </VirtualHost>", error("<VirtualHost *:80>\n<Location /a>\n</VirtualHost>"));
        assertEquals("1:1 <VirtualHost> was not closed.", error("<VirtualHost *:80>\nServerName a"));
        assertEquals("1:1 </VirtualHost> without matching <VirtualHost> section", error("</VirtualHost>"));
        assertEquals("1:1 <VirtualHost> directive missing closing '>'", error("<VirtualHost *:80\n</VirtualHost>"));
    }

    @Test
    void variablesComeFromDefineThenTheEnvironment() {
        ApacheReader reader = new ApacheReader(DisplayPaths.ofWorkingDirectory(), Map.of("PORT", "3000", "HOST", "env"));
        ParsedConfig c = reader.read(SourceFile.ofText("t.conf",
                "Define HOST node\nProxyPass / http://${HOST}:${PORT}/ ${NOPE}"));
        assertEquals(List.of("/", "http://node:3000/", "${NOPE}"), values(c.root().get(1)));
        assertEquals(1, reader.notes().size());
        assertTrue(reader.notes().get(0).contains("${NOPE} is not defined"));
    }

    @Test
    void conditionalSectionsAreEvaluatedAgainstWhatTheConfigLoadsAndDefines() {
        String loaded = "LoadModule proxy_module m.so\n";
        ParsedConfig c = read(loaded + "<IfModule mod_proxy.c>\nProxyTimeout 5\n</IfModule>\n"
                + "<IfModule mod_headers.c>\nHeader set A b\n</IfModule>\n"
                + "<IfModule !headers_module>\nServerName ok\n</IfModule>\n"
                + "Define TLS\n<IfDefine TLS>\nServerAlias tls\n</IfDefine>\n<IfVersion >= 2.4.47>\nTimeout 9\n</IfVersion>");
        List<String> active = c.root().stream().filter(d -> !d.hasBlock()).map(Directive::name).toList();
        assertEquals(List.of("LoadModule", "ProxyTimeout", "ServerName", "Define", "ServerAlias", "Timeout"), active);
        // without LoadModule lines nothing is known: both branches count
        ParsedConfig unknown = read("<IfModule mod_headers.c>\nHeader set A b\n</IfModule>");
        assertEquals("Header", unknown.root().get(1).name());
    }

    @Test
    void unDefineMakesIfDefineFalse() {
        // apache2 -t 2.4.71: after UnDefine X, <IfDefine X> is skipped unread (even a -D X is gone) and <IfDefine !X>
        // is read
        assertNull(error("Define X\nUnDefine X\n<IfDefine X>\nProxyTimeout 0 1 2\n</IfDefine>"));
        assertEquals("4:1 ProxyTimeout takes one argument, Set the timeout (in seconds) for a proxied connection."
                + " This overrides the server timeout",
                error("Define X\nUnDefine X\n<IfDefine !X>\nProxyTimeout 0 1 2\n</IfDefine>"));
        // defined again after UnDefine: true again
        assertNull(error("UnDefine X\nDefine X\n<IfDefine !X>\nProxyTimeout 0 1 2\n</IfDefine>"));
    }

    @Test
    void variablesAreUndefinedAgainAfterUnDefine() {
        // apache2 -t 2.4.71: after UnDefine, ${X} comes from the environment, else stays as written (AH00111)
        ApacheReader reader = new ApacheReader(DisplayPaths.ofWorkingDirectory(), Map.of("Y", "env"));
        ParsedConfig c = reader.read(SourceFile.ofText("t.conf",
                "Define X 5\nDefine Y 6\nUnDefine X\nUnDefine Y\nServerAlias ${X} ${Y}"));
        assertEquals(List.of("${X}", "env"), values(c.root().get(4)));
        assertTrue(reader.notes().get(0).contains("${X} is not defined"));
    }

    @Test
    void falseSectionsAreSkippedUnreadButMustBeBalanced() {
        assertNull(error("LoadModule proxy_module m.so\n<IfModule nope_module>\nProxyTimeout 0 1 2\n</IfModule>"));
        assertEquals("2:1 Expected </IfModule> before end of configuration",
                error("LoadModule proxy_module m.so\n<IfModule nope_module>\nProxyTimeout 1\n"));
        // the end of the file inside a true conditional section is accepted, as ap_build_cont_config does
        assertNull(error("<IfModule proxy_module>\n<VirtualHost *:80>\nServerName a\n</VirtualHost> </IfModule>"));
    }

    @Test
    void directivesInAConditionalOrAnIncludeAreCheckedInTheEnclosingSection(@TempDir Path tmp) throws Exception {
        // apache2 -t 2.4.71 accepts a path-less ProxyPass in <IfModule> or an Include inside <Location>, and refuses
        // ProxyTimeout there; proxylint checked them as if at the top of the file
        assertNull(error("<Location /socket.io/>\n<IfModule mod_proxy.c>\nProxyPass ws://b/socket.io/\n</IfModule>\n"
                + "</Location>"));
        assertEquals("3:1 ProxyTimeout not allowed in <Location> context",
                error("<Location /socket.io/>\n<IfModule mod_proxy.c>\nProxyTimeout 5\n</IfModule>\n</Location>"));
        assertEquals("3:1 ProxyPass|ProxyPassMatch needs a path when not defined in a location", error(
                "<VirtualHost *:80>\n<IfModule mod_proxy.c>\nProxyPass ws://b/socket.io/\n</IfModule>\n</VirtualHost>"));
        Files.writeString(tmp.resolve("pass.conf"), "ProxyPass ws://b/socket.io/\n");
        Path entry = tmp.resolve("httpd.conf");
        Files.writeString(entry, "<Location /socket.io/>\nInclude pass.conf\n</Location>\nInclude pass.conf\n");
        ParsedConfig c = new ApacheReader(new DisplayPaths(tmp), Map.of()).read(SourceFile.read(entry, "httpd.conf"));
        assertEquals(List.of("pass.conf:1:1 httpd would refuse this file: ProxyPass|ProxyPassMatch needs a path when"
                + " not defined in a location"), c.problems().stream().map(p -> p.position() + " " + p.message()).toList());
    }

    @Test
    void crlfIsReadAndABomIsRefusedAsHttpdRefusesIt(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("httpd.conf");
        byte[] body = "ProxyTimeout 5\r\n<VirtualHost *:80>\r\n  ServerName a\r\n</VirtualHost>\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(f, bytes);
        ParsedConfig c = new ApacheReader(new DisplayPaths(tmp), Map.of()).read(SourceFile.read(f, "httpd.conf"));
        // apache2 -t (2.4.71): Invalid command '\xef\xbb\xbfProxyTimeout'; the rest is still read
        assertEquals(List.of("PL001 httpd.conf:1:1"), c.problems().stream().map(p -> p.ruleId() + " " + p.position())
                .toList());
        assertEquals(List.of("5"), values(c.root().get(0)));
        assertEquals("httpd.conf:1:1", c.root().get(0).position().toString());
        assertEquals("httpd.conf:3:3", c.root().get(1).block().get(0).position().toString());
    }

    /**
     * A checkout of /etc/apache2: Include /etc/apache2/ports.conf and ServerRoot /etc/apache2 resolve beside the
     * entry file, never in the /etc/apache2 of the machine linting it.
     */
    @Test
    void systemServerRootAndAbsoluteIncludesResolveBesideTheEntryFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("ports.conf"), "Listen 8080\n");
        Path entry = tmp.resolve("apache2.conf");
        Files.writeString(entry, "ServerRoot \"/etc/apache2\"\nInclude /etc/apache2/ports.conf\n"
                + "IncludeOptional mods-enabled/*.load\nIncludeOptional /etc/apache2/conf-enabled/*.conf\n");
        ParsedConfig c = new ApacheReader(new DisplayPaths(tmp), Map.of()).read(SourceFile.read(entry, "apache2.conf"));
        assertEquals(List.of(), c.problems());
        assertEquals("ports.conf:1:1", c.root().stream().filter(d -> d.is("Listen")).findFirst().orElseThrow()
                .position().toString());
        assertTrue(c.filesRead().stream().noneMatch(p -> p.startsWith("/etc/apache2")), c.filesRead().toString());
    }

    @Test
    void includesResolveFromServerRootThenTheEntryFolder(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/timeouts.conf"), "ProxyTimeout 7\n");
        Path entry = tmp.resolve("httpd.conf");
        Files.writeString(entry, "ServerRoot \"" + root + "\"\nInclude conf/timeouts.conf\nIncludeOptional none/*.conf\n"
                + "Include missing.conf\n");
        ParsedConfig c = new ApacheReader(new DisplayPaths(tmp), Map.of()).read(SourceFile.read(entry, "httpd.conf"));
        assertEquals("ProxyTimeout", c.root().get(2).name());
        assertEquals("root/conf/timeouts.conf:1:1", c.root().get(2).position().toString());
        assertEquals(List.of("PL002"), c.problems().stream().map(p -> p.ruleId()).toList());
        assertEquals(4, c.problems().get(0).position().line());
    }
}
