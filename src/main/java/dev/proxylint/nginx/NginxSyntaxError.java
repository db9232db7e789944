package dev.proxylint.nginx;

import dev.proxylint.source.Position;

/** nginx would stop reading the config here; the message is what {@code nginx -t} says. */
final class NginxSyntaxError extends Exception {
    private final Position position;

    NginxSyntaxError(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    Position position() {
        return position;
    }
}
