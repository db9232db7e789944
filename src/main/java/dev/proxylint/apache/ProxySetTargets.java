package dev.proxylint.apache;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code ProxySet URL ...} outside {@code <Proxy>} names a worker or balancer that must already exist in the
 * same server (main server or virtual host) when httpd reads it: a ProxyPass above it, or a {@code <Proxy>}
 * section that defined it. Otherwise httpd refuses the file ("ProxySet can not find '...' Worker."), and
 * the timeout or stickysession it sets never applies. Measured with apache2 -t 2.4.71: a worker is found
 * when its URL is a prefix of the ProxySet URL (scheme and host in any case), a worker of the main server
 * is not found from a virtual host or the other way round, a default port (:80, :443) is the same as none,
 * and neither a balancer member, a regex ProxyPass whose URL has {@code $N}, nor a {@code <Proxy>} section
 * without ProxySet or BalancerMember defines one (a regex ProxyPass without {@code $N} does).
 */
final class ProxySetTargets {
    private final List<String> workers = new ArrayList<>();
    private final Set<String> balancers = new HashSet<>();
    private final List<Problem> out;

    private ProxySetTargets(List<Problem> out) {
        this.out = out;
    }

    /**
     * @param wholeConfig whether the file is a whole httpd config (it loads modules): only then can a
     *                    main-server worker not be defined in some other file read before it
     */
    static void check(List<Directive> root, boolean wholeConfig, List<Problem> out) {
        // a virtual host's workers are all its own; the main server's may come from a file read before this one
        new ProxySetTargets(wholeConfig ? out : new ArrayList<>()).walk(root, null, out);
    }

    /**
     * @param section  the enclosing {@code <Location>}, {@code <Proxy>} or other section, or null
     * @param reported where a virtual host's problems go
     */
    private void walk(List<Directive> level, Directive section, List<Problem> reported) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                if (d.is("VirtualHost")) {
                    new ProxySetTargets(reported).walk(d.children(), null, reported);
                } else if (d.is("Location") || d.is("LocationMatch") || d.is("Proxy") || d.is("ProxyMatch")) {
                    walk(d.children(), d, reported);
                } else {
                    walk(d.children(), section, reported); // conditions and the like: the same context
                }
                continue;
            }
            boolean inProxy = section != null && (section.is("Proxy") || section.is("ProxyMatch"))
                    && section.argCount() > 0;
            boolean inLocation = section != null && (section.is("Location") || section.is("LocationMatch"));
            if (d.is("ProxyPass") || d.is("ProxyPassMatch")) {
                String url = ApacheServer.backendUrl(d, inLocation);
                // a regex ProxyPass with $N in its URL defines a match worker, which ProxySet cannot find
                if (url != null && !(ApacheServer.regexPass(d, section) && url.matches("(?s).*\\$\\d.*"))) {
                    defined(url);
                }
            } else if (d.is("BalancerMember") && d.argCount() >= 1) {
                String url = inProxy ? section.arg(0) : d.arg(0);
                if (isBalancer(url)) {
                    balancers.add(Balancer.nameOf(url));
                }
            } else if (d.is("ProxySet") && inProxy && !section.is("ProxyMatch")) {
                defined(section.arg(0));
            } else if (d.is("ProxySet") && !inProxy && d.argCount() >= 1) {
                String missing = missing(d.arg(0));
                if (missing != null) {
                    out.add(Problem.argument(d.position(), "httpd would refuse this file: ProxySet can not find '"
                            + d.arg(0) + "' " + missing + ". A ProxySet outside <Proxy> must follow the ProxyPass"
                            + " that defines its worker, in the same server (or put it in <Proxy " + d.arg(0)
                            + ">)"));
                }
            }
        }
    }

    private void defined(String url) {
        if (isBalancer(url)) {
            balancers.add(Balancer.nameOf(url));
        } else if (url.contains("://")) {
            workers.add(ProxyParams.workerKey(url));
        }
    }

    /** "Worker" or "Balancer" when nothing above defines it, else null. */
    private String missing(String url) {
        if (isBalancer(url)) {
            return balancers.contains(Balancer.nameOf(url)) ? null : "Balancer";
        }
        if (!url.contains("://") || url.toLowerCase(Locale.ROOT).contains("unix:") || url.contains("$")) {
            return null; // unix sockets and interpolated URLs: not modelled, so not reported
        }
        String u = ProxyParams.workerKey(url);
        return workers.stream().anyMatch(u::startsWith) ? null : "Worker";
    }

    private static boolean isBalancer(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("balancer://");
    }
}
