package dev.proxylint.rules;

import dev.proxylint.route.IdleTimeout;

import java.util.ArrayList;
import java.util.List;

/** PL202: the idle timeout is not above pingInterval + pingTimeout: clients slow to answer a ping are cut. */
public final class TimeoutBelowHeartbeatWindow implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        long interval = ctx.socketIo().pingInterval();
        long window = interval + ctx.socketIo().pingTimeout();
        List<Finding> out = new ArrayList<>();
        for (Timeouts.Cut cut : Timeouts.matching(ctx, ms -> ms >= interval + 500 && ms <= window)) {
            IdleTimeout t = cut.timeout();
            out.add(ctx.finding(t.at(), t.decidedBy() + " (" + Timeouts.seconds(t.millis())
                    + ") is not above pingInterval + pingTimeout (" + window + " ms): the next ping comes"
                    + " pingInterval after the client's pong, so when a client answers a ping late (mobile networks,"
                    + " throttled background tabs) its " + Timeouts.victims(cut.transports()).replace("Socket.IO ", "")
                    + " stay silent longer than the timeout, are cut, and the client reconnects (\"transport close\")"
                    + (t.note() != null ? " " + t.note() : ""),
                    String.format(t.fix(), Fixes.timeoutSeconds(ctx.socketIo())))
                    .withEdits(Edits.set(ctx, t.at(), String.format(t.fix(), Fixes.timeoutSeconds(ctx.socketIo())))));
        }
        return out;
    }
}
