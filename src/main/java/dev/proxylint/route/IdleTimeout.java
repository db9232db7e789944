package dev.proxylint.route;

import dev.proxylint.source.Position;

/**
 * The idle timeout that cuts the route's connections.
 *
 * @param millis     the effective value; {@link #NONE} where nothing cuts an idle connection
 * @param at         the directive that decides it, or the block defining the route when it is a default
 * @param decidedBy  how the user would name it: {@code proxy_read_timeout 20s}, {@code ProxyTimeout 3},
 *                   {@code the default proxy_read_timeout (60s)}
 * @param fix        a format for the directive to write, with {@code %d} for whole seconds
 * @param note       extra words for the message (how the value was read), or null
 */
public record IdleTimeout(long millis, Position at, String decidedBy, String fix, String note) {
    public static final long NONE = Long.MAX_VALUE;
}
