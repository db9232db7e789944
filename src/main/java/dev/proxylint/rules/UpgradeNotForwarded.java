package dev.proxylint.rules;

import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;

import java.util.ArrayList;
import java.util.List;

/** PL101: the websocket route does not carry the upgrade to the backend. */
public final class UpgradeNotForwarded implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.WEBSOCKET)) {
            Upgrade u = jr.route().upgrade();
            if (u == null || u.status() != Upgrade.Status.NOT_CARRIED || !jr.route().complete()) {
                continue;
            }
            out.add(ctx.finding(u.at(), "the WebSocket upgrade is not forwarded: " + u.detail()
                    + ". Default clients stay on HTTP long-polling (the upgrade fails: TRANSPORT_MISMATCH, code 3)"
                    + " and websocket-only clients fail with 400 Bad Request",
                    u.fix() != null ? u.fix() : Fixes.upgradeHeaders(ctx.dialect())));
        }
        return out;
    }
}
