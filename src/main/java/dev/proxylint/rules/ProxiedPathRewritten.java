package dev.proxylint.rules;

import dev.proxylint.route.Sourced;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.Position;

import dev.proxylint.route.Transport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/** PL402: the backend would see another path than the one the Socket.IO server serves. */
public final class ProxiedPathRewritten implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        String serverPath = ctx.socketIo().serverRequestPath();
        // one finding per deciding directive, naming the transports it breaks
        Map<Position, Sourced<String>> wrong = new LinkedHashMap<>();
        Map<Position, Set<Transport>> transports = new LinkedHashMap<>();
        for (RuleContext.JudgedRoute jr : ctx.proxiedRoutes()) {
            Sourced<String> p = jr.route().backendPath();
            if (p == null || p.value().startsWith(serverPath)) {
                continue;
            }
            wrong.putIfAbsent(p.at(), p);
            transports.computeIfAbsent(p.at(), k -> EnumSet.noneOf(Transport.class)).add(jr.route().transport());
        }
        for (Sourced<String> p : wrong.values()) {
            Set<Transport> t = transports.get(p.at());
            List<String> symptoms = new ArrayList<>();
            if (t.contains(Transport.POLLING)) {
                symptoms.add("polling fails with 404 (\"xhr poll error\")");
            }
            if (t.contains(Transport.WEBSOCKET)) {
                symptoms.add("the WebSocket upgrade fails with 502 or hangs");
            }
            out.add(ctx.finding(p.at(), "the Socket.IO server serves " + serverPath + " but \"" + p.text()
                    + "\" makes it see " + p.value() + "?EIO=" + ctx.socketIo().eio() + "... for " + ctx.socketIo().requestPath() + ": "
                    + String.join(" and ", symptoms) + "; if the server really serves another path, set serverPath",
                    fix(ctx, p)).withEdits(edits(ctx, p)));
        }
        return out;
    }

    /** The proxy_pass / ProxyPass URL argument as the fix writes it. */
    private static List<Edit> edits(RuleContext ctx, Sourced<String> p) {
        String fix = fix(ctx, p);
        dev.proxylint.source.Directive d = Edits.directive(ctx, p.at());
        // an edit only where the fix is that directive rewritten (not advice, a new block or a deletion)
        if (d == null || !fix.regionMatches(true, 0, d.name() + " ", 0, d.name().length() + 1)) {
            return List.of();
        }
        String[] want = fix.replace(";", "").split("\\s+");
        int urlArg = ctx.dialect() == Dialect.NGINX || d.is("BalancerMember") ? 0 : 1;
        if (d.argCount() <= urlArg || want.length <= urlArg + 1) {
            return List.of();
        }
        dev.proxylint.source.Word w = d.args().get(urlArg);
        return List.of(Edit.replace(w.position(), w.raw(), want[urlArg + 1]));
    }

    private static final String GENERIC = "make the backend see the path the Socket.IO server serves (serverPath), or set"
            + " serverPath to the path it does serve";

    /**
     * nginx: the proxy_pass whose URI part makes the backend see serverPath, where the location is a prefix
     * location (location /api/ + proxy_pass http://app/ strips /api/); else the one without a URI part.
     */
    private static String fix(RuleContext ctx, Sourced<String> p) {
        String fix = prefixFix(ctx, p);
        // a fix that writes the line as it is would change nothing: say what to do instead
        return fix.equals(p.text() + ";") ? GENERIC : fix;
    }

    private static String prefixFix(RuleContext ctx, Sourced<String> p) {
        if (ctx.dialect() == Dialect.NGINX && p.text().startsWith("rewrite ")
                && ctx.socketIo().requestPath().equals(ctx.socketIo().serverRequestPath())) {
            return "delete \"" + p.text() + ";\" (the Socket.IO server serves " + ctx.socketIo().serverRequestPath()
                    + " itself), or set serverPath to the path it makes";
        }
        String fix = fix(ctx.dialect(), p.text());
        if (ctx.dialect() != Dialect.NGINX || fix.equals(GENERIC)) {
            return fix;
        }
        List<dev.proxylint.source.Directive> path = new ArrayList<>();
        dev.proxylint.source.Directive pass = dev.proxylint.source.Tree.find(ctx.config().root(), p.at(), path);
        String prefix = null;
        dev.proxylint.source.Directive block = path.isEmpty() ? null : path.get(path.size() - 1);
        if (block != null && block.name().equals("location") && pass != null && !pass.text().contains("$")) {
            // not inside "if" (nginx refuses a URI part there), not with variables (the URI is then sent as is)
            prefix = block.argCount() == 1 && !block.arg(0).matches("[~=@^].*") ? block.arg(0)
                    : block.argCount() == 2 && block.arg(0).equals("^~") ? block.arg(1) : null;
        }
        String request = ctx.socketIo().requestPath();
        String server = ctx.socketIo().serverRequestPath();
        if (pass == null || prefix == null || !request.startsWith(prefix)) {
            return fix;
        }
        // nginx replaces the location prefix with the URI part: URI + rest == what the server serves
        String rest = request.substring(prefix.length());
        if (!server.endsWith(rest)) {
            return fix;
        }
        String uri = server.substring(0, server.length() - rest.length());
        String base = fix.substring("proxy_pass ".length(), fix.length() - 1);
        if (uri.isEmpty()) {
            // location /chat would need the URI part "" (without one the server sees /chat/...): end it in a slash
            return base.contains("unix:") ? GENERIC
                    : "location " + prefix + "/ { proxy_pass " + base + "/; ... }";
        }
        // unix:PATH:URI: the URI part follows a colon after the socket path
        String wanted = "proxy_pass " + base + (base.contains("unix:") ? ":" : "") + uri + ";";
        return wanted;
    }

    /** The directive without the URI part that replaces the prefix. */
    static String fix(Dialect dialect, String text) {
        String[] w = text.split("\\s+");
        if (dialect == Dialect.NGINX && w.length == 2 && w[0].equals("proxy_pass")) {
            String url = w[1].replaceAll(";$", "");
            if (url.length() > 1 && (url.startsWith("\"") && url.endsWith("\"") || url.startsWith("'") && url.endsWith("'"))) {
                url = url.substring(1, url.length() - 1); // the fix writes the URL unquoted
            }
            int scheme = url.indexOf("://");
            int hostAt = scheme < 0 ? 0 : scheme + 3;
            // unix:PATH:URI ends its address at the colon after the socket path
            int end = url.startsWith("unix:", hostAt) ? url.indexOf(':', hostAt + "unix:".length())
                    : url.indexOf('/', hostAt);
            return "proxy_pass " + (end > 0 ? url.substring(0, end) : url) + ";";
        }
        if (dialect == Dialect.APACHE && w.length >= 3 && w[0].equalsIgnoreCase("ProxyPass")) {
            String url = w[2];
            int scheme = url.indexOf("://");
            int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            String base = slash > 0 ? url.substring(0, slash) : url;
            return w[0] + " " + w[1] + " " + base + w[1] + (w.length > 3 ? " " + String.join(" ",
                    java.util.Arrays.copyOfRange(w, 3, w.length)) : "");
        }
        if (dialect == Dialect.APACHE && w.length >= 2 && w[0].equalsIgnoreCase("BalancerMember")) {
            // the member's path comes before every request's: the member without it
            boolean quoted = w[1].length() > 1 && w[1].startsWith("\"") && w[1].endsWith("\"");
            String url = quoted ? w[1].substring(1, w[1].length() - 1) : w[1];
            int scheme = url.indexOf("://");
            int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            String base = slash > 0 ? url.substring(0, slash) : url;
            return w[0] + " " + (quoted ? "\"" + base + "\"" : base) + (w.length > 2 ? " " + String.join(" ",
                    java.util.Arrays.copyOfRange(w, 2, w.length)) : "");
        }
        return GENERIC;
    }
}
