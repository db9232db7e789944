package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --format json}, exactly the schema of cli.md. */
public final class JsonReporter implements Reporter {
    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", ordered("name", "proxylint", "version", context.toolVersion()));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("name", f.name());
            m.put("severity", f.severity().id());
            m.put("file", f.position().file());
            m.put("line", f.position().line());
            m.put("column", f.position().column());
            m.put("message", f.message());
            m.put("fix", f.fix());
            findings.add(m);
        }
        root.put("findings", findings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", report.files());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("infos", report.count(Severity.INFO));
        root.put("summary", summary);
        out.println(Json.pretty(root));
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
