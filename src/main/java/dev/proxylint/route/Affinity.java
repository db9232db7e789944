package dev.proxylint.route;

import dev.proxylint.source.Position;

/**
 * How the proxy keeps one client on one backend.
 *
 * @param at     the directive that sets it up (null for NONE)
 * @param defect why it does not work, or {@link Defect#NONE}
 * @param detail the defect in words
 */
public record Affinity(Kind kind, Position at, String text, Defect defect, String detail) {
    public enum Kind { NONE, CLIENT_ADDRESS, HASH, STICKY, COOKIE, UNKNOWN }

    public enum Defect {
        NONE,
        /** nginx {@code hash} key that does not pin one client to one node (PL302). */
        KEY_NOT_CLIENT_STABLE,
        /** Apache {@code stickysession=} whose cookie is never set or never names a route (PL303). */
        COOKIE_NEVER_SET
    }

    public static Affinity none() {
        return new Affinity(Kind.NONE, null, null, Defect.NONE, null);
    }
}
