package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.List;
import java.util.Set;

/** nginx's built-in variables, and where a config defines its own. */
final class NginxVariables {
    private static final Set<String> BUILTIN = Set.of("ancient_browser", "arg", "args", "binary_remote_addr",
            "body_bytes_sent", "bytes_received", "bytes_sent", "connection", "connection_requests",
            "connection_time", "connections_active", "connections_reading", "connections_waiting",
            "connections_writing", "content_length", "content_type", "date_gmt", "date_local", "document_root",
            "document_uri", "fastcgi_path_info", "fastcgi_script_name", "gzip_ratio", "host", "hostname",
            "https", "invalid_referer", "is_args", "limit_rate", "limit_conn_status", "limit_req_status",
            "memcached_key", "modern_browser", "msec", "msie", "nginx_version", "pid", "pipe", "proxy_add_via",
            "proxy_add_x_forwarded_for", "proxy_host", "proxy_internal_body_length", "proxy_port",
            "proxy_protocol_addr", "proxy_protocol_port", "proxy_protocol_server_addr",
            "proxy_protocol_server_port", "query_string", "realip_remote_addr", "realip_remote_port",
            "realpath_root", "remote_addr", "remote_port", "remote_user", "request", "request_body",
            "request_body_file", "request_completion", "request_filename", "request_id", "request_length",
            "request_method", "request_time", "request_uri", "scheme", "secure_link", "secure_link_expires",
            "server_addr", "server_name", "server_port", "server_protocol", "status", "tcpinfo_rtt",
            "tcpinfo_rttvar", "tcpinfo_snd_cwnd", "tcpinfo_rcv_space", "time_iso8601", "time_local", "uid_got",
            "uid_reset", "uid_set", "uri", "upstream_addr", "upstream_status", "http2", "http3", "ssl_protocol",
            "ssl_cipher", "ssl_server_name", "geoip_country_code");

    private NginxVariables() {
    }

    static boolean isBuiltin(String var) {
        return BUILTIN.contains(var) || var.chars().allMatch(Character::isDigit);
    }

    /** A {@code set}, {@code map}, {@code geo}, {@code split_clients} or module directive defining {@code $var}. */
    static boolean definedAnywhere(List<Directive> level, String var) {
        return definedAnywhere(level, var, 0);
    }

    private static boolean definedAnywhere(List<Directive> level, String var, int depth) {
        if (depth > NginxParser.MAX_DEPTH) {
            return true;
        }
        for (Directive d : level) {
            String n = d.name();
            boolean defining = n.equals("set") || n.equals("map") || n.equals("geo") || n.equals("split_clients")
                    || n.equals("perl_set") || n.equals("js_set") || n.startsWith("set_") || n.equals("geoip2")
                    || n.equals("auth_request_set") || n.equals("secure_link");
            if (defining) {
                for (int i = 0; i < d.argCount(); i++) {
                    if (NginxExpressions.stripDollar(d.arg(i)).equalsIgnoreCase(var)) {
                        return true;
                    }
                }
            }
            if (d.hasBlock() && definedAnywhere(d.children(), var, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
