package dev.proxylint.rules;

import dev.proxylint.settings.Severity;
import dev.proxylint.source.Position;

/**
 * One thing wrong, where, why it matters, and what to write instead.
 *
 * @param fix        the directive(s) to write, or null
 * @param sourceLine  the text of the line at {@code position}, for reporters that show it ("" if unknown)
 * @param fingerprint identifies the finding across edits that only move lines: rule, file, the directive's
 *                    normalised text and its block path ("" until the linter sets it)
 */
public record Finding(String rule, String name, Severity severity, Position position, String message, String fix,
                      String sourceLine, String fingerprint) {

    public Finding(String rule, String name, Severity severity, Position position, String message, String fix,
                   String sourceLine) {
        this(rule, name, severity, position, message, fix, sourceLine, "");
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, name, s, position, message, fix, sourceLine, fingerprint);
    }

    public Finding withSourceLine(String line) {
        return new Finding(rule, name, severity, position, message, fix, line, fingerprint);
    }

    public Finding withFingerprint(String f) {
        return new Finding(rule, name, severity, position, message, fix, sourceLine, f);
    }
}
