package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.proxylint.report.JsonReporter.ordered;

/**
 * {@code --format gitlab}: a GitLab Code Quality report (the Code Climate issue format, the fields GitLab
 * reads). GitLab compares fingerprints between the branch and its target to say which issues are new, which is
 * why the linter's line-independent fingerprint goes here.
 */
public final class GitlabReporter implements Reporter {
    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("description", ReportFields.messageWithFix(f));
            issue.put("check_name", f.rule());
            issue.put("fingerprint", ReportFields.fingerprint(f));
            issue.put("severity", severity(f.severity()));
            issue.put("location", ordered("path", ReportFields.path(f.position().file()),
                    "lines", ordered("begin", Math.max(1, f.position().line()))));
            issue.put("categories", List.of("Bug Risk"));
            issue.put("type", "issue");
            issues.add(issue);
        }
        out.print(Json.pretty(issues) + "\n");
    }

    static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }
}
