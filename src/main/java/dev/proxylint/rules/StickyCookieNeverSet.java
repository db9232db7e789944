package dev.proxylint.rules;

import dev.proxylint.route.Affinity;
import dev.proxylint.route.Backends;

import java.util.ArrayList;
import java.util.List;

/** PL303: Apache stickysession= whose cookie is never set or never names a member's route. */
public final class StickyCookieNeverSet implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Backends b : ctx.balancedPollingBackends()) {
            if (b.affinity().defect() != Affinity.Defect.COOKIE_NEVER_SET) {
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
