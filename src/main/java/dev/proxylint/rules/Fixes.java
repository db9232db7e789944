package dev.proxylint.rules;

import dev.proxylint.settings.SocketIoSettings;
import dev.proxylint.source.Dialect;

/** Values rules propose, computed from the Socket.IO settings. */
final class Fixes {
    private Fixes() {
    }

    /** An idle timeout comfortably above the heartbeat window, in whole seconds (60 for the defaults). */
    static long timeoutSeconds(SocketIoSettings s) {
        long window = (s.pingInterval() + s.pingTimeout() + 999) / 1000;
        return Math.max(60, window + 15);
    }

    static String upgradeHeaders(Dialect d) {
        return d == Dialect.NGINX
                ? "proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection \"upgrade\";"
                : "ProxyPass /socket.io/ http://backend/socket.io/ upgrade=websocket";
    }
}
