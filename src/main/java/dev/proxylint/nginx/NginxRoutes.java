package dev.proxylint.nginx;

import dev.proxylint.route.Route;
import dev.proxylint.route.RoutesModel;
import dev.proxylint.route.ServerRoutes;
import dev.proxylint.route.Transport;
import dev.proxylint.settings.SocketIoSettings;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.Directive;
import dev.proxylint.source.Position;
import dev.proxylint.source.ParsedConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routes model of an nginx config: for every {@code server}, which location serves the Socket.IO path
 * for each transport and what nginx would do with the request there (inheritance, defaults, upstreams,
 * maps, rewrites), each fact with the directive that decided it.
 */
public final class NginxRoutes {

    private final SocketIoSettings socketIo;
    private final boolean wholeConfig;

    private NginxRoutes(SocketIoSettings socketIo, boolean wholeConfig) {
        this.socketIo = socketIo;
        this.wholeConfig = wholeConfig;
    }

    public static RoutesModel build(ParsedConfig config, SocketIoSettings socketIo) {
        boolean whole = config.context().equals("main") && config.problems().stream()
                .noneMatch(p -> p.ruleId().equals("PL002") && p.structural()) && !unseenIncludes(config.root(), 0);
        NginxRoutes builder = new NginxRoutes(socketIo, whole);
        List<ServerRoutes> servers = new ArrayList<>();
        switch (config.context()) {
            case "main" -> {
                for (Directive d : config.root()) {
                    if (d.name().equals("http") && d.hasBlock()) {
                        builder.http(d.block(), servers);
                    }
                }
            }
            case "http" -> builder.http(config.root(), servers);
            case "server" -> {
                // a snippet of server-level directives: findings about "the server" point at its first directive,
                // where a suppression comment above it can reach them
                Position at = config.root().isEmpty() ? config.entry().position(1, 1)
                        : config.root().get(0).position();
                Directive virtual = new Directive(new dev.proxylint.source.Word("server", "server", false, at),
                        List.of(), config.root(), null);
                builder.server(NginxHttpLevel.NONE, virtual, servers, true);
            }
            default -> {
            }
        }
        return new RoutesModel(servers);
    }

    /** Whether any include (at any depth) holds directives proxylint cannot see. */
    private static boolean unseenIncludes(List<Directive> level, int depth) {
        for (Directive d : level) {
            if (d.includeState().unseen() || d.hasBlock() && depth < NginxParser.MAX_DEPTH
                    && unseenIncludes(d.children(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private void http(List<Directive> httpLevel, List<ServerRoutes> out) {
        NginxHttpLevel http = new NginxHttpLevel(httpLevel);
        java.util.Set<String> claimed = new java.util.HashSet<>();
        for (Directive d : httpLevel) {
            if (d.name().equals("server") && d.hasBlock()) {
                // nginx ignores a server whose every address and name an earlier server already has
                // ("conflicting server name ... ignored"): it serves nothing and is not judged
                List<String> pairs = addressNamePairs(d);
                boolean reachable = false;
                for (String p : pairs) {
                    reachable |= claimed.add(p);
                }
                if (reachable) {
                    server(http, d, out, false);
                }
            }
        }
    }

    /** "address|name" for each listen address and server_name of a server (nginx's defaults: *:80, ""). */
    private static List<String> addressNamePairs(Directive server) {
        List<String> addresses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Directive d : server.children()) {
            if (d.name().equals("listen") && d.argCount() > 0) {
                String a = d.arg(0).toLowerCase(Locale.ROOT);
                addresses.add(a.chars().allMatch(Character::isDigit) ? "*:" + a : a);
            } else if (d.name().equals("server_name")) {
                d.args().forEach(w -> names.add(w.value().toLowerCase(Locale.ROOT)));
            } else if (d.name().equals("include") && d.includeState().unseen()) {
                return List.of("unseen|" + System.identityHashCode(server)); // may hold its own listen/names
            }
        }
        if (addresses.isEmpty()) {
            addresses.add("*:80");
        }
        if (names.isEmpty()) {
            names.add("");
        }
        List<String> out = new ArrayList<>();
        for (String a : addresses) {
            for (String n : names) {
                out.add(a + "|" + n);
            }
        }
        return out;
    }

    private void server(NginxHttpLevel http, Directive server, List<ServerRoutes> out, boolean virtual) {
        Route polling = resolve(http, server, Transport.POLLING);
        Route websocket = resolve(http, server, Transport.WEBSOCKET);
        boolean intent = NginxIntent.shows(http, server);
        // a server that redirects every request at server level (the usual http -> https one) proxies nothing,
        // whatever locations are left below the redirect
        boolean proxies = NginxIntent.proxies(server) && !redirectsAtServerLevel(server, polling);
        out.add(new ServerRoutes(Dialect.NGINX, virtual ? "the server these locations belong to"
                : serverName(server), server.position(), intent, proxies, polling, websocket,
                NginxIntent.namesSocketIo(server)));
    }

    private Route resolve(NginxHttpLevel http, Directive server, Transport transport) {
        try {
            return new NginxRouteResolver(socketIo, wholeConfig, transport, http, server).resolve();
        } catch (dev.proxylint.source.BoundedMatch.TooExpensive e) {
            return Route.unknown(Dialect.NGINX, transport, server.position(), server.text());
        }
    }

    private static boolean redirectsAtServerLevel(Directive server, Route r) {
        if (r.proxied() || r.notProxied() == null) {
            return false;
        }
        for (Directive d : server.children()) {
            if (d.position().equals(r.at())) {
                String a = d.argCount() > 0 ? d.arg(0) : "";
                return d.name().equals("rewrite")
                        || d.name().equals("return") && (a.matches("30[1278]") || a.startsWith("http://")
                        || a.startsWith("https://") || a.startsWith("$scheme"));
            }
        }
        return false;
    }

    private static String serverName(Directive server) {
        for (Directive d : server.children()) {
            if (d.name().equals("server_name") && d.argCount() > 0 && !d.arg(0).isEmpty()) {
                return "server " + d.arg(0);
            }
        }
        for (Directive d : server.children()) {
            if (d.name().equals("listen") && d.argCount() > 0) {
                return "server listening on " + d.arg(0);
            }
        }
        return "server";
    }

    static String header(Directive block) {
        return block.text();
    }

}
