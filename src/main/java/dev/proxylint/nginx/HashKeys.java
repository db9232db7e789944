package dev.proxylint.nginx;

import java.util.Set;

/**
 * Whether an upstream {@code hash} key pins one Socket.IO client to one node (lab rows l1, l2: PL302).
 */
final class HashKeys {
    private static final Set<String> CLIENT_STABLE = Set.of("remote_addr", "binary_remote_addr",
            "http_x_forwarded_for", "http_x_real_ip", "realip_remote_addr",
            "proxy_add_x_forwarded_for", // "$http_x_forwarded_for, $remote_addr", or $remote_addr alone
            "http_cf_connecting_ip", "http_true_client_ip"); // the visitor's address, set by Cloudflare / Akamai
    private static final Set<String> PER_REQUEST = Set.of("request_uri", "request_id", "msec", "args",
            "query_string", "arg_t", "request_time", "time_local", "time_iso8601", "connection",
            "connection_requests", "remote_port", "request_length", "pid");

    private HashKeys() {
    }

    /** Why the key does not pin a client, or null when it does. {@code vars}: the key's base variables. */
    static String problem(String key, Set<String> vars) {
        if (Placeholders.in(key)) {
            return null; // a template's ${KEY}: what it becomes is not known here
        }
        for (String v : vars) {
            if (PER_REQUEST.contains(v)) {
                String why = v.equals("request_uri") || v.equals("args") || v.equals("query_string")
                        || v.equals("arg_t")
                        ? "engine.io-client adds a random t= parameter to every polling request"
                        : "it changes with every request";
                return "the key " + key + " varies per request ($" + v + ": " + why
                        + "), so one session's requests land on different nodes";
            }
        }
        // alone the variable leaves the key empty on the handshake; with anything else it changes after it
        boolean alone = key.matches("\\$\\{?(arg_sid|cookie_io)}?");
        String missing = alone ? " is empty on the first request" : " changes after the first request";
        if (vars.contains("arg_sid")) {
            return "the key " + key + missing + " ($arg_sid: the handshake carries no sid"
                    + (alone ? ", so nginx balances it round robin)" : ")") + " and later requests hash elsewhere";
        }
        if (vars.contains("cookie_io")) {
            // lab (review 4): 0/30 polling clients with Socket.IO 4 defaults, about half with cookie: true
            return "the key " + key + missing + " ($cookie_io: the Socket.IO server sets"
                    + " the io cookie in its handshake response, and only when its cookie option is on, off by"
                    + " default since v3)" + (alone ? ", so nginx balances the handshake round robin and" : ", and")
                    + " later requests hash elsewhere";
        }
        boolean stable = vars.stream().anyMatch(v -> CLIENT_STABLE.contains(v) || v.startsWith("cookie_"));
        String arg = vars.stream().filter(v -> v.startsWith("arg_")).findFirst().orElse(null);
        if (!stable && arg != null) {
            // works only for clients that send the argument on every request (io(url, { query: {...} }))
            return "the key " + key + " is empty unless every client passes ?" + arg.substring(4) + "=... in"
                    + " its query (io(url, { query: { " + arg.substring(4) + " } })): nginx balances requests with"
                    + " an empty key round robin, so those clients' requests land on different nodes";
        }
        if (!stable) {
            return "the key " + key + " holds nothing that identifies the client ($remote_addr,"
                    + " $binary_remote_addr, a $cookie_*, $http_x_forwarded_for, $http_x_real_ip)";
        }
        return null;
    }
}
