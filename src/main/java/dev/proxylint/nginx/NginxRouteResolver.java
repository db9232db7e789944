package dev.proxylint.nginx;

import dev.proxylint.route.Affinity;
import dev.proxylint.route.Backends;
import dev.proxylint.route.Backreferences;
import dev.proxylint.route.IdleTimeout;
import dev.proxylint.route.Route;
import dev.proxylint.route.Sourced;
import dev.proxylint.route.Transport;
import dev.proxylint.route.Upgrade;
import dev.proxylint.settings.SocketIoSettings;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.Directive;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves one transport's Socket.IO request through one nginx {@code server}: the server's rewrite phase,
 * the location nginx picks (and its rewrites, {@code try_files}, named locations), and what nginx does with
 * the request there, each fact with the directive that decided it.
 */
final class NginxRouteResolver {
    private static final int MAX_REDIRECTS = 10;
    private static final long DEFAULT_READ_TIMEOUT = 60_000;
    private static final long DEFAULT_BODY_LIMIT = 1024 * 1024;

    private final SocketIoSettings socketIo;
    private final boolean wholeConfig;
    private final Transport transport;
    private final NginxHttpLevel http;
    private final Directive server;
    private final Upstreams upstreams;
    private final NginxExpressions exprs;
    private boolean complete = true;
    private Directive uriChangedBy;
    /** The prefix location a regex location took the request from, in the last location search. */
    private Directive overruled;
    /** a rewrite whose replacement ends in '?': nginx drops the request's arguments */
    private Directive queryDroppedBy;

    /** @param wholeConfig the config is a complete nginx.conf: every map it could use is in view */
    NginxRouteResolver(SocketIoSettings socketIo, boolean wholeConfig, Transport transport,
                       NginxHttpLevel http, Directive server) {
        this.socketIo = socketIo;
        this.wholeConfig = wholeConfig;
        this.transport = transport;
        this.http = http;
        this.server = server;
        this.upstreams = http.upstreams;
        this.exprs = new NginxExpressions(new NginxRequest(transport, socketIo.requestPath()), http.maps);
    }

    Route resolve() {
        String requestPath = socketIo.requestPath();
        Phase serverPhase = rewritePhase(server.children());
        if (serverPhase.answered != null) {
            Directive page = errorPageFor(serverPhase.answered, List.of(http.inherited, server.children()));
            return page != null ? viaNamed(page, page.arg(page.argCount() - 1))
                    : notProxied(serverPhase.answered, "\"" + serverPhase.answered.text()
                    + "\" at server level answers " + requestPath + " itself");
        }
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            if (exprs.uri == null) {
                return unknown(server);
            }
            LocationMatcher.Match match = LocationMatcher.find(server.children(), exprs.uri);
            complete &= match.certain();
            overruled = match.overruled();
            Directive loc = match.location();
            if (match.captures() != null) {
                exprs.captured(match.captures());
            }
            if (loc == null) {
                // no location: the server's own try_files applies (inside a location it does not)
                Content fallback = server.children().stream().anyMatch(d -> d.name().equals("try_files"))
                        ? content(server, null) : null;
                if (fallback != null && fallback.kind == ContentKind.NAMED) {
                    return viaNamed(fallback.directive, fallback.target);
                }
                if (fallback != null && fallback.kind == ContentKind.UNKNOWN) {
                    return unknown(server);
                }
                if (fallback != null && fallback.kind == ContentKind.REDIRECT) {
                    Directive target = LocationMatcher.find(server.children(), fallback.target).location();
                    if (target != null && content(target, null).kind == ContentKind.PROXY) {
                        exprs.uri = fallback.target;
                        uriChangedBy = fallback.directive;
                        continue;
                    }
                    return notProxied(fallback.directive, "no location matches " + requestPath + ", and \""
                            + fallback.directive.text() + "\" at server level serves " + fallback.target
                            + " instead (a single-page-app fallback answers 200 with HTML)");
                }
                return notProxied(server, "no location matches " + exprs.uri
                        + ", so nginx serves it from the document root (404 Not Found)");
            }
            Directive internal = uriChangedBy == null ? internal(match.chain()) : null;
            if (internal != null) {
                return notProxied(internal, "\"" + NginxRoutes.header(loc) + "\" is internal, so nginx answers"
                        + " requests from clients with 404 Not Found");
            }
            List<List<Directive>> levels = levels(match.chain());
            Phase phase = rewritePhase(loc.children());
            if (phase.answered != null) {
                // "return 418" with "error_page 418 = @ws": the named location takes the request
                Directive page = errorPageFor(phase.answered, levels);
                return page != null ? viaNamed(page, page.arg(page.argCount() - 1))
                        : notProxied(phase.answered, "\"" + phase.answered.text() + "\" in \""
                        + NginxRoutes.header(loc) + "\" answers " + requestPath + " itself");
            }
            if (phase.research) {
                continue;
            }
            if (phase.takenIf != null) {
                levels.add(phase.takenIf.children());
            }
            Content content = content(loc, phase.takenIf);
            switch (content.kind) {
                case PROXY:
                    return proxied(loc, match.chain(), levels, content.directive);
                case NAMED:
                    return viaNamed(content.directive, content.target);
                case REDIRECT: {
                    Directive target = LocationMatcher.find(server.children(), content.target).location();
                    if (target != null && target != loc && content(target, null).kind == ContentKind.PROXY) {
                        exprs.uri = content.target;
                        uriChangedBy = content.directive;
                        continue;
                    }
                    return notProxied(content.directive, "\"" + content.directive.text() + "\" in \""
                            + NginxRoutes.header(loc) + "\" serves " + content.target + " instead (a single-page-app"
                            + " fallback answers 200 with HTML)");
                }
                case ANSWER: {
                    Directive d = content.directive;
                    Directive errorPage = errorPage404(levels);
                    if (errorPage != null && d.name().equals("try_files")
                            && d.arg(d.argCount() - 1).equals("=404")) {
                        return viaNamed(errorPage, errorPage.arg(errorPage.argCount() - 1));
                    }
                    if (d.name().equals("try_files") && !d.arg(d.argCount() - 1).startsWith("=")) {
                        return notProxied(d, "\"" + d.text() + "\" in \"" + NginxRoutes.header(loc) + "\" finds the"
                                + " directory its alias names (" + requestPath + " is the location's own prefix) and"
                                + " serves its index page instead of " + d.arg(d.argCount() - 1)
                                + " (checked with nginx 1.22: 200 + HTML)");
                    }
                    return notProxied(d, "\"" + NginxRoutes.header(loc) + "\" does not proxy it: \"" + d.text()
                            + "\" answers instead");
                }
                case UNKNOWN:
                    return unknown(loc);
                default: {
                    // the file is not there: a 404 error_page that names a location hands the request on
                    Directive errorPage = errorPage404(levels);
                    if (errorPage != null) {
                        return viaNamed(errorPage, errorPage.arg(errorPage.argCount() - 1));
                    }
                    Route r = notProxied(loc, "\"" + NginxRoutes.header(loc) + "\" does not proxy it (nginx serves files"
                            + " from the document root)");
                    // a location set up for the WebSocket that lacks only its proxy_pass
                    boolean meantToProxy = loc.children().stream().anyMatch(NginxIntent::forwardsUpgrade);
                    return meantToProxy && r.notProxiedFix() == null ? r.withNotProxiedFix(
                            "proxy_pass http://<socket.io upstream>;") : r;
                }
            }
        }
        return unknown(server);
    }

    /**
     * The {@code internal} directive of the matched location or a location around it, or null. Checked only
     * for the client's own URI: after a rewrite or try_files fallback nginx lets the request in (tested on
     * nginx 1.22.1).
     */
    private static Directive internal(List<Directive> chain) {
        for (Directive loc : chain) {
            for (Directive d : loc.children()) {
                if (d.name().equals("internal")) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The request handed to a named location by try_files or error_page {@code via}. */
    private Route viaNamed(Directive via, String target) {
        Directive named = named(target);
        if (named == null) {
            return notProxied(via, "\"" + via.text() + "\" falls back to " + target + ", which is not defined");
        }
        List<List<Directive>> namedLevels = levels(List.of(named));
        Phase np = rewritePhase(named.children());
        if (np.answered != null) {
            return notProxied(np.answered, "\"" + np.answered.text() + "\" answers "
                    + socketIo.requestPath() + " itself");
        }
        if (np.takenIf != null) {
            namedLevels.add(np.takenIf.children());
        }
        Content nc = content(named, np.takenIf);
        if (nc.kind == ContentKind.PROXY) {
            return proxied(named, List.of(named), namedLevels, nc.directive);
        }
        return notProxied(named, "\"" + NginxRoutes.header(named) + "\" does not proxy it");
    }

    /**
     * The {@code error_page} for 404 that sends to a named location, from the innermost level that has any
     * error_page (nginx inherits them only into levels that define none); null when there is none.
     */
    private static Directive errorPage404(List<List<Directive>> levels) {
        return errorPage(levels, "404");
    }

    /** The error_page that sends the status of a {@code return CODE} to a named location, or null. */
    private static Directive errorPageFor(Directive answered, List<List<Directive>> levels) {
        String code = answered.name().equals("return") && answered.argCount() > 0 ? answered.arg(0) : "";
        return code.matches("[3-5][0-9][0-9]") ? errorPage(levels, code) : null;
    }

    /**
     * The {@code error_page} for a status that sends to a named location, from the innermost level that has any
     * error_page (nginx inherits them only into levels that define none); null when there is none.
     */
    private static Directive errorPage(List<List<Directive>> levels, String code) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            List<Directive> pages = levels.get(i).stream().filter(d -> d.name().equals("error_page")).toList();
            if (pages.isEmpty()) {
                continue;
            }
            for (Directive d : pages) {
                String target = d.argCount() >= 2 ? d.arg(d.argCount() - 1) : "";
                boolean covers = d.args().stream().anyMatch(w -> w.value().equals(code));
                if (covers && target.startsWith("@")) {
                    return d;
                }
            }
            return null;
        }
        return null;
    }

    private List<List<Directive>> levels(List<Directive> chain) {
        List<List<Directive>> levels = new ArrayList<>();
        levels.add(http.inherited);
        levels.add(server.children());
        for (Directive d : chain) {
            levels.add(d.children());
        }
        return levels;
    }

    private Directive named(String name) {
        for (Directive d : server.children()) {
            if (d.name().equals("location") && d.hasBlock() && d.argCount() == 1 && d.arg(0).equals(name)) {
                return d;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- rewrite phase

    /** What the rewrite-module directives of one level did to the request. */
    private static final class Phase {
        Directive answered;
        boolean research;
        Directive takenIf;
    }

    private Phase rewritePhase(List<Directive> dirs) {
        Phase phase = new Phase();
        boolean changedWithoutFlag = false;
        for (Directive d : dirs) {
            switch (d.name()) {
                case "set" -> exprs.set(d);
                case "return" -> {
                    phase.answered = d;
                    return phase;
                }
                case "break" -> {
                    return phase;
                }
                case "include" -> complete &= !d.includeState().unseen();
                case "rewrite" -> {
                    String flag = d.argCount() > 2 ? d.arg(2) : "";
                    RewriteOutcome r = rewrite(d);
                    if (r == RewriteOutcome.NO_MATCH) {
                        continue;
                    }
                    if (r == RewriteOutcome.REDIRECT) {
                        phase.answered = d;
                        return phase;
                    }
                    if (flag.equals("last")) {
                        phase.research = true;
                        return phase;
                    }
                    if (flag.equals("break")) {
                        return phase;
                    }
                    changedWithoutFlag = true;
                }
                case "if" -> {
                    Boolean taken = NginxConditions.evaluate(d.args(), exprs);
                    if (taken == null) {
                        if (NginxIntent.changesRouting(d)) {
                            complete = false;
                        }
                        continue;
                    }
                    if (taken) {
                        Phase inner = rewritePhase(d.children());
                        if (inner.answered != null || inner.research) {
                            return inner;
                        }
                        phase.takenIf = d;
                    }
                }
                default -> {
                }
            }
        }
        phase.research = changedWithoutFlag;
        return phase;
    }

    private enum RewriteOutcome { NO_MATCH, CHANGED, REDIRECT }

    private RewriteOutcome rewrite(Directive d) {
        if (d.argCount() < 2 || exprs.uri == null) {
            return RewriteOutcome.NO_MATCH;
        }
        java.util.regex.Pattern p = NginxRegex.compile(d.arg(0), false);
        if (p == null) {
            complete = false;
            return RewriteOutcome.NO_MATCH;
        }
        java.util.regex.Matcher m = dev.proxylint.source.BoundedMatch.matcher(p, exprs.uri);
        if (!m.find()) {
            return RewriteOutcome.NO_MATCH;
        }
        exprs.captured(m);
        String replacement = d.arg(1);
        String flag = d.argCount() > 2 ? d.arg(2) : "";
        if (replacement.startsWith("http://") || replacement.startsWith("https://")
                || replacement.startsWith("$scheme") || flag.equals("redirect") || flag.equals("permanent")) {
            return RewriteOutcome.REDIRECT;
        }
        if (replacement.endsWith("?")) {
            queryDroppedBy = d;
        }
        String evaluated = exprs.eval(Backreferences.expand(replacement, m));
        if (evaluated != null) {
            int q = evaluated.indexOf('?');
            evaluated = q >= 0 ? evaluated.substring(0, q) : evaluated;
        }
        exprs.uri = evaluated;
        uriChangedBy = d;
        return RewriteOutcome.CHANGED;
    }

    // ---------------------------------------------------------------- content phase

    private enum ContentKind { PROXY, NAMED, REDIRECT, ANSWER, STATIC, UNKNOWN }

    private record Content(ContentKind kind, Directive directive, String target) {
    }

    private Content content(Directive loc, Directive takenIf) {
        if (takenIf != null) {
            for (Directive d : takenIf.children()) {
                if (d.name().equals("proxy_pass")) {
                    return new Content(ContentKind.PROXY, d, null);
                }
            }
        }
        Directive tryFiles = null;
        for (Directive d : loc.children()) {
            switch (d.name()) {
                case "proxy_pass":
                    return new Content(ContentKind.PROXY, d, null);
                case "try_files":
                    tryFiles = d;
                    break;
                case "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass",
                     "stub_status", "empty_gif", "content_by_lua_block", "content_by_lua",
                     "content_by_lua_file", "js_content", "perl", "mp4", "flv", "echo":
                    return new Content(ContentKind.ANSWER, d, null);
                case "include":
                    if (d.includeState().unseen()) {
                        return new Content(ContentKind.UNKNOWN, d, null);
                    }
                    break;
                default:
                    break;
            }
        }
        if (tryFiles != null && tryFiles.argCount() > 0) {
            if (findsAliasDirectory(loc, tryFiles)) {
                return new Content(ContentKind.ANSWER, tryFiles, null);
            }
            String last = tryFiles.arg(tryFiles.argCount() - 1);
            if (last.startsWith("@")) {
                return new Content(ContentKind.NAMED, tryFiles, last);
            }
            if (last.startsWith("=")) {
                return new Content(ContentKind.ANSWER, tryFiles, null);
            }
            String target = exprs.eval(last);
            if (target == null) {
                return new Content(ContentKind.UNKNOWN, tryFiles, null);
            }
            int q = target.indexOf('?');
            return new Content(ContentKind.REDIRECT, tryFiles, q >= 0 ? target.substring(0, q) : target);
        }
        return new Content(ContentKind.STATIC, loc, null);
    }

    /**
     * Whether a directory test of try_files ({@code $uri/}) finds the directory an {@code alias} names itself: the
     * request is the location's own prefix (clients with {@code path: "/admin"} behind {@code location /admin
     * { alias ...; }}), that directory exists, and nginx serves its index instead of the fallback.
     */
    private boolean findsAliasDirectory(Directive loc, Directive tryFiles) {
        LocationMatcher.Loc l = LocationMatcher.Loc.of(loc);
        boolean alias = loc.children().stream().anyMatch(d -> d.name().equals("alias"));
        if (!alias || l.regex() || l.named() || exprs.uri == null || !exprs.uri.startsWith(l.name())) {
            return false;
        }
        for (int i = 0; i < tryFiles.argCount() - 1; i++) {
            String entry = tryFiles.arg(i);
            String value = entry.endsWith("/") ? exprs.eval(entry) : null;
            if (value != null && value.startsWith(l.name()) && value.substring(l.name().length()).matches("/*")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the proxied route

    private Route proxied(Directive loc, List<Directive> chain, List<List<Directive>> levels, Directive pass) {
        for (int i = 0; i < levels.size(); i++) {
            for (Directive d : levels.get(i)) {
                // an empty glob at http level (sites-enabled/*, conf.d/*) holds other servers, not this
                // location's settings; a missing named file, or any unseen include nearer, may
                boolean unseen = i == 0 ? d.includeState() == Directive.IncludeState.UNRESOLVED
                        : d.includeState().unseen();
                if (d.name().equals("include") && unseen) {
                    complete = false;
                }
            }
        }
        NginxEffective eff = new NginxEffective(levels);
        Position at = loc.position();
        NginxUpgrade upgrades = new NginxUpgrade(eff, exprs, http, wholeConfig);
        Upgrade upgrade = transport == Transport.WEBSOCKET ? upgrades.analyse(at, 1 + chain.size(), NginxRoutes.header(loc))
                : upgrades.forcedOnPolling(NginxRoutes.header(loc));
        if (upgrade != null && overruled != null && upgrade.status() != Upgrade.Status.CARRIED
                && upgrade.status() != Upgrade.Status.UNKNOWN) {
            // the usual surprise: a regex location takes the path from the prefix location written for it
            upgrade = upgrade.withMoreDetail(overruledNote("this regex location"));
        }
        Directive version = eff.last("proxy_http_version");
        Sourced<String> httpVersion = version != null
                ? new Sourced<>(version.arg(0), version.position(), version.text())
                : new Sourced<>("1.0", at, "the default proxy_http_version (1.0)");
        Directive read = eff.last("proxy_read_timeout");
        IdleTimeout timeout;
        if (read != null) {
            // nginx refuses a second argument ("10 seconds"): that is PL001's finding, not a timeout to judge
            long ms = read.args().size() == 1 ? NginxValues.parseMillis(read.arg(0)) : -1;
            timeout = ms < 0 ? null : new IdleTimeout(ms, read.position(), read.text(), "proxy_read_timeout %ds;",
                    null);
        } else {
            timeout = new IdleTimeout(DEFAULT_READ_TIMEOUT, at, "the default proxy_read_timeout (60s)",
                    "proxy_read_timeout %ds;", null);
        }
        Directive body = eff.last("client_max_body_size");
        Sourced<Long> bodyLimit;
        if (body != null) {
            long b = body.args().size() == 1 ? NginxValues.parseSize(body.arg(0)) : -1;
            bodyLimit = b < 0 ? null : new Sourced<>(b, body.position(), body.text());
        } else {
            bodyLimit = new Sourced<>(DEFAULT_BODY_LIMIT, at, "the default client_max_body_size (1m)");
        }
        ProxyTarget target = ProxyTarget.parse(pass, exprs, v -> exprs.definesMap(v) || NginxVariables.isBuiltin(v)
                || http.defines(v) || NginxVariables.definedAnywhere(server.children(), v));
        Backends backends = backends(target, pass);
        Sourced<String> backendPath = backendPath(target, pass, loc);
        Sourced<String> queryDropped = null;
        if (target.dropsQuery()) {
            queryDropped = new Sourced<>(target.uriUnknown() ? target.uri() : exprs.eval(target.uri()),
                    pass.position(), pass.text());
        } else if (queryDroppedBy != null && !target.uriAsIs()) {
            queryDropped = new Sourced<>(backendPath != null ? backendPath.value() : exprs.uri,
                    queryDroppedBy.position(), queryDroppedBy.text());
        }
        return new Route(Dialect.NGINX, transport, at, NginxRoutes.header(loc), true, null, complete, upgrade,
                httpVersion, timeout, backends, backendPath, queryDropped, bodyLimit);
    }

    private Backends backends(ProxyTarget target, Directive pass) {
        if (target.host() == null) {
            return Backends.unknown(pass.position());
        }
        Upstreams.Upstream u = upstreams.get(target.host());
        if (u == null) {
            return new Backends(1, target.host(), pass.position(), Affinity.none());
        }
        Affinity.Kind kind = Upstreams.kind(u);
        Affinity affinity;
        if (kind == Affinity.Kind.HASH) {
            Directive hash = u.method();
            String key = hash.arg(0);
            String problem = HashKeys.problem(key, exprs.baseVariables(key));
            affinity = new Affinity(kind, hash.position(), hash.text(),
                    problem == null ? Affinity.Defect.NONE : Affinity.Defect.KEY_NOT_CLIENT_STABLE, problem);
        } else if (kind == Affinity.Kind.NONE) {
            affinity = new Affinity(kind, u.method() != null ? u.method().position() : null,
                    u.method() != null ? u.method().text() : null, Affinity.Defect.NONE, null);
        } else {
            Directive by = u.sticky() != null ? u.sticky() : u.method();
            affinity = new Affinity(kind, by == null ? null : by.position(), by == null ? null : by.text(),
                    Affinity.Defect.NONE, null);
        }
        return new Backends(u.opaque() ? -1 : u.active(), "upstream " + u.block().arg(0), u.block().position(),
                affinity);
    }

    private Sourced<String> backendPath(ProxyTarget target, Directive pass, Directive loc) {
        if (target.uriUnknown() || exprs.uri == null) {
            return null;
        }
        if (target.uriAsIs()) {
            String uri = exprs.eval(target.uri());
            return uri == null ? null : new Sourced<>(uri, pass.position(), pass.text());
        }
        if (target.uri() == null || uriChangedBy != null) {
            Directive by = uriChangedBy != null ? uriChangedBy : pass;
            return new Sourced<>(exprs.uri, by.position(), by.text());
        }
        LocationMatcher.Loc l = LocationMatcher.Loc.of(loc);
        if (l.regex() || l.named()) {
            return null;
        }
        String uri = l.modifier().equals("=") ? target.uri()
                : target.uri() + exprs.uri.substring(Math.min(l.name().length(), exprs.uri.length()));
        return new Sourced<>(uri, pass.position(), pass.text());
    }

    private Route notProxied(Directive at, String why) {
        if (overruled == null || !NginxIntent.proxies(overruled)) {
            return new Route(Dialect.NGINX, transport, at.position(), at.text(), false, why, complete, null, null,
                    null, null, null, null, null);
        }
        // the prefix location written for the path exists: a regex location takes the request from it
        String prefix = overruled.argCount() > 0 ? overruled.arg(overruled.argCount() - 1) : "";
        return new Route(Dialect.NGINX, transport, at.position(), at.text(), false, why + overruledNote("it"),
                complete, null, null, null, null, null, null, null, "location ^~ " + prefix + " { ... }");
    }

    /** Why a regex location got the request that the prefix location written for it should have. */
    private String overruledNote(String taker) {
        return " (" + taker + " takes " + exprs.uri + " from \"" + NginxRoutes.header(overruled) + "\" at line "
                + overruled.position().line() + ": nginx tries regex locations after the longest prefix unless"
                + " that prefix is written with ^~)";
    }

    private Route unknown(Directive at) {
        return Route.unknown(Dialect.NGINX, transport, at.position(), at.text());
    }
}
