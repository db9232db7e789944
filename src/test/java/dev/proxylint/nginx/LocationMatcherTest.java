package dev.proxylint.nginx;

import dev.proxylint.source.Directive;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Location selection as ngx_http_core_find_location() does it. Each server below was run on nginx 1.22.1 with
 * these {@code return 200 "name";} locations and asked with curl: the expected names are what nginx answered.
 */
class LocationMatcherTest {
    /** The server level of a snippet of locations. */
    private static List<Directive> server(String locations) {
        ParsedConfig c = new NginxParser(DisplayPaths.ofWorkingDirectory()).parse(SourceFile.ofText("t.conf", locations));
        assertEquals(List.of(), c.problems());
        return c.root();
    }

    /** The name the chosen location returns, or null when no location matches. */
    private static String chosen(List<Directive> server, String uri) {
        LocationMatcher.Match m = LocationMatcher.find(server, uri);
        assertTrue(m.certain(), uri);
        Directive loc = m.location();
        if (loc == null) {
            return null;
        }
        return loc.children().stream().filter(d -> d.name().equals("return")).map(d -> d.arg(1)).findFirst()
                .orElse(null);
    }

    @Test
    void exactMatchBeatsPrefixAndRegex() {
        List<Directive> s = server("""
                location /a/ { return 200 "prefix"; }
                location ~ x { return 200 "regex"; }
                location = /a/x { return 200 "exact"; }
                """);
        assertEquals("exact", chosen(s, "/a/x"));
        assertEquals("prefix", chosen(s, "/a/y"));
        assertEquals("regex", chosen(s, "/a/xx"));
    }

    @Test
    void longestPrefixWinsWhateverTheOrder() {
        List<Directive> s = server("""
                location /a/ { return 200 "short"; }
                location /a/b/ { return 200 "long"; }
                location /c/d/ { return 200 "long2"; }
                location /c/ { return 200 "short2"; }
                """);
        assertEquals("long", chosen(s, "/a/b/c"));
        assertEquals("short", chosen(s, "/a/c"));
        assertEquals("long2", chosen(s, "/c/d/e"));
        assertEquals("short2", chosen(s, "/c/e"));
        assertEquals(null, chosen(s, "/d"));
    }

    @Test
    void caretTildePrefixStopsTheRegexSearch() {
        List<Directive> s = server("""
                location ^~ /a/ { return 200 "noregex"; }
                location ~ /a/ { return 200 "regex"; }
                location /b/ { return 200 "plain"; }
                location ~ /b/ { return 200 "regexb"; }
                """);
        assertEquals("noregex", chosen(s, "/a/x"));
        assertEquals("regexb", chosen(s, "/b/x"));
    }

    @Test
    void regexesAreTriedInFileOrderAndBeatTheLongestPrefix() {
        List<Directive> s = server("""
                location /a/x { return 200 "prefix"; }
                location ~ /a/ { return 200 "first"; }
                location ~ /a/x { return 200 "second"; }
                """);
        assertEquals("first", chosen(s, "/a/x"));
        assertEquals("first", chosen(s, "/a/y"));
    }

    @Test
    void tildeStarIgnoresCaseAndTildeDoesNot() {
        List<Directive> s = server("""
                location ~ \\.PNG$ { return 200 "cs"; }
                location ~* \\.PNG$ { return 200 "ci"; }
                location / { return 200 "root"; }
                """);
        assertEquals("ci", chosen(s, "/x.png"));
        assertEquals("cs", chosen(s, "/x.PNG"));
        assertEquals("root", chosen(s, "/x.pn"));
    }

    @Test
    void nestedPrefixInsidePrefix() {
        List<Directive> s = server("""
                location /a/ { location /a/b/ { return 200 "inner"; } return 200 "outer"; }
                """);
        assertEquals("inner", chosen(s, "/a/b/c"));
        assertEquals("outer", chosen(s, "/a/c"));
        // the chain holds the enclosing location too, outermost first
        assertEquals(List.of("/a/", "/a/b/"), LocationMatcher.find(s, "/a/b/c").chain().stream()
                .map(d -> d.arg(0)).toList());
    }

    @Test
    void nestedRegexIsTriedBeforeTheOuterRegexes() {
        List<Directive> s = server("""
                location /a/ { location ~ \\.js$ { return 200 "inner-regex"; } return 200 "outer"; }
                location ~ \\.js$ { return 200 "outer-regex"; }
                """);
        assertEquals("inner-regex", chosen(s, "/a/x.js"));
        assertEquals("outer-regex", chosen(s, "/b/x.js"));
        assertEquals("outer", chosen(s, "/a/x.css"));
    }

    @Test
    void outerRegexOverridesANestedPrefix() {
        List<Directive> s = server("""
                location /a/ { location /a/b/ { return 200 "inner-prefix"; } return 200 "outer"; }
                location ~ /a/b/ { return 200 "outer-regex"; }
                """);
        assertEquals("outer-regex", chosen(s, "/a/b/x"));
        assertEquals(List.of("~"), LocationMatcher.find(s, "/a/b/x").chain().stream().map(d -> d.arg(0)).toList());
        assertEquals("outer", chosen(s, "/a/c"));
    }

    @Test
    void nestedCaretTildeStopsOnlyItsOwnLevelsRegexes() {
        // nginx keeps noregex per level: the outer regexes are still tried
        List<Directive> s = server("""
                location /a/ { location ^~ /a/b/ { return 200 "inner-noregex"; } return 200 "outer"; }
                location ~ /a/b/ { return 200 "outer-regex"; }
                """);
        assertEquals("outer-regex", chosen(s, "/a/b/x"));
    }

    @Test
    void outerCaretTildeStillSearchesItsNestedRegexes() {
        List<Directive> s = server("""
                location ^~ /a/ { location ~ \\.js$ { return 200 "inner-regex"; } return 200 "outer"; }
                location ~ \\.js$ { return 200 "outer-regex"; }
                """);
        assertEquals("inner-regex", chosen(s, "/a/x.js"));
        assertEquals("outer", chosen(s, "/a/x.css"));
    }

    @Test
    void exactMatchInsideAPrefixLocation() {
        List<Directive> s = server("""
                location /a/ { location = /a/x { return 200 "inner-exact"; } return 200 "outer"; }
                location ~ /a/x { return 200 "regex"; }
                """);
        assertEquals("inner-exact", chosen(s, "/a/x"));
        assertEquals("regex", chosen(s, "/a/xy"));
        assertEquals("outer", chosen(s, "/a/y"));
    }

    @Test
    void namedLocationsAreNeverMatched() {
        List<Directive> s = server("""
                location @socketio { return 200 "named"; }
                location /a/ { return 200 "prefix"; }
                """);
        assertEquals("prefix", chosen(s, "/a/x"));
        assertEquals(null, chosen(s, "/socketio"));
        assertEquals(null, chosen(s, "/@socketio"));
    }

    @Test
    void modifiersGluedToTheUriWorkLikeSpacedOnes() {
        List<Directive> s = server("""
                location ^~/a/ { return 200 "glued-caret"; }
                location ~/a/ { return 200 "glued-regex"; }
                location =/b { return 200 "glued-exact"; }
                location ~*/C/ { return 200 "glued-ci"; }
                """);
        assertEquals("glued-caret", chosen(s, "/a/x"));
        assertEquals("glued-exact", chosen(s, "/b"));
        assertEquals("glued-ci", chosen(s, "/c/x"));
        assertEquals("glued-regex", chosen(s, "/x/a/"));
    }

    @Test
    void aRegexThatWinsNamesThePrefixLocationItOverruled() {
        List<Directive> s = server("""
                location /socket.io/ { return 200 "prefix"; }
                location ~* ^/(api|socket) { return 200 "regex"; }
                """);
        LocationMatcher.Match m = LocationMatcher.find(s, "/socket.io/");
        assertEquals("regex", chosen(s, "/socket.io/"));
        assertEquals(1, m.overruled().position().line());
        assertEquals(null, LocationMatcher.find(s, "/api/x").overruled());
        // the catch-all "/" is not written for the path, and a ^~ nested in it does not stop the server's regexes
        List<Directive> nested = server("""
                location / { location ^~ /socket.io/ { return 200 "nested"; } }
                location ~ ^/(api|socket\\.io)/ { return 200 "regex"; }
                """);
        assertEquals("regex", chosen(nested, "/socket.io/"));
        assertEquals(null, LocationMatcher.find(nested, "/socket.io/").overruled());
    }
}
