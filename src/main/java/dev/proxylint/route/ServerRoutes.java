package dev.proxylint.route;

import dev.proxylint.source.Dialect;
import dev.proxylint.source.Position;

/**
 * The Socket.IO routes of one server (nginx {@code server}, Apache virtual host or main server).
 *
 * @param name    how to name the server in messages: {@code server example.com}
 * @param intent  the server shows WebSocket or Socket.IO intent (forwards Upgrade somewhere, names socket.io)
 * @param proxies the server proxies something (a server that proxies nothing is out of scope)
 * @param namesSocketIo its intent names Socket.IO, rather than only forwarding Upgrade (which another WebSocket
 *                app also does)
 */
public record ServerRoutes(Dialect dialect, String name, Position at, boolean intent, boolean proxies,
                           Route polling, Route websocket, boolean namesSocketIo) {

    /** A server whose intent, if any, may name Socket.IO ({@link #namesSocketIo} true: the cautious default). */
    public ServerRoutes(Dialect dialect, String name, Position at, boolean intent, boolean proxies, Route polling,
                        Route websocket) {
        this(dialect, name, at, intent, proxies, polling, websocket, true);
    }

    public Route route(Transport t) {
        return t == Transport.POLLING ? polling : websocket;
    }
}
