package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;
import dev.proxylint.source.Visible;

import java.io.PrintStream;

/**
 * {@code --format github}: GitHub Actions workflow commands, one line per finding, which the runner turns into
 * annotations on the pull request. Nothing else goes to standard output: every line there is read as a command.
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(LintReport report, ReportContext context, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            sb.append("::").append(command(f.severity()))
                    .append(" file=").append(property(Visible.keepingLineBreaks(ReportFields.path(f.position().file()))))
                    .append(",line=").append(f.position().line())
                    .append(",col=").append(f.position().column())
                    .append(",title=").append(property(f.rule()))
                    .append("::").append(data(Visible.keepingLineBreaks(ReportFields.messageWithFix(f)))).append('\n');
        }
        out.print(sb);
    }

    static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /**
     * The runner's escaping for a command's message (actions/toolkit escapeData). It leaves other control
     * characters to the log, where an ESC sequence would be obeyed: the callers show those as escapes first.
     */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The runner's escaping for a property value (escapeProperty): also the separators {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
