package dev.proxylint.rules;

import dev.proxylint.route.IdleTimeout;
import dev.proxylint.route.Transport;

import java.util.ArrayList;
import java.util.List;

/** PL202: the idle timeout is not above pingInterval + pingTimeout: clients slow to answer a ping are cut. */
public final class TimeoutBelowHeartbeatWindow implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        long interval = ctx.socketIo().pingInterval();
        long window = interval + ctx.socketIo().pingTimeout();
        // websocket-only clients hold no long-polls: a healthy tunnel is silent at most pingInterval (ping to
        // ping) or the time a client takes to pong, which the server caps at pingTimeout (lab rows e3.ws, ap.e2.ws)
        long limit = ctx.socketIo().allows(Transport.POLLING) ? window
                : Math.min(window, Math.max(interval, ctx.socketIo().pingTimeout()) + 499);
        List<Finding> out = new ArrayList<>();
        for (Timeouts.Cut cut : Timeouts.matching(ctx, ms -> ms >= interval + 500 && ms <= limit)) {
            IdleTimeout t = cut.timeout();
            boolean polling = cut.transports().contains(Transport.POLLING);
            String why = polling
                    ? "a long-polling request is held until the next ping, which the server sends pingInterval after"
                            + " the client's pong, so when a client answers a ping late (mobile networks, throttled"
                            + " background tabs) the proxy cuts its long-poll and the client reconnects"
                            + " (\"transport close\")"
                    : "a WebSocket tunnel carries a heartbeat packet about every pingInterval, so it survives while"
                            + " pongs are prompt, but with less margin than the Socket.IO docs require a slow pong"
                            + " can leave it silent long enough to be cut (\"transport close\")";
            out.add(ctx.finding(t.at(), Timeouts.withSeconds(t) + " is not above pingInterval + pingTimeout ("
                    + window + " ms): " + why + (t.note() != null ? " " + t.note() : ""),
                    String.format(t.fix(), Fixes.timeoutSeconds(ctx.socketIo())))
                    .withEdits(Edits.set(ctx, t.at(), String.format(t.fix(), Fixes.timeoutSeconds(ctx.socketIo())))));
        }
        return out;
    }
}
