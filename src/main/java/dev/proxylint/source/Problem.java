package dev.proxylint.source;

/**
 * Something the front end found while reading a config (a syntax error, a missing include, an include
 * cycle). The rule with this id turns it into a finding.
 */
public record Problem(String ruleId, Position position, String message, String fix) {
}
