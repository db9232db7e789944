package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parts of a {@code proxy_pass} URL that matter: upstream (or host) name, URI part, and whether the
 * request's query string still reaches the backend.
 *
 * @param uriUnknown the URI part holds variables proxylint cannot evaluate
 * @param uriAsIs    the URL has variables and a URI part: nginx sends that URI as written, in place of the
 *                   request URI rather than of the location prefix, even after a rewrite
 * @param dropsQuery uriAsIs, and the URI does not put the request's arguments back: nginx sends none
 *                   (ngx_http_proxy_create_request)
 */
record ProxyTarget(String host, String uri, boolean uriUnknown, boolean uriAsIs, boolean dropsQuery) {
    private static final Pattern PASSES_QUERY = Pattern.compile(
            "\\$\\{?(request_uri|args|query_string|is_args)(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);

    /** @param defined whether the config defines a variable (set, map, geo...), by its lower-case name */
    static ProxyTarget parse(Directive pass, NginxExpressions exprs, java.util.function.Predicate<String> defined) {
        String url = pass.argCount() > 0 ? pass.arg(0) : "";
        // a template's ${HOST} is filled in before nginx reads the file
        boolean variables = Placeholders.filled(url, defined).contains("$");
        int scheme = url.indexOf("://");
        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
        if (rest.startsWith("unix:")) {
            // unix:PATH[:URI] (ngx_parse_unix_domain_url): the URI part follows the colon after the path
            int colon = rest.indexOf(':', "unix:".length());
            String uri = colon >= 0 && colon + 1 < rest.length() ? rest.substring(colon + 1) : null;
            String host = colon >= 0 ? rest.substring(0, colon) : rest;
            return target(host, uri, uri != null && uri.contains("$"), variables);
        }
        int slash = rest.indexOf('/');
        String host = slash >= 0 ? rest.substring(0, slash) : rest;
        String uri = slash >= 0 ? rest.substring(slash) : null;
        boolean uriUnknown = uri != null && uri.contains("$");
        if (host.contains("$")) {
            host = exprs.eval(host);
            int hostScheme = host == null ? -1 : host.indexOf("://");
            if (hostScheme >= 0) {
                host = host.substring(hostScheme + 3);
            }
            if (uri == null && host != null && host.contains("/")) {
                // variables that hold the address and a path ($target, or host:port$1 in a regex location): for
                // this request nginx sends that path as is, with the arguments only if it holds them
                String path = host.substring(host.indexOf('/'));
                host = host.substring(0, host.indexOf('/'));
                return new ProxyTarget(host.toLowerCase(Locale.ROOT), path, false, true, !path.contains("?"));
            }
        }
        return target(host == null ? null : host.toLowerCase(Locale.ROOT), uri, uriUnknown, variables);
    }

    private static ProxyTarget target(String host, String uri, boolean uriUnknown, boolean variables) {
        boolean uriAsIs = variables && uri != null;
        boolean dropsQuery = uriAsIs && !PASSES_QUERY.matcher(uri).find();
        return new ProxyTarget(host, uri, uriUnknown, uriAsIs, dropsQuery);
    }
}
