package dev.proxylint.nginx;

import dev.proxylint.route.Transport;

import java.util.Locale;
import java.util.Map;

/**
 * The Socket.IO request of one transport as nginx sees it: what engine.io-client v4 sends through the proxy.
 * Headers not listed are unknown (the client's Host, cookies, forwarded-for), not absent.
 */
final class NginxRequest {
    final Transport transport;
    final String path;
    final String args;
    private final Map<String, String> headers;

    NginxRequest(Transport transport, String path) {
        this.transport = transport;
        this.path = path;
        if (transport == Transport.POLLING) {
            this.args = "EIO=4&transport=polling&t=PAbC1d2";
            this.headers = Map.of("connection", "keep-alive", "upgrade", "");
        } else {
            this.args = "EIO=4&transport=websocket&sid=3pQvEq2aXyZ";
            this.headers = Map.of("connection", "Upgrade", "upgrade", "websocket");
        }
    }

    /** A request header by nginx variable suffix ({@code http_upgrade} -> upgrade); null when unknown. */
    String header(String variableSuffix) {
        return headers.get(variableSuffix.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A query argument as {@code $arg_NAME} reads it (case-insensitive), "" when absent. */
    String arg(String name) {
        for (String pair : args.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (k.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return "";
    }
}
