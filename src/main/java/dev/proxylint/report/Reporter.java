package dev.proxylint.report;

import dev.proxylint.lint.LintReport;

import java.io.PrintStream;

/** Writes a run's findings in one format. A reporter decides nothing about severity or exit status. */
public interface Reporter {
    void write(LintReport report, ReportContext context, PrintStream out);
}
