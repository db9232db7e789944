package dev.proxylint.nginx;

import dev.proxylint.route.Affinity;
import dev.proxylint.source.Directive;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code upstream} blocks of an http context: their servers and how they balance. */
final class Upstreams {
    private static final Set<String> BALANCERS = Set.of("ip_hash", "hash", "least_conn", "random", "least_time");

    /**
     * @param active distinct addresses of servers that are neither {@code backup} nor {@code down}
     * @param method the balancing directive in effect (the last one, as nginx uses), or null for round robin
     * @param sticky the {@code sticky} directive (nginx Plus, or the community sticky module), or null
     * @param opaque the block holds something proxylint cannot see into (a missing include, a Lua balancer)
     */
    record Upstream(Directive block, int active, Directive method, Directive sticky, boolean opaque) {
    }

    private final Map<String, Upstream> byName = new HashMap<>();

    Upstreams(List<Directive> httpLevel) {
        for (Directive d : httpLevel) {
            if (d.name().equals("upstream") && d.hasBlock() && d.argCount() == 1) {
                byName.put(d.arg(0).toLowerCase(Locale.ROOT), analyse(d));
            }
        }
    }

    /** nginx matches upstream names case-insensitively. */
    Upstream get(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    private static Upstream analyse(Directive block) {
        // the same address twice is one process: nginx sends both peers' share there
        Set<String> active = new HashSet<>();
        Directive method = null;
        Directive sticky = null;
        boolean opaque = false;
        for (Directive d : block.children()) {
            switch (d.name()) {
                case "server" -> {
                    boolean spare = d.args().stream().skip(1)
                            .anyMatch(w -> w.value().equals("backup") || w.value().equals("down"));
                    if (!spare && d.argCount() > 0) {
                        active.add(d.arg(0).toLowerCase(Locale.ROOT));
                    }
                }
                case "sticky" -> sticky = d;
                case "include" -> opaque |= d.includeState().unseen();
                default -> {
                    if (BALANCERS.contains(d.name())) {
                        method = d;
                    } else if (d.name().startsWith("balancer_by_lua")) {
                        opaque = true;
                    }
                }
            }
        }
        return new Upstream(block, active.size(), method, sticky, opaque);
    }

    /** Whether the upstream's balancing gives affinity at all (the key is judged separately). */
    static Affinity.Kind kind(Upstream u) {
        if (u.opaque()) {
            return Affinity.Kind.UNKNOWN;
        }
        if (u.sticky() != null) {
            return Affinity.Kind.STICKY;
        }
        if (u.method() == null) {
            return Affinity.Kind.NONE;
        }
        return switch (u.method().name()) {
            case "ip_hash" -> Affinity.Kind.CLIENT_ADDRESS;
            case "hash" -> Affinity.Kind.HASH;
            default -> Affinity.Kind.NONE;
        };
    }
}
