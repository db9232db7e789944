package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.List;
import java.util.Set;

/**
 * The context a file's top level belongs to. A full nginx.conf is {@code main}; the files people keep in
 * conf.d/ and sites-enabled/ hold bare {@code server} (and {@code upstream}, {@code map}) blocks: {@code http};
 * a file of {@code location} blocks or {@code listen} lines is a {@code server} body.
 */
final class NginxContext {
    private static final Set<String> MAIN = Set.of("http", "events", "stream", "mail", "worker_processes",
            "user", "pid", "load_module", "daemon", "worker_rlimit_nofile", "env", "master_process",
            "worker_connections", "thread_pool", "pcre_jit", "lock_file", "working_directory");
    private static final Set<String> HTTP = Set.of("server", "upstream", "map", "geo", "log_format",
            "proxy_cache_path", "limit_req_zone", "limit_conn_zone", "split_clients", "server_names_hash_bucket_size",
            "variables_hash_max_size", "fastcgi_cache_path", "uwsgi_cache_path", "scgi_cache_path");
    private static final Set<String> SERVER = Set.of("location", "listen", "server_name", "ssl_certificate");

    private NginxContext() {
    }

    static String infer(List<Directive> top) {
        if (top.stream().anyMatch(d -> MAIN.contains(d.name()))) {
            return "main";
        }
        if (top.stream().anyMatch(d -> HTTP.contains(d.name()) && (d.hasBlock() || !d.name().equals("server")))) {
            return "http";
        }
        if (top.stream().anyMatch(d -> SERVER.contains(d.name()))) {
            return "server";
        }
        return "unknown";
    }
}
