package dev.proxylint.settings;

/** A bad setting: the message says what and where, in one line. */
public final class SettingsException extends Exception {
    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
