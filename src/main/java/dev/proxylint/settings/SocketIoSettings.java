package dev.proxylint.settings;

import dev.proxylint.route.Transport;

import java.util.EnumSet;
import java.util.Set;

/**
 * What proxylint knows about the Socket.IO server behind the proxy (defaults: Socket.IO v4).
 *
 * @param path       what clients request through the proxy
 * @param serverPath what the Socket.IO server serves (differs when the proxy strips or adds a prefix)
 */
public record SocketIoSettings(int version, String path, String serverPath, long pingInterval, long pingTimeout,
                               long maxHttpBufferSize, Set<Transport> transports) {

    public static SocketIoSettings defaults() {
        return new SocketIoSettings(4, "/socket.io/", "/socket.io/", 25_000, 20_000, 1_000_000,
                EnumSet.allOf(Transport.class));
    }

    /** The path of a Socket.IO request, as engine.io-client builds it: always with a trailing slash. */
    public String requestPath() {
        return withSlash(path);
    }

    /** The prefix the Socket.IO server answers (engine.io matches its path as a prefix). */
    public String serverRequestPath() {
        return withSlash(serverPath);
    }

    private static String withSlash(String p) {
        String s = p.startsWith("/") ? p : "/" + p;
        return s.endsWith("/") ? s : s + "/";
    }

    /** The engine.io protocol revision in the clients' query string: 3 for Socket.IO 2, 4 since Socket.IO 3. */
    public int eio() {
        return version <= 2 ? 3 : 4;
    }

    public boolean allows(Transport t) {
        return transports.contains(t);
    }
}
