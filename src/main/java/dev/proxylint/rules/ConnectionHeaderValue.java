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
            out.add(ctx.finding(u.at(), u.detail() + ". Default clients stay on HTTP long-polling (code 3) and"
                    + " websocket-only clients fail with 400 Bad Request", u.fix()
                    + " (or map $http_upgrade $connection_upgrade { default upgrade; '' close; } at http level)")
                    .withEdits(Edits.lastArg(ctx, u.at(), "\"upgrade\"")));
        }
        return out;
    }
}
