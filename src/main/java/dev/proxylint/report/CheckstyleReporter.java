package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code --format checkstyle}: Checkstyle XML, which reviewdog, Jenkins Warnings NG and many review bots read.
 * Like Checkstyle itself it lists clean files as empty {@code <file>} elements.
 */
public final class CheckstyleReporter implements Reporter {
    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        Map<String, List<Finding>> byFile = ReportFields.byFile(report);
        Xml xml = new Xml();
        xml.start("checkstyle").attr("version", "8.0");
        byFile.forEach((file, findings) -> {
            if (findings.isEmpty()) {
                xml.empty("file").attr("name", file);
                return;
            }
            xml.start("file").attr("name", file);
            for (Finding f : findings) {
                xml.empty("error").attr("line", f.position().line()).attr("column", f.position().column())
                        .attr("severity", f.severity().id()).attr("message", ReportFields.messageWithFix(f))
                        .attr("source", "proxylint." + f.rule());
            }
            xml.end();
        });
        out.print(xml.end().finish());
    }
}
