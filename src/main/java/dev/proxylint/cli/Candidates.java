package dev.proxylint.cli;

import dev.proxylint.report.Reporters;
import dev.proxylint.rules.Catalogue;

import java.util.ArrayList;
import java.util.List;

/** The values shell completion offers for options and parameters that take one of a fixed set. */
final class Candidates {
    private Candidates() {
    }

    static final class Formats extends ArrayList<String> {
        Formats() {
            super(Reporters.names());
        }
    }

    static final class Dialects extends ArrayList<String> {
        Dialects() {
            super(List.of("auto", "nginx", "apache"));
        }
    }

    static final class FailOn extends ArrayList<String> {
        FailOn() {
            super(List.of("error", "warning", "info", "never"));
        }
    }

    static final class Shells extends ArrayList<String> {
        Shells() {
            super(List.of("bash", "zsh"));
        }
    }

    static final class RuleIds extends ArrayList<String> {
        RuleIds() {
            super(Catalogue.load().entries().stream().map(e -> e.meta().id()).toList());
        }
    }
}
