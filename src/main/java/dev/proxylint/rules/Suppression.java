package dev.proxylint.rules;

import dev.proxylint.source.Position;

import java.util.List;

/**
 * An inline suppression comment that did not (entirely) do its job, for the unused-suppression rule.
 *
 * @param unused the rule ids it names that suppressed nothing
 * @param unknown the ids it names that are not rules
 * @param raw     the comment as written, from its {@code #} to the end of the line
 * @param useless none of its ids did anything, so the whole comment can go
 */
public record Suppression(Position at, String text, List<String> unused, List<String> unknown, String raw,
                          boolean useless) {
}
