package dev.proxylint.route;

import java.util.List;

/**
 * The dialect-neutral model most rules read: the Socket.IO routes of every server in one config.
 */
public record RoutesModel(List<ServerRoutes> servers, boolean anyIntent) {

    public RoutesModel(List<ServerRoutes> servers) {
        this(servers, servers.stream().anyMatch(ServerRoutes::intent)); // once, not once per server
    }

    /**
     * Whether rules judge this server's routes. A server that proxies nothing is out of scope; when some
     * server in the config shows Socket.IO or WebSocket intent, the servers that show none front something
     * else (an API, a static site) and are not judged: a false alarm costs more than a miss.
     */
    public boolean judged(ServerRoutes s) {
        if (!s.proxies()) {
            return false;
        }
        return s.intent() || !anyIntent;
    }
}
