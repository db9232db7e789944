package dev.proxylint.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What depends on the process around the JVM: the locale file names are decoded with, who may read a file,
 * whether standard input is open. Run against the real launcher and jar.
 */
class LocaleAndPermissionsIT {
    private static final Path JAR = Path.of("target", "proxylint.jar").toAbsolutePath();
    private static final String CLEAN = """
            server {
                listen 80;
                location /socket.io/ {
                    proxy_pass http://127.0.0.1:3000;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 60s;
                }
            }
            """;
    private static final String BROKEN = CLEAN.replace("60s", "20s");

    /** loc/ok.conf (clean) and loc/naïve.conf (broken), the second name written as UTF-8 bytes by the shell. */
    private static Path folderWithAUtf8Name(Path tmp) throws Exception {
        Path loc = Files.createDirectories(tmp.resolve("loc"));
        Files.writeString(loc.resolve("ok.conf"), CLEAN);
        Files.writeString(loc.resolve("broken"), BROKEN);
        assertEquals(0, Launcher.run(loc, "sh", "-c", "mv broken \"$(printf 'na\\303\\257ve.conf')\"").exit());
        return loc;
    }

    @Test
    void theLauncherDecodesUtf8NamesUnderTheCLocale(@TempDir Path tmp) throws Exception {
        folderWithAUtf8Name(tmp);
        Launcher.Result r = Launcher.run(tmp, "", Map.of("LC_ALL", "C"),
                List.of(Launcher.PROXYLINT.toString(), "--no-color", "loc"));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("loc/na\u00efve.conf:8:9: error[PL201]"), r.out());
    }

    @Test
    void aNameTheLocaleCannotRepresentIsSkippedWithAWarning(@TempDir Path tmp) throws Exception {
        folderWithAUtf8Name(tmp);
        Launcher.Result r = Launcher.run(tmp, "", Map.of("LC_ALL", "C"),
                List.of("java", "-jar", JAR.toString(), "--no-color", "loc"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("proxylint: warning: skipping 'loc/na"), r.err());
        assertTrue(r.err().endsWith("ve.conf': the name cannot be represented in this locale's character set; run"
                + " with a UTF-8 locale (LC_ALL=C.UTF-8)\n"), r.err());
        assertEquals("1 file: no findings\n", r.out());
    }

    @Test
    void closedStandardInputIsNamedNotReadAsAConfig(@TempDir Path tmp) throws Exception {
        Launcher.Result r = Launcher.run(tmp, "sh", "-c", "exec \"$0\" <&-", Launcher.PROXYLINT.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("proxylint: error: standard input is closed: name the configs to lint (proxylint PATH...), or"
                + " pipe one in\n", r.err());
    }

    /** As another user than root (who reads everything): needs root to switch, and setpriv. */
    @Test
    void anUnreadableConfigInAFolderIsReportedAndTheRunFails(@TempDir Path tmp) throws Exception {
        assumeTrue(Launcher.run(tmp, "id", "-u").out().trim().equals("0") && Launcher.available("setpriv"),
                "needs root and setpriv to run as nobody");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectories(tmp.resolve("nginx"));
        Files.writeString(dir.resolve("a.conf"), CLEAN);
        Path locked = Files.writeString(dir.resolve("locked.conf"), BROKEN);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // a folder nobody may list (a database's data) may hold no config: a warning, not a failure
        Path closed = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        assumeTrue(Launcher.run(tmp, "", Map.of(), concat(asNobody, "test", "-r", JAR.toString())).exit() == 0,
                "the jar is not readable by nobody");
        Launcher.Result r = Launcher.run(tmp, "", Map.of(), concat(asNobody, Launcher.PROXYLINT.toString(), "nginx"));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("proxylint: warning: skipping folder 'nginx/data': permission denied (configs in it, if any, are"
                + " not checked)\nproxylint: error: cannot read 'nginx/locked.conf': permission denied\n", r.err());
        assertEquals("1 file: no findings\n", r.out());
        Files.delete(locked);
        Launcher.Result folderOnly = Launcher.run(tmp, "", Map.of(), concat(asNobody, Launcher.PROXYLINT.toString(),
                "nginx"));
        assertEquals(0, folderOnly.exit(), folderOnly.out() + folderOnly.err());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
