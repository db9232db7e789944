package dev.proxylint.rules;

import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;
import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.List;

/** PL101: the websocket route does not carry the upgrade to the backend. */
public final class UpgradeNotForwarded implements Rule {
    private static final String UPGRADE = "proxy_set_header Upgrade $http_upgrade;";

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes(Transport.WEBSOCKET)) {
            Upgrade u = jr.route().upgrade();
            if (u == null || u.status() != Upgrade.Status.NOT_CARRIED || !jr.route().complete()) {
                continue;
            }
            String fix = fix(jr.route(), u, ctx);
            String message = fix.startsWith("remove ")
                    ? "the WebSocket handshake reaches the backend malformed: " + u.detail() + ". Default clients stay"
                            + " on HTTP long-polling and websocket-only clients fail with 400 Bad Request"
                    : "the WebSocket upgrade is not forwarded: " + u.detail() + ". Default clients stay on HTTP"
                            + " long-polling (the upgrade fails: TRANSPORT_MISMATCH, code 3) and websocket-only clients"
                            + " fail with 400 Bad Request";
            out.add(ctx.finding(u.at(), message, fix).withEdits(edits(ctx, u, fix)));
        }
        return out;
    }

    /** nginx: the headers added to the location; httpd: upgrade=websocket on a one-line ProxyPass. */
    private static List<Edit> edits(RuleContext ctx, Upgrade u, String fix) {
        if (ctx.dialect() == dev.proxylint.source.Dialect.NGINX) {
            Directive header = Edits.directive(ctx, u.at());
            if (fix.startsWith("remove ")) {
                return List.of(); // a repeated Upgrade line: deleting it is for the user to do
            }
            if (header != null && header.name().equals("proxy_set_header")) {
                // an Upgrade header with the wrong value: change the value, add the rest of the fix after it
                List<Edit> edits = new ArrayList<>(Edits.lastArg(ctx, u.at(), "$http_upgrade"));
                String rest = fix.replace(UPGRADE, "").trim();
                if (!rest.isEmpty()) {
                    edits.add(Edit.insertAfter(u.at(), Edits.lines(rest)));
                }
                return edits;
            }
            return Edits.inside(ctx, u.at(), Edits.lines(fix));
        }
        Directive d = Edits.directive(ctx, u.at());
        String[] want = fix.split(" ");
        if (d != null && d.is("RewriteCond") && want.length == 4 && want[0].equals("RewriteCond") && d.argCount() >= 2
                && d.args().stream().allMatch(w -> w.position().line() == d.position().line())) {
            // an exact-match Connection test: the substring test (negated if it was), case-insensitive
            List<Edit> edits = new ArrayList<>();
            dev.proxylint.source.Word pattern = d.args().get(1);
            edits.add(Edit.replace(pattern.position(), pattern.raw(), want[2]));
            if (d.argCount() > 2) {
                dev.proxylint.source.Word flags = d.args().get(2);
                edits.add(Edit.replace(flags.position(), flags.raw(), want[3]));
            } else {
                edits.add(Edit.append(d.position(), " " + want[3]));
            }
            return edits;
        }
        boolean oneLine = d != null && d.args().stream().allMatch(w -> w.position().line() == u.at().line());
        return d != null && d.is("ProxyPass") && oneLine && fix.endsWith(" upgrade=websocket")
                && d.args().stream().noneMatch(w -> w.value().toLowerCase(java.util.Locale.ROOT).startsWith("upgrade="))
                && d.args().stream().noneMatch(w -> !w.quoted() && w.raw().startsWith("#")) // appended after it: refused
                ? List.of(Edit.append(u.at(), " upgrade=websocket")) : List.of();
    }

    /** The directives to add; with nginx's default HTTP/1.0 upstream, proxy_http_version 1.1 too (else PL103). */
    private static String fix(dev.proxylint.route.Route r, Upgrade u, RuleContext ctx) {
        String fix = u.fix() != null ? u.fix() : Fixes.upgradeHeaders(ctx.dialect());
        boolean http10 = r.httpVersion() != null && r.httpVersion().value().equals("1.0");
        return http10 && !fix.contains("proxy_http_version") ? "proxy_http_version 1.1; " + fix : fix;
    }
}
