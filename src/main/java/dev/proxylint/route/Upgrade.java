package dev.proxylint.route;

import dev.proxylint.source.Position;

/**
 * Whether the websocket route carries the upgrade to the backend.
 *
 * @param at      the directive (or block) that decides it
 * @param detail  what is missing or wrong, in the proxy's terms
 * @param outerAt for {@link Status#HIDDEN_BY_INNER}: where the hidden Upgrade/Connection headers are set
 * @param fix     the directive(s) to write, in the proxy's syntax
 */
public record Upgrade(Status status, Position at, String detail, Position outerAt, String fix) {
    public enum Status {
        CARRIED,
        /** Upgrade or Connection (nginx), or any websocket-capable target (Apache), is missing. */
        NOT_CARRIED,
        /** nginx: set at an outer level but not inherited, because an inner level sets its own headers. */
        HIDDEN_BY_INNER,
        /** nginx: Connection is forwarded with a value that cannot carry "upgrade". */
        CONNECTION_CANNOT_UPGRADE,
        /** Polling route: the proxy adds Upgrade and Connection: upgrade to requests that asked for no upgrade. */
        FORCED_ON_POLLING,
        UNKNOWN
    }

    /** The same verdict, its detail followed by {@code more} (why the proxy chose this route, say). */
    public Upgrade withMoreDetail(String more) {
        return new Upgrade(status, at, detail + more, outerAt, fix);
    }

    public static Upgrade carried(Position at) {
        return new Upgrade(Status.CARRIED, at, null, null, null);
    }

    public static Upgrade unknown(Position at) {
        return new Upgrade(Status.UNKNOWN, at, null, null, null);
    }
}
