package dev.proxylint.apache;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Word;

import java.util.List;
import java.util.Locale;

/** Whether an httpd server shows WebSocket or Socket.IO intent. */
final class ApacheIntent {
    private ApacheIntent() {
    }

    static boolean shows(ApacheServer s) {
        return any(s.own, 0) || s.vhost != null && any(s.main.stream().filter(d -> !d.is("VirtualHost")).toList(), 0);
    }

    private static boolean any(List<Directive> level, int depth) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                if (!d.is("VirtualHost") && depth < 64 && any(d.children(), depth + 1)) {
                    return true;
                }
                if (mentions(d)) {
                    return true;
                }
                continue;
            }
            if (d.is("ProxyWebsocketFallbackToProxyHttp") || mentions(d)) {
                return true;
            }
            if (d.is("RewriteCond") && d.argCount() > 0) {
                String t = d.arg(0).toLowerCase(Locale.ROOT);
                if (t.contains("http:upgrade") || t.contains("http:connection") || t.contains("http_upgrade")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentions(Directive d) {
        if (d.is("LoadModule")) {
            return false;
        }
        for (Word w : d.args()) {
            String v = w.value().toLowerCase(Locale.ROOT);
            if (v.startsWith("ws://") || v.startsWith("wss://") || v.startsWith("upgrade=") || v.contains("socket.io")
                    || v.contains("socketio")) {
                return true;
            }
        }
        return false;
    }
}
