package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the CI formats write the parts of a finding they share, so that they all say the same thing. */
final class ReportFields {
    private ReportFields() {
    }

    /** The message, then the fix: CI annotations show one text, and the fix is the most useful part of it. */
    static String messageWithFix(Finding f) {
        if (f.fix() == null || f.fix().isEmpty()) {
            return f.message();
        }
        String m = f.message().strip();
        return m + (m.endsWith(".") ? " " : ". ") + "Fix: " + f.fix();
    }

    /** The file with forward slashes: CI systems match annotations to repository paths, which use them. */
    static String path(String file) {
        return file.replace('\\', '/');
    }

    /**
     * The finding's fingerprint; for a finding the linter did not fingerprint (built by hand), one from its rule
     * and place, because GitLab requires a fingerprint on every issue.
     */
    static String fingerprint(Finding f) {
        if (f.fingerprint() != null && !f.fingerprint().isEmpty()) {
            return f.fingerprint();
        }
        String key = f.rule() + "\u0000" + f.position().file() + "\u0000" + f.position().line() + "\u0000"
                + f.position().column();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The linted files in run order, then the files only findings name (included files), each with its findings:
     * for the formats that list clean files too.
     */
    static Map<String, List<Finding>> byFile(LintReport report) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (String name : report.fileNames()) {
            byFile.put(name, new ArrayList<>());
        }
        for (Finding f : report.findings()) {
            byFile.computeIfAbsent(f.position().file(), k -> new ArrayList<>()).add(f);
        }
        return byFile;
    }
}
