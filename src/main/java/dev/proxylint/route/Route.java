package dev.proxylint.route;

import dev.proxylint.source.Dialect;
import dev.proxylint.source.Position;

/**
 * How one server handles one Socket.IO transport, decided the way the proxy decides it. Every fact carries
 * the position of the directive that decided it, so a rule can point there.
 *
 * @param at           the block or directive that handles the route (nginx location, Apache ProxyPass)
 * @param handler      that block or directive as written
 * @param proxied      whether the request reaches a backend at all
 * @param notProxied   when not proxied: what answers instead
 * @param complete     false when something proxylint cannot see (a missing include, a condition it cannot
 *                     decide) could change the facts: rules that fire on an absence stay quiet
 * @param upgrade      websocket route: whether the upgrade is carried; polling route: null, or
 *                     {@link Upgrade.Status#FORCED_ON_POLLING} when the proxy turns long-polls into upgrades
 * @param httpVersion  nginx {@code proxy_http_version}; null where the proxy has no such setting
 * @param backendPath  the path the backend sees for the Socket.IO path, null when unknown
 * @param queryDropped the directive after which the backend gets no query string (so no EIO, transport or
 *                     sid), with the path it gets; null when the query string is passed on
 * @param bodyLimit    request body limit in bytes (0 = none); null where the proxy applies none to proxied requests
 * @param notProxiedFix when not proxied and the front end knows better than a new block: what to write (nginx: the
 *                     prefix location a regex location overrules, written with ^~); null otherwise
 */
public record Route(Dialect dialect, Transport transport, Position at, String handler, boolean proxied,
                    String notProxied, boolean complete, Upgrade upgrade, Sourced<String> httpVersion,
                    IdleTimeout timeout, Backends backends, Sourced<String> backendPath,
                    Sourced<String> queryDropped, Sourced<Long> bodyLimit, String notProxiedFix) {

    public Route(Dialect dialect, Transport transport, Position at, String handler, boolean proxied,
                 String notProxied, boolean complete, Upgrade upgrade, Sourced<String> httpVersion,
                 IdleTimeout timeout, Backends backends, Sourced<String> backendPath,
                 Sourced<String> queryDropped, Sourced<Long> bodyLimit) {
        this(dialect, transport, at, handler, proxied, notProxied, complete, upgrade, httpVersion, timeout, backends,
                backendPath, queryDropped, bodyLimit, null);
    }

    /** A route proxylint cannot work out (an include it cannot see, a regex too expensive to evaluate). */
    public static Route unknown(Dialect dialect, Transport transport, Position at, String handler) {
        return new Route(dialect, transport, at, handler, false, null, false, null, null, null, null, null, null, null);
    }

    public Route withNotProxiedFix(String fix) {
        return new Route(dialect, transport, at, handler, proxied, notProxied, complete, upgrade, httpVersion, timeout,
                backends, backendPath, queryDropped, bodyLimit, fix);
    }

    /** The same route with the backend's path unknown. */
    public Route withoutBackendPath() {
        return new Route(dialect, transport, at, handler, proxied, notProxied, complete, upgrade, httpVersion, timeout,
                backends, null, queryDropped, bodyLimit, notProxiedFix);
    }

    public Route withUpgrade(Upgrade other) {
        return new Route(dialect, transport, at, handler, proxied, notProxied, complete, other, httpVersion, timeout,
                backends, backendPath, queryDropped, bodyLimit, notProxiedFix);
    }
}
