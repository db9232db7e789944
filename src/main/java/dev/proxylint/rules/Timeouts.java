package dev.proxylint.rules;

import dev.proxylint.route.IdleTimeout;
import dev.proxylint.route.Transport;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/** The idle timeouts of the judged routes, one entry per deciding directive with the transports it cuts. */
final class Timeouts {
    record Cut(IdleTimeout timeout, Set<Transport> transports) {
    }

    private Timeouts() {
    }

    static List<Cut> matching(RuleContext ctx, LongPredicate below) {
        Map<Position, Cut> byPosition = new LinkedHashMap<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes()) {
            IdleTimeout t = jr.route().timeout();
            if (t == null || t.millis() == IdleTimeout.NONE || !below.test(t.millis())) {
                continue;
            }
            if (!jr.route().complete() && t.decidedBy().startsWith("the default")) {
                continue;
            }
            byPosition.computeIfAbsent(t.at(), k -> new Cut(t, EnumSet.noneOf(Transport.class)))
                    .transports().add(jr.route().transport());
        }
        return new ArrayList<>(byPosition.values());
    }

    /** What the timeout cuts, in the words users see. */
    static String victims(Set<Transport> transports) {
        if (transports.size() == 2) {
            return "Socket.IO connections (long-polling requests and WebSocket tunnels)";
        }
        return transports.contains(Transport.POLLING) ? "long-polling requests" : "WebSocket tunnels";
    }

    static String seconds(long millis) {
        return dev.proxylint.nginx.NginxValues.human(millis);
    }

    /**
     * How the user names the timeout, with its value in seconds where those words do not already say it:
     * {@code ProxyTimeout 30 (30 s)}, {@code proxy_read_timeout 1m (60 s)}, but {@code proxy_read_timeout 28s}
     * and {@code the default proxy_read_timeout (60s)} as they are.
     */
    static String withSeconds(IdleTimeout t) {
        String human = seconds(t.millis());
        String compact = human.replace(" ", "");
        for (String word : t.decidedBy().split("[\\s()\"=]+")) {
            if (word.equals(compact)) {
                return t.decidedBy();
            }
        }
        if (t.decidedBy().contains("(" + human + ")")) {
            return t.decidedBy();
        }
        return t.decidedBy() + " (" + human + ")";
    }
}
