package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.settings.Severity;

import java.util.ArrayList;
import java.util.List;

/** The last line of the text report: {@code 3 files: 1 error, 2 warnings}. */
final class Summary {
    private Summary() {
    }

    static String line(LintReport r) {
        List<String> parts = new ArrayList<>();
        add(parts, r.count(Severity.ERROR), "error");
        add(parts, r.count(Severity.WARNING), "warning");
        add(parts, r.count(Severity.INFO), "info");
        String files = r.files() + (r.files() == 1 ? " file" : " files");
        return files + ": " + (parts.isEmpty() ? "no findings" : String.join(", ", parts));
    }

    private static void add(List<String> parts, long n, String word) {
        if (n > 0) {
            parts.add(n + " " + word + (n == 1 || word.equals("info") ? "" : "s"));
        }
    }
}
