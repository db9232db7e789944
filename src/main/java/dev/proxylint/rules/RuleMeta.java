package dev.proxylint.rules;

import dev.proxylint.settings.Severity;

import java.util.List;

/**
 * A rule's entry in the catalogue ({@code rules/PLnnn-name.yml}): the single source for {@code explain},
 * {@code rules}, SARIF rule descriptors and the docs.
 */
public record RuleMeta(String id, String name, Severity severity, List<String> dialects, String summary,
                       String symptom, String description, String bad, String good, String fix) {

    /** The class that implements the rule: the name in CamelCase, in this package. */
    public String className() {
        StringBuilder sb = new StringBuilder(RuleMeta.class.getPackageName()).append('.');
        for (String part : name.replaceAll("[^A-Za-z0-9-]", "").split("-")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
