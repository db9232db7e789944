package dev.proxylint.apache;

import dev.proxylint.route.Affinity;
import dev.proxylint.route.Backends;
import dev.proxylint.route.Backreferences;
import dev.proxylint.route.IdleTimeout;
import dev.proxylint.route.Route;
import dev.proxylint.route.RoutesModel;
import dev.proxylint.route.ServerRoutes;
import dev.proxylint.route.Sourced;
import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;
import dev.proxylint.settings.SocketIoSettings;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.Directive;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Position;
import dev.proxylint.source.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The routes model of an httpd config, for each {@code <VirtualHost>} (or the main server when there is
 * none): mod_rewrite {@code [P]} rules first, then the first matching ProxyPass, and what httpd 2.4 does with
 * the request there (measured in the lab): whether the upgrade is carried, which idle timeout cuts it,
 * which balancer members it reaches and whether they are sticky.
 */
public final class ApacheRoutes {
    private static final long DEFAULT_TIMEOUT_S = 60;

    private final SocketIoSettings socketIo;
    private final ParsedConfig config;
    private final Set<String> modules;
    private final boolean modulesKnown;
    /** Directives whose arguments httpd refuses (a PL001 at their position): they decide no timeout. */
    private final Set<Position> refused;

    private ApacheRoutes(ParsedConfig config, SocketIoSettings socketIo) {
        this.config = config;
        this.socketIo = socketIo;
        this.modules = ApacheModules.loaded(config.root());
        this.modulesKnown = ApacheModules.known(config.root());
        this.refused = config.problems().stream().filter(p -> p.ruleId().equals("PL001") && !p.structural())
                .map(Problem::position).collect(Collectors.toSet());
    }

    private boolean refused(Directive d) {
        return d != null && refused.contains(d.position());
    }

    public static RoutesModel build(ParsedConfig config, SocketIoSettings socketIo) {
        return new ApacheRoutes(config, socketIo).build();
    }

    private RoutesModel build() {
        List<ServerRoutes> out = new ArrayList<>();
        List<Directive> vhosts = config.root().stream().filter(ApacheRoutes::isVirtualHost).toList();
        // the main server's own directives, split off once: a config may hold thousands of virtual hosts
        List<Directive> mainServer = config.root().stream().filter(d -> !isVirtualHost(d)).toList();
        if (vhosts.isEmpty() || MainServerReach.servesRequests(mainServer, vhosts)) {
            out.add(server(new ApacheServer(null, mainServer)));
        }
        for (Directive v : vhosts) {
            out.add(server(new ApacheServer(v, mainServer)));
        }
        return new RoutesModel(out);
    }

    private Route resolve(ApacheServer s, Transport transport) {
        try {
            return new Resolver(s, transport).resolve();
        } catch (dev.proxylint.source.BoundedMatch.TooExpensive e) {
            Directive at = s.vhost != null ? s.vhost : config.root().isEmpty() ? null : config.root().get(0);
            return Route.unknown(Dialect.APACHE, transport, at != null ? at.position() : config.entry().position(1, 1),
                    at != null ? at.text() : "");
        }
    }

    private ServerRoutes server(ApacheServer s) {
        Route polling = resolve(s, Transport.POLLING);
        Route websocket = resolve(s, Transport.WEBSOCKET);
        boolean proxies = polling.proxied() || websocket.proxied()
                || !s.passes.stream().allMatch(ApacheServer.Pass::excluded)
                || s.rewriteLevel().stream().anyMatch(d -> d.is("RewriteRule") && d.argCount() > 2
                && RewriteEvaluator.has(d.arg(2).toUpperCase(Locale.ROOT), "P"));
        boolean intent = ApacheIntent.evidence(s) != null;
        String name;
        Position at;
        if (s.vhost != null) {
            String serverName = s.setting("ServerName") != null ? " (" + s.setting("ServerName").arg(0) + ")" : "";
            name = "<VirtualHost " + s.vhost.argsText() + ">" + serverName;
            at = s.vhost.position();
        } else {
            name = "the main server";
            at = mainServerAt(s);
        }
        return new ServerRoutes(Dialect.APACHE, name, at, intent, proxies, polling, websocket);
    }

    private static boolean isVirtualHost(Directive d) {
        return d.hasBlock() && d.is("VirtualHost");
    }

    /** What a finding about the main server as a whole (PL401) points at: what shows the intent, else its proxying. */
    private Position mainServerAt(ApacheServer s) {
        Directive evidence = ApacheIntent.evidence(s);
        return evidence != null ? evidence.position() : firstProxying(s);
    }

    private Position firstProxying(ApacheServer s) {
        if (!s.passes.isEmpty()) {
            return s.passes.get(0).directive().position();
        }
        for (Directive d : s.own) {
            if (d.is("RewriteRule")) {
                return d.position();
            }
        }
        return config.entry().position(1, 1);
    }

    /** One transport through one server. */
    private final class Resolver {
        private final ApacheServer s;
        private final Transport transport;
        private final ApacheRequest request;
        private boolean complete = true;

        Resolver(ApacheServer s, Transport transport) {
            this(s, transport, new ApacheRequest(transport, socketIo.requestPath()));
        }

        private Resolver(ApacheServer s, Transport transport, ApacheRequest request) {
            this.s = s;
            this.transport = transport;
            this.request = request;
        }

        /**
         * The route; for the websocket route carried by a rewrite that tests the Connection header, also as
         * Firefox sends it ("keep-alive, Upgrade"): an exact-match condition ({@code =upgrade}) lets Chrome and
         * Node through but sends Firefox elsewhere.
         */
        Route resolve() {
            Route r = resolveFor();
            if (transport != Transport.WEBSOCKET || r.upgrade() == null
                    || r.upgrade().status() != Upgrade.Status.CARRIED) {
                return r;
            }
            if (connectionCondition(null) == null) {
                return r; // no rule tests Connection: Firefox goes where Chrome goes
            }
            Route firefox = new Resolver(s, transport, request.asFirefox()).resolveFor();
            if (firefox.upgrade() != null && firefox.upgrade().status() != Upgrade.Status.NOT_CARRIED
                    || !firefox.complete()) {
                return r;
            }
            // the test that sent Firefox elsewhere: on the rule Chrome took, or on the one Firefox took
            Directive cond = connectionCondition(r.at());
            if (cond == null) {
                cond = connectionCondition(firefox.at());
            }
            if (cond == null) {
                return r;
            }
            String instead = firefox.proxied() ? "go to \"" + firefox.handler() + "\" without the upgrade"
                    : "are not proxied (" + firefox.notProxied() + ")";
            String negate = cond.arg(1).startsWith("!") ? "!" : "";
            String flags = cond.argCount() > 2 ? cond.arg(2) : "[NC]";
            if (!RewriteEvaluator.has(flags.toUpperCase(java.util.Locale.ROOT), "NC")) {
                flags = flags.substring(0, flags.length() - 1) + ",NC]";
            }
            Upgrade u = new Upgrade(Upgrade.Status.NOT_CARRIED, cond.position(), "\"" + cond.text() + "\" tells"
                    + " \"Connection: Upgrade\" (Chrome, Safari, Node) from \"Connection: keep-alive, Upgrade\""
                    + " (Firefox), so Firefox's WebSocket requests " + instead, null,
                    "RewriteCond " + cond.arg(0) + " " + negate + "upgrade " + flags);
            return r.withUpgrade(u);
        }

        /**
         * Among the conditions of the RewriteRule at {@code ruleAt} (any rule when null), the first on
         * %{HTTP:Connection} that decides differently for Chrome's "Upgrade" and Firefox's "keep-alive, Upgrade",
         * or null.
         */
        private Directive connectionCondition(Position ruleAt) {
            List<Directive> rules = new ArrayList<>(s.rewriteLevel());
            rules.addAll(s.locationRewrites(request.path));
            int rule = ruleAt == null ? rules.size() : -1;
            for (int i = 0; i < rules.size() && ruleAt != null; i++) {
                if (rules.get(i).is("RewriteRule") && rules.get(i).position().equals(ruleAt)) {
                    rule = i;
                }
            }
            int first = ruleAt == null ? 0 : rule;
            while (ruleAt != null && first > 0 && rules.get(first - 1).is("RewriteCond")) {
                first--;
            }
            for (Directive d : rule < 0 ? List.<Directive>of() : rules.subList(first, rule)) {
                if (d.is("RewriteCond") && d.argCount() >= 2
                        && d.arg(0).toUpperCase(java.util.Locale.ROOT).contains("HTTP:CONNECTION")) {
                    boolean nocase = d.argCount() > 2
                            && RewriteEvaluator.has(d.arg(2).toUpperCase(java.util.Locale.ROOT), "NC");
                    Boolean chrome = RewriteEvaluator.matches(d.arg(1), nocase, "Upgrade");
                    Boolean firefox = RewriteEvaluator.matches(d.arg(1), nocase, "keep-alive, Upgrade");
                    if (chrome != null && firefox != null && !chrome.equals(firefox)) {
                        return d;
                    }
                }
            }
            return null;
        }

        private Route resolveFor() {
            if (s.perDirectoryProxyRewrites()) {
                complete = false;
            }
            for (Directive d : s.own) {
                if (d.includeState().unseen()) {
                    complete = false;
                }
            }
            RewriteEvaluator rewrite = new RewriteEvaluator(request, config.entry().display().endsWith(".htaccess"));
            RewriteEvaluator.Outcome r = rewrite.run(s.rewriteLevel());
            complete &= r.sure();
            if (r.kind() == RewriteEvaluator.Outcome.Kind.PROXY) {
                return proxied(r.rule(), r.url(), Map.of(), r.url());
            }
            if (r.kind() == RewriteEvaluator.Outcome.Kind.ANSWER) {
                return notProxied(r.rule(), "\"" + r.rule().text() + "\" answers " + request.path + " itself");
            }
            for (ApacheServer.Pass p : s.passesInOrder()) {
                String rest = match(p);
                if (rest == null) {
                    continue;
                }
                if (p.excluded()) {
                    return notProxied(p.directive(), "\"" + p.directive().text() + "\" excludes it from proxying");
                }
                String backendUrl = p.regex() ? rest : p.url() + rest;
                // per-directory rules of the <Location> run at fixup on httpd's file name proxy:<backend URL>
                RewriteEvaluator.Outcome perDir = new RewriteEvaluator(request, true)
                        .run(s.locationRewrites(request.path), "proxy:" + backendUrl);
                complete &= perDir.sure();
                if (perDir.kind() == RewriteEvaluator.Outcome.Kind.PROXY) {
                    return proxied(perDir.rule(), perDir.url(), Map.of(), perDir.url());
                }
                if (perDir.kind() == RewriteEvaluator.Outcome.Kind.ANSWER) {
                    return notProxied(perDir.rule(), "\"" + perDir.rule().text() + "\" answers " + request.path
                            + " itself");
                }
                return proxied(p.directive(), p.url(), p.params(), backendUrl);
            }
            // no ProxyPass: per-directory rules of the <Location> run at fixup on the file name the path maps to
            // (checked with httpd 2.4.71: RewriteRule .* http://app%{REQUEST_URI} [P] there proxies, no upgrade)
            Directive root = s.setting("DocumentRoot");
            String docRoot = root != null && root.argCount() > 0 ? root.arg(0).replaceAll("/+$", "") : "/var/www/html";
            RewriteEvaluator.Outcome located = new RewriteEvaluator(request, true)
                    .run(s.locationRewrites(request.path), docRoot + request.path);
            complete &= located.sure();
            if (located.kind() == RewriteEvaluator.Outcome.Kind.PROXY) {
                Route byRule = proxied(located.rule(), located.url(), Map.of(), located.url());
                // a target built from the file name's captures depends on the DocumentRoot: its path is not judged
                return located.rule().argCount() > 1 && located.rule().arg(1).matches("(?s).*\\$\\d.*")
                        ? byRule.withoutBackendPath() : byRule;
            }
            Directive at = s.vhost != null ? s.vhost : null;
            Position pos = at != null ? at.position() : mainServerAt(s);
            if (config.entry().display().endsWith(".htaccess")) {
                complete = false; // the server config that serves this directory is not in view
            }
            return new Route(Dialect.APACHE, transport, pos, at != null ? "<VirtualHost " + at.argsText() + ">"
                    : "the main server", false, "no ProxyPass or RewriteRule [P] matches " + request.path
                    + ", so httpd serves it from the DocumentRoot (404 Not Found)", complete, null, null, null, null,
                    null, null, null);
        }

        /** For a ProxyPass that matches the path: the rest of the path (regex: the expanded URL), else null. */
        private String match(ApacheServer.Pass p) {
            if (p.regex()) {
                Pattern re = RewriteEvaluator.compile(p.path(), false);
                if (re == null) {
                    complete = false;
                    return null;
                }
                Matcher m = dev.proxylint.source.BoundedMatch.matcher(re, request.path);
                if (!m.find()) {
                    return null;
                }
                String url = p.url();
                if (!url.matches("(?s).*\\$\\d.*")) {
                    return url + request.path; // no backreference: httpd appends the whole original path
                }
                return Backreferences.expand(url, m);
            }
            int n = aliasMatch(request.path, p.path());
            return n < 0 ? null : request.path.substring(n);
        }

        private Route proxied(Directive by, String url, Map<String, String> passParams, String backendUrl) {
            String scheme = ProxyParams.scheme(url);
            boolean balancer = scheme.equals("balancer");
            Balancer b = balancer ? s.balancer(url) : null;
            if (transport == Transport.POLLING && wsOnly(url, b) && fallbackOff()) {
                // measured on httpd 2.4.71: mod_proxy_wstunnel declines requests without an upgrade, and no other
                // handler takes them
                return notProxied(by, "\"" + by.text() + "\" sends it to a ws:// worker and ProxyWebsocketFallbackTo"
                        + "ProxyHttp is Off, so mod_proxy_wstunnel handles it, declines every request without an"
                        + " upgrade, and httpd answers each long-poll with 404 Not Found (websocket-only clients"
                        + " still connect)");
            }
            Upgrade upgrade = transport == Transport.WEBSOCKET ? upgrade(by, url, b) : null;
            IdleTimeout timeout = timeout(by, url, b, upgrade);
            Backends backends = backends(by, url, b);
            String path = ProxyParams.path(backendUrl);
            Sourced<String> backendPath = path.contains("$") || path.contains("%{") ? null
                    : new Sourced<>(path.isEmpty() ? "/" : path, by.position(), by.text());
            if (b != null && backendPath != null) {
                backendPath = memberPath(b, path, backendPath);
            }
            return new Route(Dialect.APACHE, transport, by.position(), by.text(), true, null, complete, upgrade, null,
                    timeout, backends, backendPath, null, null);
        }

        /**
         * mod_proxy_balancer sends a request to the member's URL followed by the path after the balancer's name
         * (httpd 2.4.71: BalancerMember http://app:3000/ makes the node see //socket.io/): a path on the members
         * comes first. Members with different paths: not known which one a request takes.
         */
        private Sourced<String> memberPath(Balancer b, String path, Sourced<String> withoutMembers) {
            List<Balancer.Member> active = b.activeMembers();
            java.util.Set<String> paths = new java.util.HashSet<>();
            active.forEach(m -> paths.add(ProxyParams.path(m.url())));
            String member = paths.size() == 1 ? paths.iterator().next() : "";
            if (paths.size() > 1 || member.contains("$")) {
                return null;
            }
            if (member.isEmpty()) {
                return withoutMembers;
            }
            Directive m = active.get(0).directive();
            return new Sourced<>(member + path, m.position(), ConfWords.withoutComment(m));
        }

        private Upgrade upgrade(Directive by, String url, Balancer b) {
            String scheme = ProxyParams.scheme(url);
            if (scheme.equals("ws") || scheme.equals("wss")) {
                return Upgrade.carried(by.position());
            }
            if (b != null) {
                List<Balancer.Member> active = b.activeMembers();
                if (active.isEmpty()) {
                    return Upgrade.unknown(by.position());
                }
                boolean any = active.stream().anyMatch(m -> carries(m.url(), m.params()));
                if (any) {
                    return Upgrade.carried(by.position());
                }
                Balancer.Member m = active.get(0);
                return new Upgrade(Upgrade.Status.NOT_CARRIED, m.directive().position(), "the members of balancer://"
                        + b.name + " are plain http:// workers without upgrade=websocket, so mod_proxy_http does not"
                        + " pass the upgrade on", null, ConfWords.withoutComment(m.directive()) + " upgrade=websocket");
            }
            if (scheme.equals("http") || scheme.equals("https")) {
                if (carries(url, s.workerParams(url))) {
                    return Upgrade.carried(by.position());
                }
                Directive sharedWith = s.workerDefinedBy(url);
                if (ProxyParams.of(by, 0).containsKey("upgrade") && sharedWith != null && sharedWith != by) {
                    return new Upgrade(Upgrade.Status.NOT_CARRIED, by.position(), "the upgrade=websocket of \""
                            + by.text() + "\" is ignored: \"" + sharedWith.text() + "\" (line "
                            + sharedWith.position().line() + ") defined a worker whose URL covers this one first,"
                            + " and httpd shares it (AH01146: Ignoring parameter because of worker sharing)", null,
                            "put upgrade=websocket on \"" + sharedWith.text() + "\" too, or give /socket.io/ its own"
                            + " backend URL defined before it");
                }
                String fix = by.is("ProxyPass") ? ConfWords.withoutComment(by) + " upgrade=websocket"
                        : "RewriteCond %{HTTP:Upgrade} websocket [NC] and RewriteRule ... ws://...  [P,L] before it,"
                        + " or ProxyPass with upgrade=websocket";
                return new Upgrade(Upgrade.Status.NOT_CARRIED, by.position(), "\"" + by.text() + "\" proxies"
                        + " WebSocket requests to " + scheme + ":// without upgrade=websocket, and no ws:// route"
                        + " catches them first" + nearMiss(), null, fix);
            }
            return Upgrade.unknown(by.position());
        }

        /**
         * A ws:// ProxyPass that was probably meant for these requests but does not match their path, or a
         * RewriteCond on %{HTTP_UPGRADE}, which mod_rewrite does not know (it reads empty) where %{HTTP:Upgrade}
         * was meant.
         */
        private String nearMiss() {
            for (Directive d : s.rewriteLevel()) {
                if (d.is("RewriteCond") && d.argCount() >= 2 && d.arg(0).toUpperCase(Locale.ROOT)
                        .matches(".*%\\{HTTP_(UPGRADE|CONNECTION)}.*")) {
                    String header = d.arg(0).toUpperCase(Locale.ROOT).contains("UPGRADE") ? "Upgrade" : "Connection";
                    return " (\"" + d.text() + "\" never matches: mod_rewrite has no variable HTTP_"
                            + header.toUpperCase(Locale.ROOT) + ", so it reads as empty; the header is %{HTTP:"
                            + header + "})";
                }
            }
            for (ApacheServer.Pass p : s.passes) {
                String scheme = ProxyParams.scheme(p.url());
                if (!p.regex() && !p.inLocation() && (scheme.equals("ws") || scheme.equals("wss"))
                        && request.path.startsWith(p.path()) && aliasMatch(request.path, p.path()) < 0) {
                    return " (\"" + p.directive().text() + "\" does not match " + request.path + ": httpd compares"
                            + " whole path segments, so " + p.path() + " matches only " + p.path() + " and what lies"
                            + " below it)";
                }
            }
            return "";
        }

        private boolean carries(String url, Map<String, String> params) {
            String scheme = ProxyParams.scheme(url);
            return scheme.equals("ws") || scheme.equals("wss") || params.containsKey("upgrade")
                    || s.workerParams(url).containsKey("upgrade");
        }

        /**
         * The idle timeout of the route, or null when a directive that would decide it is one httpd refuses
         * (PL001 already says so; a value computed from it would be a second finding for one mistake).
         */
        private IdleTimeout timeout(Directive by, String url, Balancer b, Upgrade upgrade) {
            Directive proxyTimeout = s.setting("ProxyTimeout");
            Directive timeoutDir = s.setting("Timeout");
            boolean timeoutRefused = refused(timeoutDir);
            long serverTimeout = timeoutDir != null && ApacheChecks.atoi(timeoutDir.arg(0)) > 0
                    ? ApacheChecks.atoi(timeoutDir.arg(0)) : DEFAULT_TIMEOUT_S;
            // the worker's own timeout= (for a balancer: the shortest among active members)
            Long workerSeconds = null;
            Directive workerAt = null;
            if (b != null) {
                for (Balancer.Member m : b.activeMembers()) {
                    String t = m.params().get("timeout");
                    if (t != null && (refused(m.directive()) || ApacheChecks.refusedSeconds(t))) {
                        return null;
                    }
                    if (t != null && (workerSeconds == null || ApacheChecks.atoi(t) < workerSeconds)) {
                        workerSeconds = ApacheChecks.atoi(t);
                        workerAt = m.directive();
                    }
                }
            } else if (s.workerParams(url).containsKey("timeout")) {
                workerSeconds = ApacheChecks.atoi(s.workerParams(url).get("timeout"));
                workerAt = s.workerDirective(url);
                if (refused(workerAt) || ApacheChecks.refusedSeconds(s.workerParams(url).get("timeout"))) {
                    return null;
                }
            }
            long polling;
            Position pollingAt;
            String pollingBy;
            String pollingFix;
            String raw;
            if (workerSeconds != null && workerAt != null) {
                polling = workerSeconds;
                pollingAt = workerAt.position();
                pollingBy = "timeout=" + workerSeconds + " on \"" + workerAt.text() + "\"";
                pollingFix = "timeout=%d";
                raw = ProxyParams.of(workerAt, 0).getOrDefault("timeout", "");
            } else if (refused(proxyTimeout)) {
                return null;
            } else if (proxyTimeout != null) {
                polling = ApacheChecks.atoi(proxyTimeout.arg(0));
                pollingAt = proxyTimeout.position();
                pollingBy = proxyTimeout.text();
                pollingFix = "ProxyTimeout %d";
                raw = proxyTimeout.arg(0);
            } else if (timeoutRefused) {
                return null;
            } else if (timeoutDir != null && serverTimeout == ApacheChecks.atoi(timeoutDir.arg(0))) {
                polling = serverTimeout;
                pollingAt = timeoutDir.position();
                pollingBy = timeoutDir.text();
                pollingFix = "ProxyTimeout %d";
                raw = timeoutDir.arg(0);
            } else {
                polling = DEFAULT_TIMEOUT_S;
                pollingAt = by.position();
                pollingBy = "the default Timeout (60 s)";
                pollingFix = "ProxyTimeout %d";
                raw = "60";
            }
            if (transport == Transport.POLLING) {
                return new IdleTimeout(polling * 1000, pollingAt, pollingBy, pollingFix, secondsNote(raw));
            }
            boolean noProxyHttp = modulesKnown && !modules.contains("proxy_http");
            if (wsOnly(url, b) && (fallbackOff() || noProxyHttp)) {
                return new IdleTimeout(IdleTimeout.NONE, by.position(), "mod_proxy_wstunnel's tunnel", null, null);
            }
            // mod_proxy_http's tunnel idles out after the larger of Timeout and the worker's timeout
            if (timeoutRefused) {
                return null;
            }
            if (serverTimeout >= polling) {
                if (timeoutDir != null && ApacheChecks.atoi(timeoutDir.arg(0)) > 0) {
                    String why = "(mod_proxy_http's WebSocket tunnel idles out after the larger of Timeout and "
                            + (proxyTimeout != null ? "ProxyTimeout" : "the worker's timeout") + ")";
                    String note = secondsNote(timeoutDir.arg(0));
                    return new IdleTimeout(serverTimeout * 1000, timeoutDir.position(), timeoutDir.text(), "Timeout %d",
                            note == null ? why : why + " " + note);
                }
                return new IdleTimeout(serverTimeout * 1000, by.position(), "the default Timeout (60 s)", "Timeout %d",
                        null);
            }
            return new IdleTimeout(polling * 1000, pollingAt, pollingBy, pollingFix, secondsNote(raw));
        }

        /** Whether the target is a ws:// or wss:// worker, or a balancer of only such members. */
        private boolean wsOnly(String url, Balancer b) {
            String scheme = ProxyParams.scheme(url);
            return scheme.equals("ws") || scheme.equals("wss")
                    || b != null && !b.activeMembers().isEmpty() && b.activeMembers().stream().allMatch(m -> {
                        String ms = ProxyParams.scheme(m.url());
                        return ms.equals("ws") || ms.equals("wss");
                    });
        }

        private boolean fallbackOff() {
            Directive fallback = s.setting("ProxyWebsocketFallbackToProxyHttp");
            return fallback != null && "off".equalsIgnoreCase(fallback.arg(0));
        }

        private String secondsNote(String raw) {
            String r = raw.trim();
            boolean plain = r.matches("[0-9]{1,18}") && Long.parseLong(r) == ApacheChecks.atoi(r);
            return r.isEmpty() || plain ? null
                    : "(httpd reads whole seconds with atoi: \"" + r + "\" is " + ApacheChecks.atoi(r) + " s)";
        }

        private Backends backends(Directive by, String url, Balancer b) {
            if (b == null) {
                return new Backends(1, url, by.position(), Affinity.none());
            }
            int active = b.activeMembers().size();
            Position at = b.definedAt != null ? b.definedAt.position()
                    : b.members.isEmpty() ? by.position() : b.members.get(0).directive().position();
            String sticky = b.params.get("stickysession");
            if (sticky == null || sticky.isBlank()) {
                return new Backends(active, "balancer://" + b.name, at, Affinity.none());
            }
            Directive stickyAt = b.paramAt.get("stickysession");
            String defect = cookieDefect(b, sticky);
            Affinity affinity = new Affinity(Affinity.Kind.COOKIE, stickyAt.position(), stickyAt.text(),
                    defect == null ? Affinity.Defect.NONE : Affinity.Defect.COOKIE_NEVER_SET, defect);
            return new Backends(active, "balancer://" + b.name, at, affinity);
        }

        /** Why stickysession= cannot work here, or null. */
        private String cookieDefect(Balancer b, String sticky) {
            List<Balancer.Member> noRoute = b.activeMembers().stream()
                    .filter(m -> m.params().get("route") == null || m.params().get("route").isBlank()).toList();
            if (!noRoute.isEmpty()) {
                return "stickysession=" + sticky + " on balancer://" + b.name + ", but " + noRoute.size() + " of its "
                        + b.activeMembers().size() + " members have no route= for the cookie to name";
            }
            List<String> names = List.of(sticky.split("\\|"));
            // mod_proxy_balancer finds the cookie by its exact name (httpd 2.4.71: serverid does not read SERVERID)
            List<ApacheServer.RouteCookie> set = s.routeCookies().stream()
                    .filter(c -> names.contains(c.name())).toList();
            String stickyOn = "stickysession=" + sticky + " on balancer://" + b.name;
            if (set.isEmpty()) {
                ApacheServer.RouteCookie otherCase = s.routeCookies().stream()
                        .filter(c -> names.stream().anyMatch(n -> n.equalsIgnoreCase(c.name()))).findFirst().orElse(null);
                return stickyOn + ", but nothing sets the cookie " + names.get(0) + (otherCase != null
                        ? " (the Header sets " + otherCase.name() + ", and httpd compares cookie names case-sensitively)"
                        : " (no Header add Set-Cookie \"" + names.get(0) + "=.%{BALANCER_WORKER_ROUTE}e; path=/\")"
                        + (names.stream().anyMatch(n -> n.equalsIgnoreCase("JSESSIONID"))
                        ? "; a Socket.IO server does not set JSESSIONID, only a servlet container with a jvmRoute does"
                        : ""));
            }
            String path = socketIo.requestPath();
            String separator = b.params.get("stickysessionsep");
            if (set.stream().noneMatch(c -> c.routeReadable(separator) && c.sentWith(path))) {
                ApacheServer.RouteCookie c = set.get(0);
                return !c.routeReadable(separator)
                        ? stickyOn + ", but the cookie " + c.name() + " is set to \"" + c.value() + "\": mod_proxy_balancer"
                                + " reads the route after the first '.' of the value, so it finds none (write "
                                + c.name() + "=.%{BALANCER_WORKER_ROUTE}e)"
                        : stickyOn + ", but the cookie " + c.name() + " is set with path=" + c.path()
                                + ", so browsers never send it with " + path + " requests";
            }
            return null;
        }

        private Route notProxied(Directive at, String why) {
            return new Route(Dialect.APACHE, transport, at.position(), at.text(), false, why, complete, null, null,
                    null, null, null, null, null);
        }
    }

    /**
     * mod_proxy's alias_match(): any run of slashes in the alias matches any run in the URI, other characters
     * literally, and the match must end at a path segment. The length of URI matched, or -1.
     */
    static int aliasMatch(String uri, String alias) {
        int a = 0;
        int u = 0;
        while (a < alias.length() && u < uri.length()) {
            if (alias.charAt(a) == '/') {
                if (uri.charAt(u) != '/') {
                    return -1;
                }
                while (a < alias.length() && alias.charAt(a) == '/') {
                    a++;
                }
                while (u < uri.length() && uri.charAt(u) == '/') {
                    u++;
                }
            } else if (alias.charAt(a++) != uri.charAt(u++)) {
                return -1;
            }
        }
        if (a < alias.length()) {
            return -1;
        }
        if (alias.charAt(alias.length() - 1) != '/' && u < uri.length() && uri.charAt(u) != '/') {
            return -1;
        }
        return u;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
