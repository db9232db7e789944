package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.Locale;

/** The parts of a {@code proxy_pass} URL that matter: upstream (or host) name and URI part. */
record ProxyTarget(String host, String uri, boolean uriUnknown) {
    static ProxyTarget parse(Directive pass, NginxExpressions exprs) {
        String url = pass.argCount() > 0 ? pass.arg(0) : "";
        int scheme = url.indexOf("://");
        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
        if (rest.startsWith("unix:")) {
            return new ProxyTarget(rest, null, false);
        }
        int slash = rest.indexOf('/');
        String host = slash >= 0 ? rest.substring(0, slash) : rest;
        String uri = slash >= 0 ? rest.substring(slash) : null;
        boolean uriUnknown = uri != null && uri.contains("$");
        if (host.contains("$")) {
            host = exprs.eval(host);
            if (uri == null && host != null && host.contains("/")) {
                // a variable that holds the whole address and path: nginx passes it as is
                uriUnknown = true;
            }
        }
        if (host != null) {
            host = host.toLowerCase(Locale.ROOT);
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(']') < colon && !host.startsWith("unix")) {
                String port = host.substring(colon + 1);
                if (port.chars().allMatch(Character::isDigit)) {
                    // host:port is a single server unless it names an upstream (which has no port)
                    return new ProxyTarget(host, uri, uriUnknown);
                }
            }
        }
        return new ProxyTarget(host, uri, uriUnknown);
    }
}
