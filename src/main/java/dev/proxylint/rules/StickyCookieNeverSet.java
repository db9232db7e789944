package dev.proxylint.rules;

import dev.proxylint.route.Affinity;
import dev.proxylint.route.Backends;
import dev.proxylint.route.Transport;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PL303: Apache stickysession= whose cookie is never set or never names a member's route. */
public final class StickyCookieNeverSet implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<Position> seen = new HashSet<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.POLLING)) {
            Backends b = jr.route().backends();
            if (b == null || b.active() < 2 || b.affinity().defect() != Affinity.Defect.COOKIE_NEVER_SET
                    || !seen.add(b.affinity().at())) {
                continue;
            }
            out.add(ctx.finding(b.affinity().at(), b.affinity().detail() + ": affinity never engages, and every"
                    + " polling client gets HTTP 400 {\"code\":1,\"message\":\"Session ID unknown\"}, even with a"
                    + " cookie jar", "route=NAME on each BalancerMember and"
                    + " Header add Set-Cookie \"ROUTEID=.%{BALANCER_WORKER_ROUTE}e; path=/\" env=BALANCER_ROUTE_CHANGED"
                    + " (with stickysession=ROUTEID)"));
        }
        return out;
    }
}
