package dev.proxylint.rules;

import dev.proxylint.route.Route;
import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;

import java.util.ArrayList;
import java.util.List;

/** PL103: the websocket route talks HTTP/1.0 to the upstream (nginx's default). */
public final class UpstreamHttp10 implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.WEBSOCKET)) {
            Route r = jr.route();
            // reported only where the upgrade is otherwise carried: else PL101/PL102/PL104 is the cause
            if (r.httpVersion() == null || r.upgrade() == null || r.upgrade().status() != Upgrade.Status.CARRIED
                    || !r.httpVersion().value().equals("1.0")) {
                continue;
            }
            if (!r.complete() && r.httpVersion().text().startsWith("the default")) {
                continue;
            }
            String by = r.httpVersion().text().startsWith("the default") ? "nginx's default"
                    : r.httpVersion().text();
            out.add(ctx.finding(r.httpVersion().at(), "the WebSocket upgrade goes to the upstream over HTTP/1.0 ("
                    + by + "): RFC 6455 requires HTTP/1.1, so backends other than Node's ws"
                    + " refuse the upgrade, and keepalive to the upstream is off", "proxy_http_version 1.1;")
                    .withEdits(Edits.set(ctx, r.httpVersion().at(), "proxy_http_version 1.1;")));
        }
        return out;
    }
}
