package dev.proxylint.rules;

import dev.proxylint.route.IdleTimeout;
import dev.proxylint.route.Transport;

import java.util.ArrayList;
import java.util.List;

/** PL201: the idle timeout is below pingInterval (+ 500 ms slack): every connection is cut each cycle. */
public final class TimeoutBelowPingInterval implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        long limit = ctx.socketIo().pingInterval() + 500;
        List<Finding> out = new ArrayList<>();
        for (Timeouts.Cut cut : Timeouts.matching(ctx, ms -> ms < limit)) {
            IdleTimeout t = cut.timeout();
            String symptom = cut.transports().contains(Transport.POLLING) && cut.transports().size() == 1
                    ? "every polling client is disconnected (\"transport error\"; behind several nodes the retried"
                            + " long-poll fails with 400 \"Session ID unknown\")"
                    : "every idle connection is closed (\"transport close\"; behind several nodes polling clients"
                            + " see 400 \"Session ID unknown\")";
            out.add(ctx.finding(t.at(), t.decidedBy() + " is below pingInterval (" + ctx.socketIo().pingInterval()
                    + " ms) + 500 ms: idle " + Timeouts.victims(cut.transports()) + " are cut after "
                    + Timeouts.seconds(t.millis()) + ", before the next ping arrives, so " + symptom
                    + (t.note() != null ? " " + t.note() : ""), String.format(t.fix(), Fixes.timeoutSeconds(ctx.socketIo())))
                    .withEdits(Edits.set(ctx, t.at(), String.format(t.fix(), Fixes.timeoutSeconds(ctx.socketIo())))));
        }
        return out;
    }
}
