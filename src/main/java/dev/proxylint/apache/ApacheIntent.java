package dev.proxylint.apache;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Word;

import java.util.List;
import java.util.Locale;

/** Whether an httpd server shows WebSocket or Socket.IO intent. */
final class ApacheIntent {
    private ApacheIntent() {
    }

    /** The first directive that shows the intent, or null. */
    static Directive evidence(ApacheServer s) {
        Directive own = first(s.own, 0);
        return own != null || s.vhost == null ? own : first(s.main, 0);
    }

    private static Directive first(List<Directive> level, int depth) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                Directive inside = !d.is("VirtualHost") && depth < 64 ? first(d.children(), depth + 1) : null;
                if (inside != null) {
                    return inside;
                }
                if (mentions(d)) {
                    return d;
                }
                continue;
            }
            if (d.is("ProxyWebsocketFallbackToProxyHttp") || mentions(d)) {
                return d;
            }
            if (d.is("RewriteCond") && d.argCount() > 0) {
                String t = d.arg(0).toLowerCase(Locale.ROOT);
                if (t.contains("http:upgrade") || t.contains("http:connection") || t.contains("http_upgrade")) {
                    return d;
                }
            }
        }
        return null;
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
