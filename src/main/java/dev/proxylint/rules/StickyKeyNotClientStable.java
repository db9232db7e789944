package dev.proxylint.rules;

import dev.proxylint.route.Affinity;
import dev.proxylint.route.Backends;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.List;

/** PL302: an nginx hash key that does not pin one client to one node. */
public final class StickyKeyNotClientStable implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Backends b : ctx.balancedPollingBackends()) {
            if (b.affinity().defect() != Affinity.Defect.KEY_NOT_CLIENT_STABLE) {
                continue;
            }
            out.add(ctx.finding(b.affinity().at(), b.affinity().detail() + ": polling clients get HTTP 400"
                    + " {\"code\":1,\"message\":\"Session ID unknown\"} (websocket-only clients are fine)",
                    "hash $remote_addr consistent;  (or: ip_hash;)").withEdits(key(ctx, b.affinity().at())));
        }
        return out;
    }

    /** The hash key becomes $remote_addr; "consistent" stays as it was. */
    private static List<Edit> key(RuleContext ctx, Position at) {
        dev.proxylint.source.Directive d = Edits.directive(ctx, at);
        if (d == null || d.argCount() == 0) {
            return List.of();
        }
        dev.proxylint.source.Word w = d.args().get(0);
        return List.of(Edit.replace(w.position(), w.raw(), "$remote_addr"));
    }
}
