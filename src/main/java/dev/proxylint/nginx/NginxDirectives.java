package dev.proxylint.nginx;

import java.util.Map;
import java.util.Set;

/**
 * What proxylint knows about the nginx directives it reads (crossplane keeps this as data, so do we):
 * block or not, how many arguments, and the argument type nginx checks. Directives not listed here are
 * accepted as written: nginx modules are many and a false syntax error costs more than a miss.
 */
final class NginxDirectives {
    enum Kind { BLOCK, SIMPLE, DATA_BLOCK }

    enum Type { ANY, TIME, SIZE, HTTP_VERSION }

    record Spec(Kind kind, int minArgs, int maxArgs, Type type, boolean unique) {
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("http", new Spec(Kind.BLOCK, 0, 0, Type.ANY, false)),
            Map.entry("events", new Spec(Kind.BLOCK, 0, 0, Type.ANY, false)),
            Map.entry("location", new Spec(Kind.BLOCK, 1, 2, Type.ANY, false)),
            Map.entry("upstream", new Spec(Kind.BLOCK, 1, 1, Type.ANY, false)),
            Map.entry("if", new Spec(Kind.BLOCK, 1, MANY, Type.ANY, false)),
            Map.entry("limit_except", new Spec(Kind.BLOCK, 1, MANY, Type.ANY, false)),
            Map.entry("map", new Spec(Kind.DATA_BLOCK, 2, 2, Type.ANY, false)),
            Map.entry("geo", new Spec(Kind.DATA_BLOCK, 1, 2, Type.ANY, false)),
            Map.entry("split_clients", new Spec(Kind.DATA_BLOCK, 2, 2, Type.ANY, false)),
            Map.entry("types", new Spec(Kind.DATA_BLOCK, 0, 0, Type.ANY, false)),
            Map.entry("charset_map", new Spec(Kind.DATA_BLOCK, 2, 2, Type.ANY, false)),
            Map.entry("proxy_pass", new Spec(Kind.SIMPLE, 1, 1, Type.ANY, true)),
            Map.entry("proxy_set_header", new Spec(Kind.SIMPLE, 2, 2, Type.ANY, false)),
            Map.entry("proxy_read_timeout", new Spec(Kind.SIMPLE, 1, 1, Type.TIME, true)),
            Map.entry("proxy_send_timeout", new Spec(Kind.SIMPLE, 1, 1, Type.TIME, true)),
            Map.entry("proxy_connect_timeout", new Spec(Kind.SIMPLE, 1, 1, Type.TIME, true)),
            Map.entry("proxy_http_version", new Spec(Kind.SIMPLE, 1, 1, Type.HTTP_VERSION, true)),
            Map.entry("client_max_body_size", new Spec(Kind.SIMPLE, 1, 1, Type.SIZE, true)),
            Map.entry("ip_hash", new Spec(Kind.SIMPLE, 0, 0, Type.ANY, false)),
            Map.entry("hash", new Spec(Kind.SIMPLE, 1, 2, Type.ANY, false)),
            Map.entry("return", new Spec(Kind.SIMPLE, 1, 2, Type.ANY, false)),
            Map.entry("set", new Spec(Kind.SIMPLE, 2, 2, Type.ANY, false)),
            Map.entry("try_files", new Spec(Kind.SIMPLE, 2, MANY, Type.ANY, false)),
            Map.entry("include", new Spec(Kind.SIMPLE, 1, 1, Type.ANY, false)),
            // core directives that are never blocks: only "is not terminated by ;" is checked
            Map.entry("listen", new Spec(Kind.SIMPLE, 1, MANY, Type.ANY, false)),
            Map.entry("server_name", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("root", new Spec(Kind.SIMPLE, 1, 1, Type.ANY, false)),
            Map.entry("alias", new Spec(Kind.SIMPLE, 1, 1, Type.ANY, false)),
            Map.entry("index", new Spec(Kind.SIMPLE, 1, MANY, Type.ANY, false)),
            Map.entry("rewrite", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("add_header", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("access_log", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("error_log", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("error_page", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("proxy_redirect", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("proxy_buffering", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("keepalive_timeout", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("ssl_certificate", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("ssl_certificate_key", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("worker_processes", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)),
            Map.entry("worker_connections", new Spec(Kind.SIMPLE, 0, MANY, Type.ANY, false)));

    /** Blocks whose body is data (map entries, MIME types), not directives. */
    static final Set<String> DATA_BLOCKS = Set.of("map", "geo", "split_clients", "types", "charset_map", "match");

    private NginxDirectives() {
    }

    /** The spec for a directive in a block named {@code parent} ("" at top level), or null if unknown. */
    static Spec spec(String name, String parent) {
        if (name.equals("server")) {
            return parent.equals("upstream") ? new Spec(Kind.SIMPLE, 1, MANY, Type.ANY, false)
                    : new Spec(Kind.BLOCK, 0, 0, Type.ANY, false);
        }
        return SPECS.get(name);
    }
}
