package dev.proxylint.rules;

import dev.proxylint.route.Route;
import dev.proxylint.route.ServerRoutes;
import dev.proxylint.route.Transport;
import dev.proxylint.source.Dialect;

import java.util.ArrayList;
import java.util.List;

/** PL401: a server shows Socket.IO or WebSocket intent, but the Socket.IO path is not proxied. */
public final class SocketioPathNotProxied implements Rule {
    private static final String NGINX_PROXY = "proxy_pass http://<socket.io upstream>; proxy_http_version 1.1;"
            + " proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection \"upgrade\";";

    private static String apacheProxyPass(RuleContext ctx) {
        return "ProxyPass " + ctx.socketIo().requestPath() + " http://<socket.io backend>"
                + ctx.socketIo().serverRequestPath() + " upgrade=websocket";
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        String path = ctx.socketIo().requestPath();
        for (ServerRoutes s : ctx.routes().servers()) {
            if (!s.intent() || !s.proxies()) {
                continue; // a server that proxies nothing (a redirect to https) is out of scope
            }
            Transport t = ctx.socketIo().allows(Transport.POLLING) ? Transport.POLLING : Transport.WEBSOCKET;
            if (!s.namesSocketIo() && servedElsewhere(ctx, s, t)) {
                continue; // its WebSocket is another app's (Django Channels, Grafana Live): Socket.IO lives elsewhere
            }
            Route r = s.route(t);
            if (r != null && r.proxied() && t == Transport.POLLING && ctx.socketIo().allows(Transport.WEBSOCKET)) {
                websocketNotProxied(ctx, s).ifPresent(out::add); // long-polls reach a node; do upgrades?
                continue;
            }
            if (r == null || r.proxied() || r.notProxied() == null || !r.complete()) {
                continue;
            }
            String fix = r.notProxiedFix() != null ? r.notProxiedFix() : ctx.dialect() == Dialect.NGINX
                    ? "location " + path + " { " + NGINX_PROXY + " }" : apacheProxyPass(ctx);
            out.add(ctx.finding(r.at(), s.name() + " shows WebSocket/Socket.IO intent, but " + path
                    + " is not proxied: " + r.notProxied() + ". Clients fail to connect: 404 (\"xhr poll error\"),"
                    + " or with a single-page-app fallback 200 + HTML (\"server error\" / \"Unexpected server"
                    + " response: 200\"); set --path if the clients use another path", fix));
        }
        return out;
    }

    /**
     * The polling route is proxied but the WebSocket handshake is not (an httpd [P] rule limited to
     * transport=polling, an nginx branch on $http_upgrade): the handshake gets the server's own answer.
     */
    private static java.util.Optional<Finding> websocketNotProxied(RuleContext ctx, ServerRoutes s) {
        Route ws = s.route(Transport.WEBSOCKET);
        if (ws == null || ws.proxied() || ws.notProxied() == null || !ws.complete()) {
            return java.util.Optional.empty();
        }
        String path = ctx.socketIo().requestPath();
        String fix = ws.notProxiedFix() != null ? ws.notProxiedFix() : ctx.dialect() == Dialect.NGINX
                ? NGINX_PROXY : apacheProxyPass(ctx);
        return java.util.Optional.of(ctx.finding(ws.at(), s.name() + " proxies the long-polling requests for " + path
                + " but not the WebSocket handshake: " + ws.notProxied() + ". Default clients stay on HTTP"
                + " long-polling (the upgrade fails) and websocket-only clients fail to connect", fix));
    }

    /** Whether another server of the config proxies the Socket.IO path. */
    private static boolean servedElsewhere(RuleContext ctx, ServerRoutes self, Transport t) {
        return ctx.routes().servers().stream().anyMatch(o -> o != self && o.intent() && o.route(t) != null
                && o.route(t).proxied());
    }
}
