package dev.proxylint.source;

/**
 * Something the front end found while reading a config (a syntax error, a missing include, an include
 * cycle). The rule with this id turns it into a finding.
 *
 * @param structural the reader could not build the whole tree (unbalanced blocks, an unterminated quote, an
 *                   include it could not read); false for a bad argument or a missing stock include whose content
 *                   is known, after which the tree is complete and the other rules still run
 */
public record Problem(String ruleId, Position position, String message, String fix, boolean structural) {

    public Problem(String ruleId, Position position, String message, String fix) {
        this(ruleId, position, message, fix, true);
    }

    /** A directive's arguments the proxy refuses; the config's structure is intact. */
    public static Problem argument(Position position, String message) {
        return new Problem("PL001", position, message, null, false);
    }
}
