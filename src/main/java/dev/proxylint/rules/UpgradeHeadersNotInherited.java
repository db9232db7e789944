package dev.proxylint.rules;

import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;
import dev.proxylint.source.Tree;

import java.util.ArrayList;
import java.util.List;

/** PL102: Upgrade/Connection set at an outer level are hidden by an inner level's own proxy_set_header. */
public final class UpgradeHeadersNotInherited implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.WEBSOCKET)) {
            Upgrade u = jr.route().upgrade();
            if (u == null || u.status() != Upgrade.Status.HIDDEN_BY_INNER || !jr.route().complete()) {
                continue;
            }
            out.add(ctx.finding(u.at(), "Upgrade/Connection are set at line " + u.outerAt().line()
                    + (u.outerAt().file().equals(Tree.userFacing(ctx.config().root(), u.at()).file()) ? ""
                            : " of " + u.outerAt().file())
                    + " but not inherited here: this level has its own proxy_set_header, and nginx then"
                    + " inherits none of the outer ones, so " + u.detail()
                    + ". Default clients stay on HTTP long-polling (code 3) and websocket-only clients fail"
                    + " with 400 Bad Request", "add at this level: " + u.fix())
                    .withEdits(Edit.insertAfter(u.at(), Edits.lines(u.fix()))));
        }
        return out;
    }
}
