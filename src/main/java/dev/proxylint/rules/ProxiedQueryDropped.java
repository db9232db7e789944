package dev.proxylint.rules;

import dev.proxylint.route.Sourced;
import dev.proxylint.source.Directive;
import dev.proxylint.source.Position;
import dev.proxylint.source.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PL403: the backend gets the Socket.IO request without its query string. */
public final class ProxiedQueryDropped implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        String serverPath = ctx.socketIo().serverRequestPath();
        Map<Position, Sourced<String>> dropped = new LinkedHashMap<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes()) {
            Sourced<String> q = jr.route().queryDropped();
            Sourced<String> path = jr.route().backendPath();
            // a wrong path is PL402's finding, and its fix (no URI part) brings the query back too
            if (q != null && (path == null || path.value().startsWith(serverPath))) {
                dropped.putIfAbsent(q.at(), q);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Sourced<String> q : dropped.values()) {
            boolean rewrite = q.text().startsWith("rewrite");
            String why = rewrite ? "the replacement ends in '?', which drops the request's arguments"
                    : "with a variable in proxy_pass, nginx sends the URI part as written and adds none of the"
                    + " request's arguments";
            String fix = rewrite ? "drop the trailing '?' of the replacement" : appendArgs(q.text());
            Finding f = ctx.finding(q.at(), "\"" + q.text() + "\" sends " + q.value() + " without the query string"
                    + " (" + why + "), so the Socket.IO server never sees EIO, transport or sid: every client,"
                    + " polling and WebSocket, fails with 400 \"Transport unknown\"", fix);
            out.add(rewrite ? f : f.withEdits(edits(ctx, q.at())));
        }
        return out;
    }

    private static String appendArgs(String text) {
        String[] w = text.split("\\s+");
        return w.length == 2 ? "proxy_pass " + w[1].replaceAll(";$", "") + "$is_args$args;" : "append $is_args$args"
                + " to the proxy_pass URI";
    }

    private static List<Edit> edits(RuleContext ctx, Position at) {
        Directive d = Edits.directive(ctx, at);
        if (d == null || d.argCount() != 1) {
            return List.of();
        }
        Word w = d.args().get(0);
        String raw = w.raw();
        boolean quoted = raw.length() > 1 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
                && raw.charAt(raw.length() - 1) == raw.charAt(0);
        String fixed = quoted ? raw.substring(0, raw.length() - 1) + "$is_args$args" + raw.charAt(0)
                : raw + "$is_args$args";
        return List.of(Edit.replace(w.position(), raw, fixed));
    }
}
