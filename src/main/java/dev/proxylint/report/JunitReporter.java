package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code --format junit}: JUnit XML as Jenkins and GitLab show it. A test suite per file, a failed test case per
 * finding, a passing one per clean linted file, so the CI's test tab shows what was checked, not only what broke.
 */
public final class JunitReporter implements Reporter {
    static final String CLEAN = "no findings";

    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        Map<String, List<Finding>> byFile = ReportFields.byFile(report);
        int tests = 0;
        for (List<Finding> findings : byFile.values()) {
            tests += Math.max(1, findings.size());
        }
        boolean nothingNamed = byFile.isEmpty();
        Xml xml = new Xml();
        xml.start("testsuites").attr("name", "proxylint").attr("tests", nothingNamed ? 1 : tests)
                .attr("failures", report.findings().size()).attr("errors", 0);
        if (nothingNamed) {
            // a run with no files named and no findings still shows as one passing test, not as "no tests"
            suite(xml, "proxylint", List.of());
        }
        byFile.forEach((file, findings) -> suite(xml, file, findings));
        out.print(xml.end().finish());
    }

    private static void suite(Xml xml, String file, List<Finding> findings) {
        xml.start("testsuite").attr("name", file).attr("tests", Math.max(1, findings.size()))
                .attr("failures", findings.size()).attr("errors", 0);
        if (findings.isEmpty()) {
            xml.empty("testcase").attr("name", CLEAN).attr("classname", file);
        }
        for (Finding f : findings) {
            String at = f.position().line() + ":" + f.position().column();
            xml.start("testcase").attr("name", f.rule() + " " + f.name() + " at " + at).attr("classname", file);
            xml.start("failure").attr("type", f.rule()).attr("message", f.message()).text(details(f)).end();
            xml.end();
        }
        xml.end();
    }

    /** What the text format says about the finding, so the test page reads like the terminal. */
    private static String details(Finding f) {
        String text = f.position() + ": " + f.severity().id() + "[" + f.rule() + "] " + f.message();
        return f.fix() == null || f.fix().isEmpty() ? text : text + "\nfix: " + f.fix();
    }
}
