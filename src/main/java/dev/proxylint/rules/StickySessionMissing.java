package dev.proxylint.rules;

import dev.proxylint.route.Affinity;
import dev.proxylint.route.Backends;
import dev.proxylint.source.Dialect;

import java.util.ArrayList;
import java.util.List;

/** PL301: polling reaches several backends without session affinity. */
public final class StickySessionMissing implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Backends b : ctx.balancedPollingBackends()) {
            if (b.affinity().kind() != Affinity.Kind.NONE) {
                continue;
            }
            boolean backups = ctx.dialect() == Dialect.NGINX && hasBackupServers(ctx, b);
            String fix = ctx.dialect() == Dialect.NGINX ? "ip_hash;"
                    : "ProxySet stickysession=ROUTEID, route= on each BalancerMember, and"
                            + " Header add Set-Cookie \"ROUTEID=.%{BALANCER_WORKER_ROUTE}e; path=/\" env=BALANCER_ROUTE_CHANGED";
            String method = b.affinity().text() != null ? " (" + b.affinity().text() + " balances each request)" : "";
            out.add(ctx.finding(b.at(), b.group() + " balances " + b.active() + " active backends without session"
                    + " affinity" + method + ": a Socket.IO session lives on one node, so nearly every polling client"
                    + " gets HTTP 400 {\"code\":1,\"message\":\"Session ID unknown\"} (websocket-only clients are"
                    + " fine)" + (ctx.dialect() != Dialect.NGINX ? "" : ". Pin each client to one node: ip_hash; (or"
                    + " hash $remote_addr consistent;) in " + b.group() + (backups ? ", and drop backup from its"
                    + " servers: nginx refuses a backup server after ip_hash or hash" : "")), fix)
                    .withEdits(backups ? List.of() : edits(ctx, b)));
        }
        return out;
    }

    /** Whether the upstream has {@code backup} servers, which ip_hash and hash do not allow. */
    private static boolean hasBackupServers(RuleContext ctx, Backends b) {
        dev.proxylint.source.Directive upstream = Edits.directive(ctx, b.at());
        return upstream != null && upstream.children().stream().anyMatch(d -> d.name().equals("server")
                && d.args().stream().skip(1).anyMatch(w -> w.value().equals("backup")));
    }

    /** nginx: ip_hash in the upstream, in place of a balancing method without affinity (the last one wins). */
    private static List<Edit> edits(RuleContext ctx, Backends b) {
        if (ctx.dialect() != Dialect.NGINX) {
            return List.of();
        }
        if (b.affinity().at() == null) {
            return Edits.inside(ctx, b.at(), "ip_hash;");
        }
        dev.proxylint.source.Directive method = Edits.directive(ctx, b.affinity().at());
        return method != null && method.argCount() == 0
                ? List.of(Edit.replace(method.position(), method.nameWord().raw(), "ip_hash")) : List.of();
    }
}
