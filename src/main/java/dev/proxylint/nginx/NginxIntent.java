package dev.proxylint.nginx;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Word;

import java.util.List;
import java.util.Locale;

/** Whether a server shows WebSocket or Socket.IO intent, and whether it proxies anything at all. */
final class NginxIntent {
    private NginxIntent() {
    }

    static boolean shows(NginxHttpLevel http, Directive server) {
        return http.forwardsUpgrade || any(server, 0);
    }

    /** Whether a directive of the server names socket.io (a location, a path, an upstream name). */
    static boolean namesSocketIo(Directive server) {
        return any(server, 0, false);
    }

    private static boolean any(Directive block, int depth) {
        return any(block, depth, true);
    }

    private static boolean any(Directive block, int depth, boolean upgradeCounts) {
        if (depth > NginxParser.MAX_DEPTH) {
            return false;
        }
        for (Directive d : block.children()) {
            if (upgradeCounts && forwardsUpgrade(d)) {
                return true;
            }
            for (Word w : d.args()) {
                String v = w.value().toLowerCase(Locale.ROOT);
                if (v.contains("socket.io") || v.contains("socketio")) {
                    return true;
                }
            }
            if (d.hasBlock() && any(d, depth + 1, upgradeCounts)) {
                return true;
            }
        }
        return false;
    }

    /** {@code proxy_set_header Upgrade ...} or {@code proxy_set_header Connection ...upgrade...}. */
    static boolean forwardsUpgrade(Directive d) {
        if (!d.name().equals("proxy_set_header") || d.argCount() != 2) {
            return false;
        }
        String name = d.arg(0).toLowerCase(Locale.ROOT);
        String value = d.arg(1).toLowerCase(Locale.ROOT);
        return name.equals("upgrade") || name.equals("connection") && value.contains("upgrade");
    }

    static boolean proxies(Directive block) {
        return proxies(block, 0);
    }

    private static boolean proxies(Directive block, int depth) {
        if (depth > NginxParser.MAX_DEPTH) {
            return false;
        }
        for (Directive d : block.children()) {
            // a location set up to forward WebSocket upgrades is meant to proxy, even when its proxy_pass is missing
            if (d.name().equals("proxy_pass") || block.name().equals("location") && forwardsUpgrade(d)) {
                return true;
            }
            if (d.hasBlock() && proxies(d, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An {@code if} block whose body could change how the request is proxied. A {@code return} (the usual
     * redirect to https) does not count: the request proxylint judges is the one that passes through.
     */
    static boolean changesRouting(Directive ifBlock) {
        for (Directive d : ifBlock.children()) {
            switch (d.name()) {
                case "proxy_pass", "proxy_set_header", "proxy_read_timeout", "proxy_http_version", "set" -> {
                    return true;
                }
                case "rewrite" -> {
                    String r = d.argCount() > 1 ? d.arg(1) : "";
                    if (!r.startsWith("http://") && !r.startsWith("https://") && !r.startsWith("$scheme")) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }
}
