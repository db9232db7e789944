package dev.proxylint.apache;

import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one server (a {@code <VirtualHost>}, or the main server when there is none) is made of, with the main
 * server's settings merged in the way httpd merges them: server directives fall back to the main server's,
 * ProxyPass entries of the main server come before the virtual host's own, RewriteRules are not inherited
 * unless {@code RewriteOptions Inherit}.
 */
final class ApacheServer {
    /**
     * One ProxyPass or ProxyPassMatch, at server level or inside {@code <Location>}/{@code <LocationMatch>}
     * ({@code inLocation}).
     */
    record Pass(Directive directive, boolean regex, String path, String url, Map<String, String> params,
                boolean inLocation) {
        boolean excluded() {
            return url.equals("!");
        }
    }

    final Directive vhost;
    final List<Directive> own;
    final List<Directive> main;
    final List<Pass> passes = new ArrayList<>();
    final Map<String, Balancer> balancers = new LinkedHashMap<>();
    /**
     * The workers ProxyPass and {@code <Proxy url>} define, in definition order. httpd names a worker by its
     * URL and picks, for a backend URL, the worker with the longest name that is a prefix of it; a ProxyPass
     * whose URL an earlier worker of the same server already covers shares that worker, and its parameters
     * are ignored (AH01146).
     */
    private final List<Worker> workers = new ArrayList<>();
    private String scope = "vhost";
    /** How many of {@link #passes} (the first ones) are the virtual host's own; the rest are the main server's. */
    private int ownPasses;

    private static final class Worker {
        final String name;
        final String scope;
        final Map<String, String> params = new LinkedHashMap<>();
        Directive at;
        Directive definedBy;

        Worker(String name, String scope) {
            this.name = name;
            this.scope = scope;
        }
    }
    final List<Directive> headers = new ArrayList<>();

    /** @param main the main server's directives, without the {@code <VirtualHost>} sections */
    ApacheServer(Directive vhost, List<Directive> main) {
        this.vhost = vhost;
        this.own = vhost == null ? main : vhost.children();
        this.main = main;
        if (vhost != null) {
            collect(own, null);
        }
        ownPasses = passes.size();
        scope = "main";
        collect(main, null);
    }

    /**
     * The ProxyPass entries in the order httpd consults them (checked with httpd 2.4.71): those in
     * {@code <Location>} sections first, from the per-directory config, where the last matching section wins
     * and a virtual host's sections come after the main server's (so: latest first, the virtual host's before
     * the main server's); then the server-level ones in file order, the main server's before the virtual
     * host's own. {@code ProxyPassInherit Off} does not change this in httpd 2.4.71: the main server's lines still
     * apply, and first (the reality suite's pl402_proxypassinherit_off shows it).
     */
    List<Pass> passesInOrder() {
        List<Pass> vhostPasses = passes.subList(0, ownPasses);
        List<Pass> mainPasses = passes.subList(ownPasses, passes.size());
        List<Pass> out = new ArrayList<>();
        for (List<Pass> level : List.of(vhostPasses, mainPasses)) {
            List<Pass> located = level.stream().filter(Pass::inLocation).toList();
            for (int i = located.size() - 1; i >= 0; i--) {
                out.add(located.get(i));
            }
        }
        mainPasses.stream().filter(p -> !p.inLocation()).forEach(out::add);
        vhostPasses.stream().filter(p -> !p.inLocation()).forEach(out::add);
        return out;
    }

    /** A server directive: the virtual host's last one, else the main server's. */
    Directive setting(String name) {
        Directive d = last(own, name);
        return d != null || vhost == null ? d : last(main, name);
    }

    private static Directive last(List<Directive> level, String name) {
        Directive found = null;
        for (Directive d : level) {
            if (!d.hasBlock() && d.is(name)) {
                found = d;
            }
        }
        return found;
    }

    /** The server-context rewrite rules that apply to this server, in the order mod_rewrite runs them. */
    List<Directive> rewriteLevel() {
        if (!rewriteEngineOn()) {
            return List.of();
        }
        List<Directive> rules = new ArrayList<>(own.stream().filter(d -> !d.hasBlock()).toList());
        if (vhost != null) {
            Directive options = last(own, "RewriteOptions");
            String opt = options == null ? "" : options.argsText().toLowerCase(Locale.ROOT);
            List<Directive> inherited = main.stream().filter(d -> !d.hasBlock()).toList();
            if (opt.contains("inheritbefore")) {
                rules.addAll(0, inherited);
            } else if (opt.contains("inherit")) {
                rules.addAll(inherited);
            }
        }
        return rules;
    }

    /**
     * Whether {@code <Directory>}-like sections hold [P] rewrites, which proxylint does not follow (those in
     * {@code <Location>} it does: see {@link #locationRewrites}).
     */
    boolean perDirectoryProxyRewrites() {
        return perDir(own, false) || vhost != null && perDir(main, false);
    }

    /**
     * The rewrite rules of the last {@code <Location>} (or {@code <LocationMatch>}) matching the path that has
     * any: per-directory configs merge in file order and the later section's rules replace the earlier's.
     * They run when RewriteEngine is on in the section or the server.
     */
    List<Directive> locationRewrites(String path) {
        List<Directive> found = List.of();
        boolean serverEngine = rewriteEngineOn();
        for (List<Directive> level : vhost == null ? List.of(own) : List.of(own, main)) {
            for (Directive d : level) {
                if (!d.hasBlock() || !(d.is("Location") || d.is("LocationMatch")) || d.argCount() == 0
                        || !locationMatches(d, path)) {
                    continue;
                }
                List<Directive> rules = d.children().stream().filter(c -> c.is("RewriteRule") || c.is("RewriteCond"))
                        .toList();
                if (!rules.isEmpty() && (serverEngine || engineOn(d.children()))) {
                    found = rules;
                }
            }
        }
        return found;
    }

    /**
     * RewriteEngine of this server: a virtual host without its own takes the main server's (mod_rewrite merges
     * the engine state, not the rules; measured on httpd 2.4.71).
     */
    private boolean rewriteEngineOn() {
        return isOn(setting("RewriteEngine"));
    }

    private static boolean engineOn(List<Directive> level) {
        return isOn(last(level, "RewriteEngine"));
    }

    private static boolean isOn(Directive engine) {
        return engine != null && "on".equalsIgnoreCase(engine.arg(0));
    }

    private static boolean locationMatches(Directive section, String path) {
        String pattern = section.arg(section.argCount() - 1);
        boolean regex = section.is("LocationMatch") || section.argCount() == 2 && section.arg(0).equals("~");
        if (regex) {
            java.util.regex.Pattern p = RewriteEvaluator.compile(pattern, false);
            return p != null && dev.proxylint.source.BoundedMatch.matcher(p, path).find();
        }
        return ApacheRoutes.aliasMatch(path, pattern) >= 0;
    }

    private static boolean perDir(List<Directive> level, boolean inside) {
        for (Directive d : level) {
            if (d.hasBlock() && (d.is("Location") || d.is("LocationMatch"))) {
                continue;
            }
            if (d.hasBlock() && !d.is("VirtualHost")) {
                if (perDir(d.children(), true)) {
                    return true;
                }
            } else if (inside && d.is("RewriteRule") && d.argCount() > 2
                    && RewriteEvaluator.has(d.arg(2).toUpperCase(Locale.ROOT), "P")) {
                return true;
            }
        }
        return false;
    }

    private void collect(List<Directive> level, Directive section) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                if (d.is("VirtualHost")) {
                    continue;
                }
                if (d.is("Proxy") && d.argCount() > 0) {
                    proxySection(d);
                } else if (d.is("Location") || d.is("LocationMatch") || d.is("If") || d.is("Else")
                        || d.is("ElseIf") || d.is("Directory") || d.is("Files") || d.is("DirectoryMatch")
                        || d.is("FilesMatch")) {
                    collect(d.children(), d);
                }
                continue;
            }
            if (d.is("ProxyPass") || d.is("ProxyPassMatch")) {
                pass(d, section);
            } else if (d.is("BalancerMember") && d.argCount() >= 2 && d.arg(0).toLowerCase(Locale.ROOT)
                    .startsWith("balancer://")) {
                balancer(d.arg(0)).members.add(new Balancer.Member(d, d.arg(1), ProxyParams.of(d, 2)));
            } else if (d.is("ProxySet") && d.argCount() >= 1 && d.arg(0).contains("://")) {
                target(d.arg(0), d, ProxyParams.of(d, 1), false);
            } else if (d.is("Header") || d.is("RequestHeader")) {
                headers.add(d);
            }
        }
    }

    private void proxySection(Directive proxy) {
        String url = proxy.arg(0);
        for (Directive d : proxy.children()) {
            if (d.is("BalancerMember") && d.argCount() >= 1 && url.toLowerCase(Locale.ROOT).startsWith("balancer://")) {
                Balancer b = balancer(url);
                b.definedAt = b.definedAt == null ? proxy : b.definedAt;
                b.members.add(new Balancer.Member(d, d.arg(0), ProxyParams.of(d, 1)));
            } else if (d.is("ProxySet")) {
                target(url, d, ProxyParams.of(d, 0), true);
            } else if (d.is("Header")) {
                headers.add(d);
            }
        }
    }

    /** ProxySet (in {@code <Proxy url>} or naming the URL): sets the parameters of the worker the URL reaches. */
    /**
     * @param defines whether the ProxySet may define its worker ({@code <Proxy url>}). Outside, httpd refuses a
     *                ProxySet whose worker no line above defines (PL001, {@link ProxySetTargets}), so in a virtual
     *                host it sets nothing; the main server's worker may come from a file proxylint does not see
     */
    private void target(String url, Directive d, Map<String, String> params, boolean defines) {
        if (url.toLowerCase(Locale.ROOT).startsWith("balancer://")) {
            balancer(url).set(d, params);
            return;
        }
        Worker w = covering(url, scope);
        if (w == null && !defines && scope.equals("vhost")) {
            return;
        }
        if (w == null) {
            w = new Worker(ProxyParams.workerKey(url), scope);
            w.definedBy = d;
            workers.add(w);
        }
        set(w, d, params);
    }

    /** A ProxyPass URL: a new worker, or the earlier one that covers it, whose parameters then stay as they are. */
    private void worker(String url, Directive d, Map<String, String> params) {
        if (covering(url, scope) != null) {
            return; // shared: httpd ignores this ProxyPass's parameters
        }
        Worker w = new Worker(ProxyParams.workerKey(url), scope);
        w.definedBy = d;
        workers.add(w);
        set(w, d, params);
    }

    private static void set(Worker w, Directive d, Map<String, String> params) {
        w.params.putAll(params);
        if (params.containsKey("timeout") || params.containsKey("upgrade")) {
            w.at = d;
        }
    }

    /** The worker of {@code scope} (null: any) with the longest name that is a prefix of the URL, or null. */
    private Worker covering(String url, String inScope) {
        String u = ProxyParams.workerKey(url);
        Worker best = null;
        for (Worker w : workers) {
            if ((inScope == null || w.scope.equals(inScope)) && u.startsWith(w.name)
                    && (best == null || w.name.length() > best.name.length())) {
                best = w;
            }
        }
        return best;
    }

    Balancer balancer(String url) {
        return balancers.computeIfAbsent(Balancer.nameOf(url), Balancer::new);
    }

    /**
     * The backend URL of a ProxyPass or ProxyPassMatch ({@code ProxyPass [~] path url} at server level,
     * {@code ProxyPass url} inside {@code <Location>}), or null when it has too few words.
     */
    static String backendUrl(Directive d, boolean inLocation) {
        int i = d.argCount() > 0 && d.arg(0).equals("~") ? 1 : 0;
        int at = inLocation ? i : i + 1;
        return d.argCount() > at ? d.arg(at) : null;
    }

    /** Whether a ProxyPass is a regex one (ProxyPassMatch, {@code ProxyPass ~}, inside {@code <LocationMatch>}). */
    static boolean regexPass(Directive d, Directive section) {
        return d.is("ProxyPassMatch") || d.argCount() > 0 && d.arg(0).equals("~")
                || section != null && (section.is("LocationMatch")
                || section.is("Location") && section.argCount() == 2 && section.arg(0).equals("~"));
    }

    private void pass(Directive d, Directive section) {
        boolean inLocation = section != null && (section.is("Location") || section.is("LocationMatch"));
        int i = d.argCount() > 0 && d.arg(0).equals("~") ? 1 : 0;
        String path;
        String url;
        int params;
        if (inLocation) {
            if (d.argCount() < i + 1 || section.argCount() == 0) {
                return;
            }
            path = section.arg(section.argCount() - 1);
            url = d.arg(i);
            params = i + 1;
        } else {
            if (d.argCount() < i + 2) {
                return;
            }
            path = d.arg(i);
            url = d.arg(i + 1);
            params = i + 2;
        }
        boolean regex = regexPass(d, section);
        Map<String, String> p = ProxyParams.of(d, params);
        passes.add(new Pass(d, regex, path, url, p, inLocation));
        if (url.toLowerCase(Locale.ROOT).startsWith("balancer://")) {
            balancer(url).set(d, p);
        } else if (!url.equals("!")) {
            worker(url, d, p);
        }
    }

    /** The parameters of the worker a backend URL reaches (the longest worker name that is its prefix). */
    Map<String, String> workerParams(String url) {
        Worker w = covering(url, null);
        return w == null ? Map.of() : w.params;
    }

    /** The directive that defined the worker a backend URL reaches, or null. */
    Directive workerDefinedBy(String url) {
        Worker w = covering(url, null);
        return w == null ? null : w.definedBy;
    }

    /** The directive that set that worker's timeout= or upgrade=, or null. */
    Directive workerDirective(String url) {
        Worker w = covering(url, null);
        return w == null ? null : w.at;
    }

    /** A {@code Header ... Set-Cookie "NAME=VALUE; attributes"} whose value holds the balancer's route. */
    record RouteCookie(String name, String value, String path) {
        /**
         * Whether mod_proxy_balancer finds a route in it: it reads the route after the first separator
         * ({@code stickysessionsep}, '.' by default; "Off": the whole value) of the cookie's value, so
         * {@code ROUTEID=.%{BALANCER_WORKER_ROUTE}e} works and {@code ROUTEID=%{...}e} never does (measured on
         * httpd 2.4.71: 0 of 6 sessions kept their node).
         *
         * @param separator the balancer's stickysessionsep, null for the default
         */
        boolean routeReadable(String separator) {
            String sep = separator == null || separator.isEmpty() ? "." : separator;
            if (sep.equalsIgnoreCase("off")) {
                return true;
            }
            int route = value.indexOf("%{BALANCER_WORKER_ROUTE}");
            return route >= 0 && value.substring(0, route).contains(sep.substring(0, 1));
        }

        /**
         * Whether browsers send it with requests for {@code requestPath} (RFC 6265: a path that does not start
         * with '/' is ignored, leaving the default path, which covers the response's own path).
         */
        boolean sentWith(String requestPath) {
            if (path == null || !path.startsWith("/") || path.equals("/")) {
                return true;
            }
            return requestPath.startsWith(path) && (path.endsWith("/") || requestPath.length() == path.length()
                    || requestPath.charAt(path.length()) == '/');
        }
    }

    /** The cookies that a {@code Header ... Set-Cookie} with the balancer's route sets. */
    List<RouteCookie> routeCookies() {
        List<RouteCookie> out = new ArrayList<>();
        for (Directive h : headers) {
            List<String> a = h.args().stream().map(w -> w.value()).toList();
            int i = !a.isEmpty() && (a.get(0).equalsIgnoreCase("always") || a.get(0).equalsIgnoreCase("onsuccess"))
                    ? 1 : 0;
            if (a.size() < i + 3 || !a.get(i + 1).equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            String action = a.get(i).toLowerCase(Locale.ROOT);
            String header = a.get(i + 2);
            if (!List.of("add", "set", "append", "merge", "setifempty").contains(action)
                    || !header.contains("BALANCER_WORKER_ROUTE")) {
                continue;
            }
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String path = null;
            for (int p = 1; p < parts.length; p++) {
                int attrEq = parts[p].indexOf('=');
                if (attrEq > 0 && parts[p].substring(0, attrEq).trim().equalsIgnoreCase("path")) {
                    path = parts[p].substring(attrEq + 1).trim();
                }
            }
            out.add(new RouteCookie(parts[0].substring(0, eq).trim(), parts[0].substring(eq + 1).trim(), path));
        }
        return out;
    }
}
