package dev.proxylint.source;

/**
 * One argument (or directive name) as the proxy reads it: {@code value} has quotes removed and escapes
 * resolved the way the proxy resolves them, {@code raw} is the text as written.
 */
public record Word(String value, String raw, boolean quoted, Position position) {
}
