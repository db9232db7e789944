package dev.proxylint.rules;

import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PL106: the proxy turns every long-polling request into a WebSocket handshake, which the server refuses. */
public final class UpgradeForcedOnPolling implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<Position> seen = new HashSet<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.POLLING)) {
            Upgrade u = jr.route().upgrade();
            if (u == null || u.status() != Upgrade.Status.FORCED_ON_POLLING || !seen.add(u.at())) {
                continue;
            }
            out.add(ctx.finding(u.at(), u.detail() + ": the Socket.IO server reads each long-poll as a broken"
                    + " WebSocket handshake and answers 400, so polling and default clients never connect (\"xhr poll"
                    + " error\"); only websocket-only clients work", u.fix())
                    .withEdits(Edits.lastArg(ctx, u.at(), "$http_upgrade")));
        }
        return out;
    }
}
