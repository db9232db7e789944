package dev.proxylint.source;

/** A comment in a config, kept for inline suppressions. {@code ownLine}: nothing but blanks before it. */
public record Comment(Position position, String text, boolean ownLine) {
}
