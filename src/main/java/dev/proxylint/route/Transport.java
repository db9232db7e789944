package dev.proxylint.route;

/** The two ways a Socket.IO client reaches its server: HTTP long-polling and the WebSocket upgrade. */
public enum Transport {
    POLLING("polling"), WEBSOCKET("websocket");

    private final String id;

    Transport(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
