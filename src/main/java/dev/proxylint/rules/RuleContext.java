package dev.proxylint.rules;

import dev.proxylint.route.Backends;
import dev.proxylint.route.Route;
import dev.proxylint.route.RoutesModel;
import dev.proxylint.route.ServerRoutes;
import dev.proxylint.route.Transport;
import dev.proxylint.settings.SocketIoSettings;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Position;
import dev.proxylint.source.Tree;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rule sees: the config, its routes, the Socket.IO settings, its own catalogue entry and, for the
 * unused-suppression rule, the suppressions that did nothing.
 */
public record RuleContext(RuleMeta meta, ParsedConfig config, RoutesModel routes, SocketIoSettings socketIo,
                          List<Suppression> suppressions) {

    public RuleContext(RuleMeta meta, ParsedConfig config, RoutesModel routes, SocketIoSettings socketIo) {
        this(meta, config, routes, socketIo, List.of());
    }

    public Dialect dialect() {
        return config.dialect();
    }

    public Finding finding(Position at, String message, String fix) {
        return new Finding(meta.id(), meta.name(), meta.severity(), Tree.userFacing(config.root(), at),
                message, fix, "");
    }

    /** A judged server's proxied route of a transport the settings allow. */
    public record JudgedRoute(ServerRoutes server, Route route) {
    }

    /** The proxied routes rules judge: servers in scope, transports the Socket.IO settings allow. */
    public List<JudgedRoute> proxiedRoutes(Transport transport) {
        List<JudgedRoute> out = new ArrayList<>();
        if (!socketIo.allows(transport)) {
            return out;
        }
        for (ServerRoutes s : routes.servers()) {
            Route r = s.route(transport);
            if (routes.judged(s) && r != null && r.proxied()) {
                out.add(new JudgedRoute(s, r));
            }
        }
        return out;
    }

    /**
     * The groups of two or more active backends that judged polling routes reach, each once: what the
     * session-affinity rules judge (websocket-only clients need no affinity).
     */
    public List<Backends> balancedPollingBackends() {
        java.util.Map<Position, Backends> out = new java.util.LinkedHashMap<>();
        for (JudgedRoute jr : proxiedRoutes(Transport.POLLING)) {
            Backends b = jr.route().backends();
            if (b != null && b.active() >= 2) {
                out.putIfAbsent(b.at(), b);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Proxied routes of every allowed transport. */
    public List<JudgedRoute> proxiedRoutes() {
        List<JudgedRoute> out = new ArrayList<>(proxiedRoutes(Transport.POLLING));
        out.addAll(proxiedRoutes(Transport.WEBSOCKET));
        return out;
    }
}
