package dev.proxylint.rules;

import dev.proxylint.settings.Severity;
import dev.proxylint.source.Position;

import java.util.List;

/**
 * One thing wrong, where, why it matters, and what to write instead.
 *
 * @param fix        the directive(s) to write, or null
 * @param sourceLine  the text of the line at {@code position}, for reporters that show it ("" if unknown)
 * @param fingerprint identifies the finding across edits that only move lines: rule, file, the directive's
 *                    normalised text and its block path ("" until the linter sets it)
 * @param edits       the text edits that apply {@code fix} ({@code --fix}, {@code --diff}); empty when the fix
 *                    needs a person (a choice, or more than one place)
 */
public record Finding(String rule, String name, Severity severity, Position position, String message, String fix,
                      String sourceLine, String fingerprint, List<Edit> edits) {

    public Finding {
        edits = edits == null ? List.of() : List.copyOf(edits);
    }

    public Finding(String rule, String name, Severity severity, Position position, String message, String fix,
                   String sourceLine) {
        this(rule, name, severity, position, message, fix, sourceLine, "", List.of());
    }

    public Finding(String rule, String name, Severity severity, Position position, String message, String fix,
                   String sourceLine, String fingerprint) {
        this(rule, name, severity, position, message, fix, sourceLine, fingerprint, List.of());
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, name, s, position, message, fix, sourceLine, fingerprint, edits);
    }

    public Finding withSourceLine(String line) {
        return new Finding(rule, name, severity, position, message, fix, line, fingerprint, edits);
    }

    public Finding withFingerprint(String f) {
        return new Finding(rule, name, severity, position, message, fix, sourceLine, f, edits);
    }

    public Finding withEdits(List<Edit> e) {
        return new Finding(rule, name, severity, position, message, fix, sourceLine, fingerprint, e);
    }

    public Finding withEdits(Edit... e) {
        return withEdits(List.of(e));
    }
}
