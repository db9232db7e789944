package dev.proxylint.settings;

import dev.proxylint.source.Dialect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run needs to know, merged once from the settings file, the environment and the flags.
 *
 * @param ruleSeverity per-rule severity from the settings file; {@link Optional#empty()} means off
 * @param select       when not empty, only these rule ids run
 * @param dialect      forced dialect, or null for detection
 * @param configFile   the settings file in use, or null
 * @param baseline      report only findings not recorded in this baseline file, or null
 * @param writeBaseline record today's findings in this file instead of reporting them, or null
 */
public record Settings(SocketIoSettings socketIo, Map<String, Optional<Severity>> ruleSeverity, Set<String> select,
                       Set<String> ignore, FailOn failOn, String format, Dialect dialect, Path configFile,
                       Path baseline, Path writeBaseline) {

    public static Settings defaults() {
        return new Settings(SocketIoSettings.defaults(), Map.of(), Set.of(), Set.of(), FailOn.WARNING, "text", null,
                null, null, null);
    }

    /** Whether a rule runs at all. */
    public boolean enabled(String ruleId) {
        if (!select.isEmpty() && !select.contains(ruleId)) {
            return false;
        }
        if (ignore.contains(ruleId)) {
            return false;
        }
        Optional<Severity> s = ruleSeverity.get(ruleId);
        return s == null || s.isPresent();
    }

    /** The severity a rule reports with: the settings file's, else its catalogue default. */
    public Severity severity(String ruleId, Severity catalogueDefault) {
        Optional<Severity> s = ruleSeverity.get(ruleId);
        return s == null || s.isEmpty() ? catalogueDefault : s.get();
    }
}
