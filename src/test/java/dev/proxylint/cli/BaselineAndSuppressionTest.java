package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --write-baseline / --baseline through the CLI: only new findings, whatever lines moved. */
class BaselineAndSuppressionTest {
    static final String CONFIG = """
            upstream nodes {
                server 10.0.0.1:3000;
                server 10.0.0.2:3000;
            }
            server {
                listen 80;
                location /socket.io/ {
                    proxy_pass http://nodes;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 20s;
                }
            }
            """;

    @Test
    void baselineHidesRecordedFindingsAcrossLineShiftsAndShowsNewOnes(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("nginx.conf");
        Path baseline = tmp.resolve("proxylint-baseline.json");
        Files.writeString(conf, CONFIG);
        CliRun write = CliRun.of("--write-baseline", baseline.toString(), conf.toString());
        assertEquals(0, write.exit(), write.err());
        assertTrue(write.err().contains("wrote 2 findings"), write.err());
        assertTrue(Files.readString(baseline).contains("\"fingerprint\""));

        // unrelated edits move every line down: nothing new
        Files.writeString(conf, "# deployed by ansible\n\n" + CONFIG.replace("listen 80;", "listen 80;\n    server_name x;"));
        CliRun same = CliRun.of("--baseline", baseline.toString(), conf.toString());
        assertEquals(0, same.exit(), same.out());
        assertEquals("1 file: no findings\n", same.out());
        assertTrue(same.err().contains("2 findings recorded in"), same.err());

        // a new problem is reported, the old ones are not
        Files.writeString(conf, CONFIG.replace("proxy_http_version 1.1;", "proxy_http_version 1.1;\n        client_max_body_size 8k;"));
        CliRun fresh = CliRun.of("--no-color", "--baseline", baseline.toString(), conf.toString());
        assertEquals(1, fresh.exit());
        assertTrue(fresh.out().contains("warning[PL501]"), fresh.out());
        assertTrue(!fresh.out().contains("PL201") && !fresh.out().contains("PL301"), fresh.out());
    }

    @Test
    void aFileNamedAbsoluteOrRelativeMatchesTheSameBaseline(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("deploy"));
        Files.writeString(tmp.resolve("deploy/nginx.conf"), CONFIG);
        Path baseline = tmp.resolve("b.json");
        assertEquals(0, CliRun.in(tmp, Map.of(), "--write-baseline", baseline.toString(), "deploy/").exit());
        CliRun absolute = CliRun.in(tmp, Map.of(), "--baseline", baseline.toString(), tmp.resolve("deploy").toString());
        assertEquals(0, absolute.exit(), absolute.out());
        assertEquals("1 file: no findings\n", absolute.out());
    }

    @Test
    void editingARecordedDirectiveReportsItAgain(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("nginx.conf");
        Path baseline = tmp.resolve("proxylint-baseline.json");
        Files.writeString(conf, CONFIG);
        assertEquals(0, CliRun.of("--write-baseline", baseline.toString(), conf.toString()).exit());
        // the recorded PL201 was about "proxy_read_timeout 20s": a different value is a different finding
        Files.writeString(conf, CONFIG.replace("proxy_read_timeout 20s;", "proxy_read_timeout 10s;"));
        CliRun edited = CliRun.of("--no-color", "--baseline", baseline.toString(), conf.toString());
        assertEquals(1, edited.exit());
        assertTrue(edited.out().contains("error[PL201] proxy_read_timeout 10s"), edited.out());
        assertTrue(!edited.out().contains("PL301"), edited.out());
    }

    @Test
    void missingOrForeignBaselineIsAUsageError(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("nginx.conf");
        Files.writeString(conf, CONFIG);
        CliRun missing = CliRun.of("--baseline", tmp.resolve("none.json").toString(), conf.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("proxylint: error: baseline"), missing.err());
        Path foreign = tmp.resolve("package.json");
        Files.writeString(foreign, "{\"name\": \"x\"}");
        CliRun bad = CliRun.of("--baseline", foreign.toString(), conf.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("is not a proxylint baseline"), bad.err());
    }

    @Test
    void inlineSuppressionsHideFindingsAndStaleOnesAreInfo(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("nginx.conf");
        Files.writeString(conf, CONFIG.replace("    proxy_read_timeout 20s;",
                "    proxy_read_timeout 20s;  # proxylint disable=PL201")
                .replace("upstream nodes {", "# proxylint disable=PL301\nupstream nodes {"));
        CliRun r = CliRun.of(conf.toString());
        assertEquals(0, r.exit(), r.out());
        Files.writeString(conf, CONFIG.replace("    proxy_read_timeout 20s;",
                "    # proxylint disable=PL201,PL501\n        proxy_read_timeout 20s;"));
        CliRun stale = CliRun.of("--no-color", "--select", "PL201,PL501,PL901", conf.toString());
        assertEquals(0, stale.exit(), stale.out()); // info does not fail with the default --fail-on warning
        assertTrue(stale.out().startsWith(conf + ":12:9: info[PL901] \"# proxylint disable=PL201,PL501\" suppresses"
                + " no PL501 finding"), stale.out());
        assertEquals(1, CliRun.of("--fail-on", "info", conf.toString()).exit());
    }
}
