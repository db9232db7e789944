package dev.proxylint.rules;

import dev.proxylint.route.Sourced;
import dev.proxylint.route.Transport;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PL501: nginx's client_max_body_size is below maxHttpBufferSize while polling is allowed. */
public final class BodyLimitBelowMaxHttpBufferSize implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<Position> seen = new HashSet<>();
        long max = ctx.socketIo().maxHttpBufferSize();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.POLLING)) {
            Sourced<Long> limit = jr.route().bodyLimit();
            if (limit == null || limit.value() == 0 || limit.value() >= max || !seen.add(limit.at())) {
                continue;
            }
            if (!jr.route().complete() && limit.text().startsWith("the default")) {
                continue;
            }
            long mib = Math.max(1, (max + (1 << 20) - 1) >> 20);
            out.add(ctx.finding(limit.at(), limit.text() + " (" + limit.value() + " bytes) is below maxHttpBufferSize ("
                    + max + " bytes): a polling message larger than the limit gets 413 Request Entity Too Large and"
                    + " the client disconnects (\"transport error\"); WebSocket frames are not limited",
                    "client_max_body_size " + mib + "m;").withEdits(Edits.set(ctx, limit.at(),
                    "client_max_body_size " + mib + "m;")));
        }
        return out;
    }
}
