package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Finding;
import dev.proxylint.rules.RuleMeta;
import dev.proxylint.settings.Severity;
import dev.proxylint.source.Position;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One fixed run for every reporter test: an error, a warning and an info in two files, plus a clean file. A
 * hand-made catalogue, so the goldens change when a reporter changes, not when a rule's wording does. The
 * second file's name and the warning's message hold characters every format must escape.
 */
final class Samples {
    static final String ODD_FILE = "sites-enabled/chat&ws,v2:blue.conf";
    static final String ODD_MESSAGE = "proxy_set_header Connection \"keep-alive\" & <no upgrade>: 100% of"
            + " WebSocket handshakes fall back to polling, a: b";

    private Samples() {
    }

    static Catalogue catalogue() {
        return Catalogue.of(List.of(
                entry(new RuleMeta("PL103", "upstream-http-1.0", Severity.WARNING, List.of("nginx"),
                        "The upstream is spoken to in HTTP/1.0.", "", "", "", "", "")),
                entry(new RuleMeta("PL104", "connection-header-value", Severity.WARNING, List.of("nginx"),
                        "The Connection header sent upstream is not \"upgrade\".",
                        "WebSocket handshakes fail with 400; clients stay on polling.",
                        "The backend only switches protocols when Connection names upgrade.", "", "",
                        "proxy_set_header Connection \"upgrade\";")),
                entry(new RuleMeta("PL201", "timeout-below-ping-interval", Severity.ERROR, List.of("nginx", "apache"),
                        "The route's idle timeout is below pingInterval + 500 ms.",
                        "Every connection is cut each heartbeat cycle (\"transport close\").",
                        "Socket.IO sends a ping every pingInterval.\nA shorter idle timeout cuts idle connections.",
                        "", "", "proxy_read_timeout 60s;"))));
    }

    private static Catalogue.Entry entry(RuleMeta meta) {
        return new Catalogue.Entry(meta, null);
    }

    static LintReport report() {
        return new LintReport(3, List.of(
                new Finding("PL201", "timeout-below-ping-interval", Severity.ERROR,
                        new Position("deploy/nginx.conf", 12, 5),
                        "proxy_read_timeout 20s is below pingInterval (25000 ms) + 500 ms (\"transport close\")",
                        "proxy_read_timeout 60s;", "    proxy_read_timeout 20s;", "0123456789abcdef0123456789abcdef"),
                new Finding("PL104", "connection-header-value", Severity.WARNING, new Position(ODD_FILE, 7, 9),
                        ODD_MESSAGE, "proxy_set_header Connection \"upgrade\";", "", "fedcba9876543210fedcba9876543210"),
                // no fix and no fingerprint: the formats must leave both out or make up a stable one
                new Finding("PL103", "upstream-http-1.0", Severity.INFO, new Position(ODD_FILE, 3, 1),
                        "upstream spoken to in HTTP/1.0 → no keep-alive", null, "")),
                List.of("deploy/nginx.conf", ODD_FILE, "conf.d/clean.conf"));
    }

    static ReportContext context() {
        return new ReportContext(catalogue(), "9.9.9", false);
    }

    static byte[] render(Reporter reporter, LintReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        reporter.write(report, context(), out);
        out.flush();
        return bytes.toByteArray();
    }

    static String renderText(Reporter reporter, LintReport report) {
        return new String(render(reporter, report), StandardCharsets.UTF_8);
    }
}
