package dev.proxylint.apache;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Word;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code key=value} parameters of ProxyPass, BalancerMember and ProxySet, keys in lower case. */
final class ProxyParams {
    private ProxyParams() {
    }

    static Map<String, String> of(Directive d, int from) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = from; i < d.argCount(); i++) {
            Word w = d.args().get(i);
            int eq = w.value().indexOf('=');
            if (eq > 0) {
                out.put(w.value().substring(0, eq).toLowerCase(Locale.ROOT), w.value().substring(eq + 1));
            }
        }
        return out;
    }

    /** Index of the first key=value argument (the positional ones come before it). */
    static int firstParam(Directive d) {
        for (int i = 0; i < d.argCount(); i++) {
            if (d.arg(i).indexOf('=') > 0) {
                return i;
            }
        }
        return d.argCount();
    }

    static String scheme(String url) {
        int i = url.indexOf("://");
        return i < 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
    }

    /** The path part of a URL ("/" when it has none). */
    static String path(String url) {
        int i = url.indexOf("://");
        int slash = url.indexOf('/', i < 0 ? 0 : i + 3);
        return slash < 0 ? "" : url.substring(slash);
    }

    /** scheme://host[:port] without the path, lower-cased. */
    static String origin(String url) {
        int i = url.indexOf("://");
        int slash = url.indexOf('/', i < 0 ? 0 : i + 3);
        return (slash < 0 ? url : url.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /**
     * A worker's URL as httpd compares it when it looks a worker up: scheme and host in any case, without the
     * scheme's default port, the path as written (measured with apache2 -t 2.4.71).
     */
    static String workerKey(String url) {
        String origin = origin(url);
        String path = url.substring(origin.length());
        for (String[] d : new String[][] {{"http://", ":80"}, {"ws://", ":80"}, {"https://", ":443"},
                {"wss://", ":443"}}) {
            if (origin.startsWith(d[0]) && origin.endsWith(d[1])) {
                origin = origin.substring(0, origin.length() - d[1].length());
            }
        }
        return origin + path;
    }
}
