package dev.proxylint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * cli.md's settings layers, run in-process as if started in a folder with a given environment: flags override
 * the environment ({@code PROXYLINT_*}), which overrides {@code .proxylint.yml}, found upward from the current
 * folder; {@code --socketio-version} picks that version's heartbeat defaults.
 */
class SettingsLayersTest {
    private static final String PL201_AT_25000 = "nginx.conf:8:9: error[PL201] proxy_read_timeout 20s is below"
            + " pingInterval (25000 ms) + 500 ms: idle Socket.IO connections (long-polling requests and WebSocket"
            + " tunnels) are cut after 20 s, before the next ping arrives, so every idle connection is closed"
            + " (\"transport close\"; behind several nodes polling clients see 400 \"Session ID unknown\")";
    private static final String CLEAN = "1 file: no findings\n";

    /** A Socket.IO location with the given proxy_read_timeout on line 8, column 9. */
    private static void config(Path file, String readTimeout) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, CliTest.BROKEN.replace("proxy_read_timeout 20s;", "proxy_read_timeout " + readTimeout
                + ";"));
    }

    private static String firstLine(CliRun r) {
        return r.out().split("\n", 2)[0];
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideTheEnvironment(@TempDir Path tmp) throws Exception {
        config(tmp.resolve("nginx.conf"), "20s");
        // 20 s is above 10000 + 5000 ms: clean with the file's heartbeat
        Files.writeString(tmp.resolve(".proxylint.yml"), "socketio:\n  pingInterval: 10000\n  pingTimeout: 5000\n");
        CliRun file = CliRun.in(tmp, Map.of(), "--no-color", "nginx.conf");
        assertEquals(0, file.exit(), file.out() + file.err());
        assertEquals(CLEAN, file.out());

        CliRun env = CliRun.in(tmp, Map.of("PROXYLINT_PING_INTERVAL", "25000"), "--no-color", "nginx.conf");
        assertEquals(1, env.exit(), env.out() + env.err());
        assertEquals(PL201_AT_25000, firstLine(env));
        assertEquals("", env.err());

        CliRun flag = CliRun.in(tmp, Map.of("PROXYLINT_PING_INTERVAL", "25000"), "--no-color",
                "--ping-interval", "10000", "nginx.conf");
        assertEquals(0, flag.exit(), flag.out() + flag.err());
        assertEquals(CLEAN, flag.out());

        // the same order for a setting that is not a number: failOn
        Files.writeString(tmp.resolve(".proxylint.yml"), "failOn: never\n");
        assertEquals(0, CliRun.in(tmp, Map.of(), "nginx.conf").exit());
        assertEquals(1, CliRun.in(tmp, Map.of("PROXYLINT_FAIL_ON", "error"), "nginx.conf").exit());
        assertEquals(0, CliRun.in(tmp, Map.of("PROXYLINT_FAIL_ON", "error"), "--fail-on", "never", "nginx.conf")
                .exit());
    }

    @Test
    void aBadEnvironmentValueSaysWhichVariable(@TempDir Path tmp) throws Exception {
        config(tmp.resolve("nginx.conf"), "20s");
        CliRun r = CliRun.in(tmp, Map.of("PROXYLINT_PING_TIMEOUT", "soon"), "nginx.conf");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("proxylint: error: 'soon' is not a whole number of milliseconds (environment variable"
                + " PROXYLINT_PING_TIMEOUT)\n", r.err());
    }

    @Test
    void theSettingsFileIsFoundUpwardFromTheWorkingDirectory(@TempDir Path tmp) throws Exception {
        Path deep = tmp.resolve("repo/deploy/nginx");
        config(deep.resolve("nginx.conf"), "20s");
        // nothing above: the defaults cut 20 s
        CliRun none = CliRun.in(deep, Map.of(), "--no-color", "nginx.conf");
        assertEquals(1, none.exit(), none.out() + none.err());
        assertEquals(PL201_AT_25000, firstLine(none));

        Files.writeString(tmp.resolve("repo/.proxylint.yml"), "socketio:\n  pingInterval: 10000\n  pingTimeout: 5000\n");
        CliRun found = CliRun.in(deep, Map.of(), "--no-color", "nginx.conf");
        assertEquals(0, found.exit(), found.out() + found.err());
        assertEquals(CLEAN, found.out());

        // the nearest one wins: repo/deploy/.proxylint.yml hides repo/.proxylint.yml
        Files.writeString(tmp.resolve("repo/deploy/.proxylint.yml"), "socketio:\n  pingInterval: 25000\n");
        CliRun nearest = CliRun.in(deep, Map.of(), "--no-color", "nginx.conf");
        assertEquals(1, nearest.exit(), nearest.out() + nearest.err());
        assertEquals(PL201_AT_25000, firstLine(nearest));

        // upward from the working directory, not from the linted file: a settings file beside the config in
        // another folder is not read
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        CliRun elsewhere = CliRun.in(work, Map.of(), "--no-color", "../repo/deploy/nginx/nginx.conf");
        assertEquals(1, elsewhere.exit(), elsewhere.out() + elsewhere.err());
        assertEquals(PL201_AT_25000.replace("nginx.conf:8:9", "../repo/deploy/nginx/nginx.conf:8:9"),
                firstLine(elsewhere));
    }

    @Test
    void socketioVersion2And3HaveAShorterPingTimeout(@TempDir Path tmp) throws Exception {
        // 31 s: inside v4's window (25000 + 20000 ms), above v2's and v3's (25000 + 5000 ms)
        config(tmp.resolve("nginx.conf"), "31s");
        CliRun v4 = CliRun.in(tmp, Map.of(), "--no-color", "nginx.conf");
        assertEquals(1, v4.exit(), v4.out() + v4.err());
        assertEquals("nginx.conf:8:9: warning[PL202] proxy_read_timeout 31s is not above pingInterval +"
                + " pingTimeout (45000 ms): a long-polling request is held until the next ping, which the server"
                + " sends pingInterval after the client's pong, so when a client answers a ping late (mobile"
                + " networks, throttled background tabs) the proxy cuts its long-poll and the client reconnects"
                + " (\"transport close\")", firstLine(v4));
        for (String version : new String[] {"2", "3"}) {
            CliRun old = CliRun.in(tmp, Map.of(), "--no-color", "--socketio-version", version, "nginx.conf");
            assertEquals(0, old.exit(), version + ": " + old.out() + old.err());
            assertEquals(CLEAN, old.out());
        }
        // the same through the environment and the settings file
        assertEquals(CLEAN, CliRun.in(tmp, Map.of("PROXYLINT_SOCKETIO_VERSION", "2"), "nginx.conf").out());
        Files.writeString(tmp.resolve(".proxylint.yml"), "socketio:\n  version: 2\n");
        assertEquals(CLEAN, CliRun.in(tmp, Map.of(), "nginx.conf").out());
        // an explicit pingTimeout still wins over the version's default
        assertEquals(1, CliRun.in(tmp, Map.of(), "--ping-timeout", "20000", "nginx.conf").exit());

        // 28 s is in v2's window too: the message names v2's window
        Files.delete(tmp.resolve(".proxylint.yml"));
        config(tmp.resolve("nginx.conf"), "28s");
        CliRun v2 = CliRun.in(tmp, Map.of(), "--no-color", "--socketio-version", "2", "nginx.conf");
        assertEquals(1, v2.exit(), v2.out() + v2.err());
        assertEquals("nginx.conf:8:9: warning[PL202] proxy_read_timeout 28s is not above pingInterval +"
                + " pingTimeout (30000 ms): a long-polling request is held until the next ping, which the server"
                + " sends pingInterval after the client's pong, so when a client answers a ping late (mobile"
                + " networks, throttled background tabs) the proxy cuts its long-poll and the client reconnects"
                + " (\"transport close\")", firstLine(v2));
    }
}
