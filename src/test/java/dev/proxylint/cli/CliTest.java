package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract of cli.md: exit statuses, output formats, errors in one line. */
class CliTest {
    static final String BROKEN = """
            server {
                listen 80;
                location /socket.io/ {
                    proxy_pass http://127.0.0.1:3000;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 20s;
                }
            }
            """;

    @Test
    void jsonReportIsExactlyTheDocumentedSchema(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN);
        CliRun r = CliRun.of("--format", "json", f.toString());
        assertEquals(1, r.exit());
        String expected = """
                {
                  "tool": {
                    "name": "proxylint",
                    "version": "%s"
                  },
                  "findings": [
                    {
                      "rule": "PL201",
                      "name": "timeout-below-ping-interval",
                      "severity": "error",
                      "file": "%s",
                      "line": 8,
                      "column": 9,
                      "message": "proxy_read_timeout 20s is below pingInterval (25000 ms) + 500 ms: idle Socket.IO connections (long-polling requests and WebSocket tunnels) are cut after 20 s, before the next ping arrives, so every idle connection is closed (\\"transport close\\"; behind several nodes polling clients see 400 \\"Session ID unknown\\")",
                      "fix": "proxy_read_timeout 60s;"
                    }
                  ],
                  "summary": {
                    "files": 1,
                    "errors": 1,
                    "warnings": 0,
                    "infos": 0
                  }
                }
                """.formatted(Version.get(), f);
        assertEquals(expected, r.out());
        assertEquals("", r.err());
    }

    @Test
    void textReportIsCompilerStyleWithCaretFixAndSummary(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN);
        CliRun r = CliRun.of("--no-color", f.toString());
        assertEquals(1, r.exit());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith(f + ":8:9: error[PL201] proxy_read_timeout 20s is below pingInterval"), lines[0]);
        assertEquals(" 8 |         proxy_read_timeout 20s;", lines[1]);
        assertEquals("   |         ^" + "~".repeat(22), lines[2]);
        assertEquals("  fix: proxy_read_timeout 60s;", lines[3]);
        assertEquals("1 file: 1 error", lines[lines.length - 1]);
    }

    @Test
    void cleanConfigExitsZero(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN.replace("20s", "60s"));
        CliRun r = CliRun.of(f.toString());
        assertEquals(0, r.exit());
        assertEquals("1 file: no findings\n", r.out());
    }

    /** The README promises: the clean samples lint clean (so nginx and httpd accept them), the broken ones do not. */
    @Test
    void bundledSamplesAreWhatTheReadmeSays() {
        for (String dialect : new String[] {"nginx", "apache"}) {
            CliRun clean = CliRun.of("--no-color", "samples/" + dialect + "/socketio-clean.conf");
            assertEquals(0, clean.exit(), clean.out());
            assertTrue(clean.out().endsWith("1 file: no findings\n"), clean.out());
            CliRun broken = CliRun.of("--no-color", "samples/" + dialect + "/socketio-broken.conf");
            assertEquals(1, broken.exit(), broken.out());
        }
    }

    @Test
    void failOnDecidesTheExitStatus(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN.replace("20s", "30s")); // PL202, a warning
        assertEquals(1, CliRun.of(f.toString()).exit());
        assertEquals(0, CliRun.of("--fail-on", "error", f.toString()).exit());
        assertEquals(0, CliRun.of("--fail-on", "never", f.toString()).exit());
        assertEquals(1, CliRun.of("--fail-on", "info", f.toString()).exit());
    }

    @Test
    void selectIgnoreAndSettingsFileSeverities(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN);
        assertEquals(0, CliRun.of("--ignore", "PL201", f.toString()).exit());
        assertEquals(0, CliRun.of("--select", "PL101,PL102", f.toString()).exit());
        Path settings = tmp.resolve("settings.yml");
        Files.writeString(settings, "rules:\n  PL201: warning\n");
        CliRun r = CliRun.of("--config", settings.toString(), "--fail-on", "error", "--format", "json", f.toString());
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("\"severity\": \"warning\""), r.out());
        Files.writeString(settings, "rules:\n  PL201: off\n");
        assertEquals("1 file: no findings\n", CliRun.of("--config", settings.toString(), f.toString()).out());
    }

    @Test
    void heartbeatFlagsOverrideTheSettingsFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN);
        Path settings = tmp.resolve("s.yml");
        Files.writeString(settings, "socketio:\n  pingInterval: 10000\n  pingTimeout: 5000\n");
        // 20 s is above 10 s + 5 s: clean with the file's heartbeat
        assertEquals(0, CliRun.of("--config", settings.toString(), f.toString()).exit());
        // the flag wins over the file
        CliRun r = CliRun.of("--config", settings.toString(), "--ping-interval", "25000", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("[PL201]"), r.out());
    }

    @Test
    void stdinIsReadWithDashAndNamedDash() throws Exception {
        CliRun r = CliRun.withStdin(BROKEN, "--format", "json", "-");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("\"file\": \"-\""), r.out());
        assertTrue(r.out().contains("\"line\": 8"), r.out());
        CliRun piped = CliRun.withStdin(BROKEN, "--no-color");
        assertEquals(1, piped.exit());
        assertTrue(piped.out().startsWith("-:8:9: error[PL201]"), piped.out());
    }

    @Test
    void userMistakesAreOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        assertMistake(CliRun.of("no/such/file.conf"), "cannot read 'no/such/file.conf': no such file or directory");
        assertMistake(CliRun.of("--bogus", "x"), "Unknown option");
        assertMistake(CliRun.of("--format", "xml", "-"), "'xml' is not");
        assertMistake(CliRun.of("--ping-interval", "soon", "-"), "'soon' is not a whole number of milliseconds (--ping-interval)");
        assertMistake(CliRun.of("--select", "PL999", "-"), "'PL999' is not a rule id");
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, "socketio: [unclosed\n");
        assertMistake(CliRun.of("--config", bad.toString(), "-"), "is not valid YAML");
        Files.writeString(bad, "socketio:\n  pingIntervall: 3\n");
        assertMistake(CliRun.of("--config", bad.toString(), "-"), "unknown setting 'socketio.pingIntervall'");
        Files.writeString(bad, "rules:\n  PL201: loud\n");
        assertMistake(CliRun.of("--config", bad.toString(), "-"), "'loud' is not off, info, warning or error");
        assertMistake(CliRun.of("--config", tmp.resolve("none.yml").toString(), "-"), "no such file");
        assertMistake(CliRun.of("explain", "PL999"), "unknown rule 'PL999'");
        Files.writeString(bad, "socketio: 5\n");
        assertMistake(CliRun.of("--config", bad.toString(), "-"), "'socketio' in " + bad + " must be a mapping, such as"
                + " 'socketio: {pingInterval: 25000}'");
        assertMistake(CliRun.of("help"), "cannot read 'help': no such file or directory (for the help, run proxylint"
                + " --help)");
    }

    @Test
    void aPasteEndedWithoutANewlineGetsItsReportOnALineOfItsOwn() throws Exception {
        CliRun r = CliRun.inWithStdin(Path.of(""), Map.of("PROXYLINT_STDIN_TTY", "1", "PROXYLINT_STDOUT_TTY", "0"),
                "events {}", "-");
        assertEquals("1 file: no findings\n", r.out());
        assertTrue(r.err().startsWith("proxylint: reading a config from standard input;"), r.err());
        assertTrue(r.err().endsWith("to lint it.\n\n"), r.err());
        r = CliRun.inWithStdin(Path.of(""), Map.of("PROXYLINT_STDIN_TTY", "1", "PROXYLINT_STDOUT_TTY", "0"),
                "events {}\n", "-");
        assertTrue(r.err().endsWith("to lint it.\n"), r.err());
    }

    @Test
    void emptyStandardInputIsLintedButSaysSo() throws Exception {
        CliRun r = CliRun.withStdin("");
        assertEquals(0, r.exit());
        assertEquals("1 file: no findings\n", r.out());
        assertEquals("proxylint: warning: standard input is empty: nothing was linted\n", r.err());
    }

    @Test
    void aSettingsFileThatIsNotAMappingSaysWhatItHolds(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("nginx.conf");
        Files.writeString(conf, BROKEN);
        Path found = tmp.resolve(".proxylint.yml");
        String where = "proxylint: error: settings file " + found + ": expected a mapping of settings (socketio:,"
                + " rules:, ...), found ";
        // a list, as when the keys are written as list items
        Files.writeString(found, "- socketio:\n    pingInterval: 10000\n");
        CliRun list = CliRun.in(tmp, java.util.Map.of(), "nginx.conf");
        assertEquals(2, list.exit());
        assertEquals("", list.out());
        assertEquals(where + "a list\n", list.err());
        Files.writeString(found, "pingInterval 10000\n");
        CliRun string = CliRun.in(tmp, java.util.Map.of(), "nginx.conf");
        assertEquals(2, string.exit());
        assertEquals("", string.out());
        assertEquals(where + "a string\n", string.err());
        Files.writeString(found, "42\n");
        assertEquals(where + "a number\n", CliRun.in(tmp, java.util.Map.of(), "nginx.conf").err());
        // --config names it the same way
        Path named = tmp.resolve("settings.yml");
        Files.writeString(named, "[polling, websocket]\n");
        CliRun flag = CliRun.of("--config", named.toString(), conf.toString());
        assertEquals(2, flag.exit());
        assertEquals("proxylint: error: settings file " + named + ": expected a mapping of settings (socketio:,"
                + " rules:, ...), found a list\n", flag.err());
        // an empty settings file is no settings: the defaults apply
        Files.writeString(found, "# nothing yet\n");
        assertEquals(1, CliRun.in(tmp, java.util.Map.of(), "nginx.conf").exit());
    }

    @Test
    void configNamingADirectorySaysSo(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("settings");
        Files.createDirectories(dir);
        CliRun r = CliRun.withStdin(BROKEN, "--config", dir.toString(), "-");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("proxylint: error: settings file " + dir + " is a directory; --config takes a file, such as "
                + dir.resolve(".proxylint.yml") + "\n", r.err());
    }

    private static void assertMistake(CliRun r, String expectedPart) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("proxylint: error: "), r.err());
        assertTrue(r.err().contains(expectedPart), r.err());
        assertEquals(1, r.err().split("\n").length, "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void explainAndRulesReadTheCatalogue() {
        CliRun e = CliRun.of("explain", "PL201");
        assertEquals(0, e.exit());
        assertTrue(e.out().startsWith("PL201 timeout-below-ping-interval  (error; nginx, apache)\n"), e.out());
        assertTrue(e.out().contains("Bad:\n") && e.out().contains("Fixed:\n"), e.out());
        assertEquals(e.out(), CliRun.of("explain", "timeout-below-ping-interval").out());
        CliRun r = CliRun.of("rules");
        assertEquals(0, r.exit());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("PL103\\s+upstream-http-1\\.0\\s+warning\\s+nginx")), r.out());
    }

    @Test
    void helpAndVersion() {
        CliRun h = CliRun.of("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("Exit status:"), h.out());
        CliRun v = CliRun.of("--version");
        assertEquals("proxylint " + Version.get() + "\n", v.out());
    }

    @Test
    void folderWalkLintsIncludedFilesOnceAsPartOfTheirIncluder(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("conf.d"));
        Files.writeString(tmp.resolve("nginx.conf"), "events {}\nhttp {\n    include conf.d/*.conf;\n}\n");
        Files.writeString(tmp.resolve("conf.d/app.conf"), BROKEN);
        Files.writeString(tmp.resolve("notes.conf"), "[section]\nkey = value\n");
        CliRun r = CliRun.of("--format", "json", tmp.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.out().split("\"rule\": \"PL201\"", -1).length - 1, r.out());
        assertTrue(r.out().contains("\"files\": 2"), r.out());
    }

    @Test
    void apacheFromStdinIsDetectedAndDialectCanBeForced() {
        String httpd = "<VirtualHost *:80>\n    ProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/\n</VirtualHost>\n";
        CliRun r = CliRun.withStdin(httpd, "--no-color", "-");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("-:2:5: error[PL101]"), r.out());
        // read as nginx it is a syntax error: the dialect flag wins over detection
        CliRun forced = CliRun.withStdin(httpd, "--no-color", "--dialect", "nginx", "-");
        assertTrue(forced.out().contains("error[PL001]"), forced.out());
        assertMistake(CliRun.withStdin(httpd, "--dialect", "iis", "-"), "'iis' is not auto, nginx or apache");
    }

    @Test
    void undefinedHttpdVariableIsAWarningOnStderrNotAFinding(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("httpd.conf");
        Files.writeString(f, "<VirtualHost *:80>\n    ProxyPass /socket.io/ ws://${NODE_ADDR}/socket.io/\n</VirtualHost>\n");
        CliRun r = CliRun.of(f.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("warning: " + f + ":2:32: ${NODE_ADDR} is not defined"), r.err());
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliRun bash = CliRun.of("completion", "bash");
        assertEquals(0, bash.exit());
        assertTrue(bash.out().contains("complete -F") && bash.out().contains("--ping-interval"), bash.out());
        CliRun zsh = CliRun.of("completion", "zsh");
        assertTrue(zsh.out().startsWith("autoload -U +X compinit && compinit\n"), zsh.out());
        assertMistake(CliRun.of("completion", "fish"), "completion for 'fish' is not available");
        assertMistake(CliRun.of("hook"), "hook needs a subcommand");
    }

    /** What bash offers on TAB, from the generated script run by a real bash. */
    @Test
    void completionOffersTheValuesOfFormatFailOnShellAndRule(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("proxylint.bash");
        Files.writeString(script, CliRun.of("completion", "bash").out());
        assertEquals("sarif", complete(script, "proxylint --format s"));
        assertEquals("error warning info never", complete(script, "proxylint --fail-on "));
        assertEquals("bash zsh", complete(script, "proxylint completion "));
        assertEquals("PL201 PL202", complete(script, "proxylint explain PL20"));
    }

    private static String complete(Path script, String line) throws Exception {
        String bash = "source \"$1\"; COMP_LINE=\"$2\"; read -ra COMP_WORDS <<< \"$2\";"
                + " [[ \"$2\" == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]}-1));"
                + " COMP_POINT=${#COMP_LINE}; _complete_proxylint proxylint \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\";"
                + " echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", bash, "bash", script.toString(), line)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        return out;
    }

    @Test
    void diffShowsAndFixAppliesTheUnambiguousFixes(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN);
        CliRun diff = CliRun.of("--diff", f.toString());
        assertEquals(1, diff.exit());
        assertEquals("--- " + f + "\n+++ " + f + "\n@@ -5,6 +5,6 @@\n"
                + "         proxy_http_version 1.1;\n"
                + "         proxy_set_header Upgrade $http_upgrade;\n"
                + "         proxy_set_header Connection \"upgrade\";\n"
                + "-        proxy_read_timeout 20s;\n"
                + "+        proxy_read_timeout 60s;\n"
                + "     }\n"
                + " }\n", diff.out());
        assertEquals(BROKEN, Files.readString(f), "--diff changes nothing");

        CliRun fix = CliRun.of("--fix", f.toString());
        assertEquals(0, fix.exit(), fix.out() + fix.err());
        assertEquals("1 file: no findings\n", fix.out());
        assertTrue(fix.err().contains("fixed 1 finding in 1 file"), fix.err());
        assertEquals(BROKEN.replace("20s", "60s"), Files.readString(f));
        assertEquals(0, CliRun.of("--diff", f.toString()).exit(), "nothing left to fix");
        assertMistake(CliRun.withStdin(BROKEN, "--fix", "-"), "--fix cannot write standard input");
    }

    @Test
    void aFolderWithoutConfigsSaysSo(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("README.md"), "# nothing here\n");
        CliRun r = CliRun.of(tmp.toString());
        assertEquals(0, r.exit());
        assertEquals("0 files: no findings\n", r.out());
        assertEquals("proxylint: warning: no nginx or httpd config found in " + tmp + "\n", r.err());
    }

    @Test
    void aFolderOfTemplatesSaysHowToLintThem(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/default.conf.template"), "server { listen ${PORT}; }\n");
        CliRun r = CliRun.of(tmp.toString());
        assertEquals(0, r.exit());
        assertEquals("proxylint: warning: no nginx or httpd config found in " + tmp + "; it holds 1 config template ("
                + tmp.resolve("templates/default.conf.template") + "): lint the rendered config, or name a template"
                + " to lint it as it is\n", r.err());
    }

    @Test
    void colourIsOffWhenPipedAndOnWithColor(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, BROKEN);
        assertFalse(CliRun.of(f.toString()).out().contains("\u001b["), "piped: no colour");
        String coloured = CliRun.of("--color", f.toString()).out();
        assertTrue(coloured.contains("\u001b[1;31merror[PL201]\u001b[0m"), coloured);
        assertFalse(CliRun.of("--color", "--no-color", f.toString()).out().contains("\u001b["), "--no-color wins");
    }

    @Test
    void aFileTwoEntryConfigsIncludeIsReportedOnce(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("conf.d"));
        Files.writeString(tmp.resolve("nginx.conf"), "events {}\nhttp { include conf.d/*.conf; }\n");
        Files.writeString(tmp.resolve("nginx.dev.conf"), "events {}\nhttp { error_log stderr; include conf.d/*.conf; }\n");
        Files.writeString(tmp.resolve("conf.d/app.conf"), "server {\n    listen 80;\n    location /socket.io/ {\n"
                + "        proxy_pass http://127.0.0.1:3000;\n        proxy_http_version 1.1;\n"
                + "        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection \"upgrade\";\n"
                + "        proxy_read_timeout 10s;\n    }\n}\n");
        CliRun r = CliRun.of("--format", "json", tmp.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.out().split("\"rule\": \"PL201\"", -1).length - 1, r.out());
        assertTrue(r.out().contains("\"line\": 8"), r.out());
    }

    @Test
    void aPathARegexLocationTakesIsFixedWithCaretTildeNotASecondLocation() {
        CliRun r = CliRun.of("--format", "json",
                "testdata/PL401-socketio-path-not-proxied/nginx-bad-regex-takes-over.conf");
        assertTrue(r.out().contains("\"fix\": \"location ^~ /socket.io/ { ... }\""), r.out());
    }
}
