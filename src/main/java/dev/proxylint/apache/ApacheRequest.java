package dev.proxylint.apache;

import dev.proxylint.route.Transport;

import java.util.Locale;

/** The Socket.IO request of one transport as httpd sees it; unknown values are null, not empty. */
final class ApacheRequest {
    final Transport transport;
    final String path;
    final String query;
    /** The Connection header of a WebSocket handshake: Chrome, Safari and Node send "Upgrade". */
    private final String connection;

    ApacheRequest(Transport transport, String path) {
        this(transport, path, "Upgrade");
    }

    /** The same handshake as Firefox sends it: {@code Connection: keep-alive, Upgrade}. */
    ApacheRequest asFirefox() {
        return new ApacheRequest(transport, path, "keep-alive, Upgrade");
    }

    private ApacheRequest(Transport transport, String path, String connection) {
        this.transport = transport;
        this.path = path;
        this.connection = connection;
        this.query = transport == Transport.POLLING ? "EIO=4&transport=polling&t=PAbC1d2"
                : "EIO=4&transport=websocket&sid=3pQvEq2aXyZ";
    }

    /** A request header; null when the client's value is not known (Host, cookies). */
    String header(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "upgrade" -> transport == Transport.WEBSOCKET ? "websocket" : "";
            case "connection" -> transport == Transport.WEBSOCKET ? connection : "keep-alive";
            default -> null;
        };
    }

    /** A mod_rewrite server variable ({@code %{NAME}}); null when unknown. */
    String variable(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("HTTP:")) {
            return header(name.substring(5));
        }
        return switch (n) {
            case "REQUEST_URI" -> path;
            case "QUERY_STRING" -> query;
            case "REQUEST_METHOD" -> "GET";
            case "THE_REQUEST" -> "GET " + path + "?" + query + " HTTP/1.1";
            // not mod_rewrite variables (only %{HTTP:Upgrade} reads the header): httpd 2.4.71 reads them as empty
            case "HTTP_UPGRADE", "HTTP_CONNECTION" -> "";
            case "SERVER_PROTOCOL" -> "HTTP/1.1";
            default -> null;
        };
    }
}
