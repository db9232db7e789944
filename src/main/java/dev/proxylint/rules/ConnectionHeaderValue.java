package dev.proxylint.rules;

import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;

import java.util.ArrayList;
import java.util.List;

/** PL104: Connection is forwarded with a value that cannot carry "upgrade". */
public final class ConnectionHeaderValue implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.WEBSOCKET)) {
            Upgrade u = jr.route().upgrade();
            if (u == null || u.status() != Upgrade.Status.CONNECTION_CANNOT_UPGRADE) {
                continue;
            }
            // a variable no map defines stops nginx from starting: that, not a client symptom, is what users see
            boolean refused = u.detail().contains("nginx refuses to start");
            String symptom = refused ? ". Write the map at http level (map $http_upgrade $connection_upgrade"
                    + " { default upgrade; '' close; }) or send the constant below"
                    : ". Default clients stay on HTTP long-polling (code 3) and websocket-only clients fail with 400"
                    + " Bad Request";
            // the value becomes "upgrade"; an Upgrade header it also lacks follows on the same line, closed by the
            // directive's own semicolon
            String fix = u.fix();
            String value = fix.contains("Upgrade $http_upgrade") ? "\"upgrade\"; proxy_set_header Upgrade $http_upgrade"
                    : "\"upgrade\"";
            out.add(ctx.finding(u.at(), u.detail() + symptom, fix).withEdits(Edits.lastArg(ctx, u.at(), value)));
        }
        return out;
    }
}
