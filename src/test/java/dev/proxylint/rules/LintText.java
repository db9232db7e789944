package dev.proxylint.rules;

import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.Linter;
import dev.proxylint.settings.SettingsLoader;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lints one config given as text, for tests that assert whole messages. */
final class LintText {
    private LintText() {
    }

    /** "RULE line:column message" of every finding, with these command-line flags. */
    static List<String> findings(String name, String text, Map<String, String> flags) throws Exception {
        Catalogue catalogue = Catalogue.load();
        var settings = new SettingsLoader(catalogue.entries().stream().map(e -> e.meta().id())
                .collect(Collectors.toSet())).load(null, flags, Map.of());
        return new Linter(catalogue, settings, DisplayPaths.ofWorkingDirectory(), Map.of())
                .lint(List.of(new InputCollector.Candidate(SourceFile.ofText(name, text), true))).findings().stream()
                .map(f -> f.rule() + " " + f.position().line() + ":" + f.position().column() + " " + f.message())
                .toList();
    }
}
