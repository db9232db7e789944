package dev.proxylint.route;

import dev.proxylint.source.Dialect;
import dev.proxylint.source.Position;

/**
 * The Socket.IO routes of one server (nginx {@code server}, Apache virtual host or main server).
 *
 * @param name    how to name the server in messages: {@code server example.com}
 * @param intent  the server shows WebSocket or Socket.IO intent (forwards Upgrade somewhere, names socket.io)
 * @param proxies the server proxies something (a server that proxies nothing is out of scope)
 */
public record ServerRoutes(Dialect dialect, String name, Position at, boolean intent, boolean proxies,
                           Route polling, Route websocket) {

    public Route route(Transport t) {
        return t == Transport.POLLING ? polling : websocket;
    }
}
