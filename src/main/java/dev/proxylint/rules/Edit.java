package dev.proxylint.rules;

import dev.proxylint.source.Position;

/**
 * A text edit that fixes a finding, in the file's own lines.
 *
 * <ul>
 * <li>{@link Kind#REPLACE}: on {@code at}'s line, the first {@code old} at or after {@code at}'s column
 * becomes {@code text};</li>
 * <li>{@link Kind#INSERT_INSIDE}: {@code text} (lines separated by '\n') goes after {@code at}'s line,
 * indented one level deeper (the block that line opens);</li>
 * <li>{@link Kind#INSERT_AFTER}: the same, at {@code at}'s line's own indentation;</li>
 * <li>{@link Kind#APPEND}: {@code text} is added at the end of {@code at}'s line;</li>
 * <li>{@link Kind#DELETE}: {@code old} is removed from the line, and the line too if nothing else is left.</li>
 * </ul>
 */
public record Edit(Kind kind, Position at, String old, String text) {
    public enum Kind { REPLACE, INSERT_INSIDE, INSERT_AFTER, APPEND, DELETE }

    public static Edit replace(Position at, String old, String text) {
        return new Edit(Kind.REPLACE, at, old, text);
    }

    public static Edit insertInside(Position at, String text) {
        return new Edit(Kind.INSERT_INSIDE, at, null, text);
    }

    public static Edit insertAfter(Position at, String text) {
        return new Edit(Kind.INSERT_AFTER, at, null, text);
    }

    public static Edit append(Position at, String text) {
        return new Edit(Kind.APPEND, at, null, text);
    }

    public static Edit delete(Position at, String old) {
        return new Edit(Kind.DELETE, at, old, null);
    }
}
