package dev.proxylint.nginx;

import dev.proxylint.route.Upgrade;
import dev.proxylint.source.Directive;
import dev.proxylint.source.Position;
import dev.proxylint.source.Tree;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the effective {@code proxy_set_header} set of a location carries a WebSocket upgrade: nginx
 * forwards neither Upgrade nor Connection by itself (it sends {@code Connection: close}), and inherits the
 * whole set from an outer level only when the inner level defines none.
 */
final class NginxUpgrade {
    /** nginx's own variables that may appear in a header value (a name outside these needs a definition). */
    private static final Set<String> PREFIXES = Set.of("http_", "arg_", "cookie_", "sent_http_", "upstream_",
            "ssl_", "geoip_", "jwt_", "sent_trailer_", "upstream_trailer_", "upstream_cookie_");

    private static final String UPGRADE = "proxy_set_header Upgrade $http_upgrade;";
    /** The fix for a repeated Upgrade line: nothing to write, one line to delete. */
    static final String REMOVE_REPEATED = "remove this proxy_set_header Upgrade (it repeats the one at ";
    private static final String CONNECTION = "proxy_set_header Connection \"upgrade\";";

    private final NginxEffective eff;
    private final NginxExpressions exprs;
    private final NginxHttpLevel http;
    private final boolean wholeConfig;

    /**
     * @param wholeConfig the config is a complete nginx.conf (every map it could use is in view), so a
     *                    variable nothing defines really is undefined
     */
    NginxUpgrade(NginxEffective eff, NginxExpressions exprs, NginxHttpLevel http,
                 boolean wholeConfig) {
        this.eff = eff;
        this.exprs = exprs;
        this.http = http;
        this.wholeConfig = wholeConfig;
    }

    /**
     * @param routeAt    the block that defines the route (the location, else the server), where a fix goes
     * @param routeLevel its index in the effective levels (http 0, server 1, locations after)
     */
    Upgrade analyse(Position routeAt, int routeLevel, String handler) {
        int level = eff.definingLevel("proxy_set_header");
        List<Directive> headers = level < 0 ? List.of() : eff.at(level, "proxy_set_header");
        Directive upgrade = upgradeHeader(headers);
        Directive connection = connectionHeader(headers);

        // a WebSocket handshake needs "Upgrade: websocket": an empty value drops the header, another one
        // ($http_connection: "Upgrade") makes the backend refuse the handshake with 400
        String upgradeValue = upgrade == null ? null : exprs.eval(upgrade.arg(1));
        boolean upgradeOk = upgrade != null && (upgradeValue == null || upgradeValue.equalsIgnoreCase("websocket"));
        if (connection != null) {
            String problem = connectionProblem(connection);
            if (problem != null) {
                // the fix goes beside the Connection header; without an Upgrade header it would still fail
                return new Upgrade(Upgrade.Status.CONNECTION_CANNOT_UPGRADE, connection.position(), problem, null,
                        upgradeOk ? CONNECTION : CONNECTION + " " + UPGRADE);
            }
        }
        List<Directive> sentUpgrades = sent(headers, "upgrade");
        if (upgradeOk && connection != null && sentUpgrades.size() > 1) {
            // both lines are sent: the backend reads "Upgrade: websocket, websocket" and refuses the handshake
            Directive first = sentUpgrades.get(0);
            Directive again = sentUpgrades.get(1);
            String where = "line " + first.position().line()
                    + (first.position().file().equals(again.position().file()) ? "" : " of " + first.position().file());
            return new Upgrade(Upgrade.Status.NOT_CARRIED, again.position(), "\"" + again.text() + "\" repeats the"
                    + " Upgrade header set at " + where + ": nginx sends both, so the backend reads \"Upgrade: websocket,"
                    + " websocket\" and refuses the handshake (checked with nginx 1.22 and Socket.IO 4.8)", null,
                    REMOVE_REPEATED + where + ")");
        }
        if (upgradeOk && connection != null) {
            return Upgrade.carried(connection.position());
        }
        String missing = "\"" + handler + "\" has " + (upgrade == null && connection == null
                ? "no proxy_set_header for Upgrade or Connection"
                : !upgradeOk ? (upgrade == null ? "no proxy_set_header Upgrade" : upgradeValue.isEmpty()
                        ? "an empty Upgrade header" : "\"" + upgrade.text() + "\", which sends \"Upgrade: "
                        + upgradeValue + "\" with a WebSocket handshake instead of \"websocket\"")
                : "no proxy_set_header Connection (nginx then sends \"Connection: close\")");
        for (Directive h : headers) {
            String file = h.position().file();
            if (Tree.isBuiltIn(file)) {
                // the real file may differ from Debian's: say what was assumed
                missing += " (" + Tree.builtInOriginal(file) + " read as"
                        + " Debian's nginx package ships it; if yours sets Upgrade and Connection, lint the nginx.conf"
                        + " whose folder holds it)";
                break;
            }
        }
        String fix = !upgradeOk && connection == null ? UPGRADE + " " + CONNECTION
                : !upgradeOk ? UPGRADE : CONNECTION;
        // set further out, but this level's own proxy_set_header hides them (all-or-nothing inheritance)
        for (int i = level - 1; i >= 0; i--) {
            List<Directive> outer = eff.at(i, "proxy_set_header");
            Directive outerUpgrade = upgradeHeader(outer);
            Directive outerConnection = connectionHeader(outer);
            // only headers that would help the upgrade count: an outer "Connection \"\"" (the upstream keepalive
            // recipe) hides nothing worth having, so the cause is what this level lacks (PL101)
            boolean helpful = outerUpgrade != null && !"".equals(exprs.eval(outerUpgrade.arg(1)))
                    || outerConnection != null && connectionProblem(outerConnection) == null;
            if (helpful) {
                Directive hiding = headers.get(0);
                Directive shown = outerUpgrade != null ? outerUpgrade : outerConnection;
                return new Upgrade(Upgrade.Status.HIDDEN_BY_INNER, hiding.position(), missing,
                        shown.position(), UPGRADE + " " + CONNECTION);
            }
        }
        if (level >= 0 && level < routeLevel) {
            // the route inherits its headers from an outer level; once it sets its own, nginx drops those, so
            // the fix repeats them
            StringBuilder kept = new StringBuilder();
            for (Directive h : headers) {
                String name = h.argCount() > 0 ? h.arg(0).toLowerCase(Locale.ROOT) : "";
                if (!name.equals("upgrade") && !name.equals("connection")) {
                    kept.append(h.text()).append("; ");
                }
            }
            fix = kept + UPGRADE + " " + CONNECTION; // both: an inherited one of them is dropped too
        }
        // a header with the wrong value is the directive that decides it: point there
        boolean wrongValue = upgrade != null && !upgradeOk && level == routeLevel;
        return new Upgrade(Upgrade.Status.NOT_CARRIED, wrongValue ? upgrade.position() : routeAt, missing, null, fix);
    }

    /**
     * For the polling request (no Upgrade header): whether the effective headers still send an Upgrade and a
     * Connection containing "upgrade", which turns every long-poll into a WebSocket handshake that fails.
     */
    Upgrade forcedOnPolling(String handler) {
        int level = eff.definingLevel("proxy_set_header");
        List<Directive> headers = level < 0 ? List.of() : eff.at(level, "proxy_set_header");
        Directive upgrade = last(withValue(sent(headers, "upgrade"), v -> true));
        Directive connection = last(withValue(sent(headers, "connection"),
                v -> v.toLowerCase(Locale.ROOT).contains("upgrade")));
        if (upgrade == null || connection == null) {
            return null;
        }
        return new Upgrade(Upgrade.Status.FORCED_ON_POLLING, upgrade.position(), "\"" + upgrade.text() + "\" in \""
                + handler + "\" sends \"Upgrade: " + exprs.eval(upgrade.arg(1)) + "\" (with \"Connection: "
                + exprs.eval(connection.arg(1)) + "\") on every request,"
                + " also on long-polling requests that asked for no upgrade", null, UPGRADE);
    }

    // nginx sends every proxy_set_header line of a name whose value is not empty, in order (checked with nginx
    // 1.22: "Connection $connection_upgrade" then "Connection \"\"" still sends "Connection: upgrade"); the
    // backend reads repeated headers as one list

    /** The Upgrade line that decides the handshake: one sending a value other than websocket, else the last sent. */
    private Directive upgradeHeader(List<Directive> headers) {
        List<Directive> sent = sent(headers, "upgrade");
        List<Directive> wrong = withValue(sent, v -> !v.equalsIgnoreCase("websocket"));
        return !wrong.isEmpty() ? wrong.get(0) : last(sent.isEmpty() ? named(headers, "upgrade") : sent);
    }

    /**
     * The Connection line that decides: one naming a variable nginx does not know (it refuses to start), else
     * one that carries "upgrade", else the last one sent, else the last one.
     */
    private Directive connectionHeader(List<Directive> headers) {
        List<Directive> lines = named(headers, "connection");
        Directive unknown = lines.stream().filter(h -> unknownVariable(h) != null).findFirst().orElse(null);
        if (unknown != null) {
            return unknown;
        }
        Directive carrying = last(lines.stream().filter(h -> connectionProblem(h) == null).toList());
        List<Directive> sent = sent(headers, "connection");
        return carrying != null ? carrying : last(sent.isEmpty() ? lines : sent);
    }

    /** The lines of a header that nginx sends: all but those whose value is empty for this request. */
    private List<Directive> sent(List<Directive> headers, String name) {
        return named(headers, name).stream().filter(h -> !"".equals(exprs.eval(h.arg(1)))).toList();
    }

    /** The lines whose value is known and passes {@code test}. */
    private List<Directive> withValue(List<Directive> lines, java.util.function.Predicate<String> test) {
        return lines.stream().filter(h -> {
            String v = exprs.eval(h.arg(1));
            return v != null && test.test(v);
        }).toList();
    }

    private static Directive last(List<Directive> lines) {
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    /** A variable the header's value names that nothing defines (in a whole config), or null. */
    private String unknownVariable(Directive header) {
        for (String var : NginxExpressions.variablesIn(header.arg(1))) {
            if (wholeConfig && !defined(var)) {
                return var;
            }
        }
        return null;
    }

    private static List<Directive> named(List<Directive> headers, String name) {
        return headers.stream().filter(d -> d.argCount() == 2 && d.arg(0).toLowerCase(Locale.ROOT).equals(name))
                .toList();
    }

    /** Why this Connection header cannot carry "upgrade" for a WebSocket request, or null if it can. */
    private String connectionProblem(Directive connection) {
        String raw = connection.arg(1);
        String unknown = unknownVariable(connection);
        if (unknown != null) {
            return "\"" + connection.text() + "\" names $" + unknown + ", which no map defines: nginx refuses"
                    + " to start (unknown \"" + unknown + "\" variable)";
        }
        String value = exprs.eval(raw);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return NginxExpressions.variablesIn(raw).isEmpty()
                    ? "\"" + connection.text() + "\" removes the Connection header, so the upgrade never reaches"
                            + " the backend"
                    : "\"" + connection.text() + "\" is empty for a WebSocket request, so the upgrade never"
                            + " reaches the backend";
        }
        if (!value.toLowerCase(Locale.ROOT).contains("upgrade")) {
            List<String> vars = NginxExpressions.variablesIn(raw);
            Directive map = vars.isEmpty() ? null : exprs.map(vars.get(0));
            String via = map != null ? " (the map at line " + map.position().line() + " gives \"" + value
                    + "\" when $http_upgrade is \"websocket\")" : "";
            return "\"" + connection.text() + "\" sends \"Connection: " + value + "\" for a WebSocket request"
                    + via + ", so the upgrade never reaches the backend";
        }
        return null;
    }

    private boolean defined(String var) {
        if (exprs.definesMap(var) || NginxVariables.isBuiltin(var)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (var.startsWith(p)) {
                return true;
            }
        }
        // set, geo, split_clients, perl_set, js_set, set_by_lua... anywhere: assume it is defined
        return http.defines(var);
    }
}
