package dev.proxylint.lint;

import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;

import java.util.List;

/**
 * What a run found: how many files were read, the findings in file and line order, and the names of the
 * linted entry configs ("-" for standard input), so reporters can list clean files too (JUnit, Checkstyle).
 * {@code files} also counts included files, which {@code fileNames} does not name: it stays its own number.
 */
public record LintReport(int files, List<Finding> findings, List<String> fileNames) {

    public LintReport {
        findings = List.copyOf(findings);
        fileNames = List.copyOf(fileNames);
    }

    /** A report that names no files (callers that only have findings). */
    public LintReport(int files, List<Finding> findings) {
        this(files, findings, List.of());
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
