package dev.proxylint.lint;

import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;

import java.util.List;

/** What a run found: how many files were read and the findings, in file and line order. */
public record LintReport(int files, List<Finding> findings) {

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
