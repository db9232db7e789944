package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Finding;
import dev.proxylint.rules.RuleMeta;
import dev.proxylint.settings.Severity;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.proxylint.report.JsonReporter.ordered;

/**
 * {@code --format sarif}: SARIF 2.1.0 as GitHub code scanning reads it. The rule descriptors come from the
 * whole catalogue, so a rule's page exists even for runs where it found nothing.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/proxylint/proxylint";
    /** The rule pages, the same text as {@code proxylint explain}. */
    static final String RULES_URI = INFORMATION_URI + "/blob/main/docs/rules/";

    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Catalogue.Entry e : context.catalogue().entries()) {
            ruleIndex.put(e.meta().id(), rules.size());
            rules.add(descriptor(e.meta()));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            results.add(result(f, ruleIndex.get(f.rule())));
        }
        Map<String, Object> driver = ordered("name", "proxylint", "version", context.toolVersion(),
                "informationUri", INFORMATION_URI, "rules", rules);
        Map<String, Object> run = ordered("tool", ordered("driver", driver), "results", results);
        Map<String, Object> root = ordered("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
        out.print(Json.pretty(root) + "\n");
    }

    private static Map<String, Object> descriptor(RuleMeta m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", m.id());
        d.put("name", m.name());
        d.put("shortDescription", text(m.summary()));
        d.put("fullDescription", text(m.description().isEmpty() ? m.summary() : m.description()));
        d.put("helpUri", RULES_URI + m.id() + "-" + m.name() + ".md");
        d.put("help", text(help(m)));
        d.put("defaultConfiguration", ordered("level", level(m.severity())));
        return d;
    }

    /** The Socket.IO symptom and the fix: what someone looking at an alert needs first. */
    private static String help(RuleMeta m) {
        List<String> parts = new ArrayList<>();
        if (!m.symptom().isEmpty()) {
            parts.add("Symptom: " + m.symptom());
        }
        if (!m.fix().isEmpty()) {
            parts.add("Fix: " + m.fix());
        }
        return parts.isEmpty() ? m.summary() : String.join("\n\n", parts);
    }

    private static Map<String, Object> result(Finding f, Integer ruleIndex) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", f.rule());
        if (ruleIndex != null) {
            r.put("ruleIndex", ruleIndex);
        }
        r.put("level", level(f.severity()));
        r.put("message", text(ReportFields.messageWithFix(f)));
        // SARIF regions are 1-based and reject 0, which a finding about a whole file could carry
        Map<String, Object> region = ordered("startLine", Math.max(1, f.position().line()),
                "startColumn", Math.max(1, f.position().column()));
        Map<String, Object> physical = ordered("artifactLocation", ordered("uri", uri(f.position().file())),
                "region", region);
        r.put("locations", List.of(ordered("physicalLocation", physical)));
        if (f.fingerprint() != null && !f.fingerprint().isEmpty()) {
            r.put("partialFingerprints", ordered("proxylintFingerprint/v1", f.fingerprint()));
        }
        return r;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static Map<String, Object> text(String s) {
        return ordered("text", s);
    }

    /**
     * The file as a URI reference, which SARIF requires: forward slashes, and percent-encoding for what a URI
     * path cannot hold (spaces, {@code %}, {@code #}, {@code ?}, non-ASCII; {@code :} too, since in a first
     * segment it would read as a scheme). An absolute path (POSIX or Windows) becomes a {@code file:} URI.
     */
    static String uri(String file) {
        String p = ReportFields.path(file);
        if (p.matches("[A-Za-z]:/.*")) {
            return "file:///" + p.substring(0, 2) + encode(p.substring(2));
        }
        return p.startsWith("/") ? "file://" + encode(p) : encode(p);
    }

    private static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0);
            out.append(keep ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }
}
