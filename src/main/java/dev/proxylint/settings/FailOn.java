package dev.proxylint.settings;

import java.util.Locale;

/** The lowest severity that makes the exit status 1. */
public enum FailOn {
    ERROR, WARNING, INFO, NEVER;

    public boolean fails(Severity s) {
        return switch (this) {
            case ERROR -> s == Severity.ERROR;
            case WARNING -> s != Severity.INFO;
            case INFO -> true;
            case NEVER -> false;
        };
    }

    public static FailOn parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
