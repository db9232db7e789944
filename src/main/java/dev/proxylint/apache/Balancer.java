package dev.proxylint.apache;

import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@code balancer://} group: its members and balancer parameters (from ProxySet and ProxyPass). */
final class Balancer {
    /** One BalancerMember: its URL and worker parameters. */
    record Member(Directive directive, String url, Map<String, String> params) {
        /** Not a hot standby (+H), disabled (+D) or stopped (+S) member. */
        boolean active() {
            String status = params.getOrDefault("status", "").toUpperCase(Locale.ROOT);
            StringBuilder on = new StringBuilder();
            boolean plus = true;
            for (char c : status.toCharArray()) {
                if (c == '+') {
                    plus = true;
                } else if (c == '-') {
                    plus = false;
                } else if (plus) {
                    on.append(c);
                }
            }
            String flags = on.toString();
            return !(flags.contains("H") || flags.contains("D") || flags.contains("S"));
        }
    }

    final String name;
    Directive definedAt;
    final List<Member> members = new ArrayList<>();
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, Directive> paramAt = new LinkedHashMap<>();

    Balancer(String name) {
        this.name = name;
    }

    List<Member> activeMembers() {
        return members.stream().filter(Member::active).toList();
    }

    void set(Directive d, Map<String, String> p) {
        params.putAll(p);
        p.keySet().forEach(k -> paramAt.put(k, d));
    }

    /** {@code balancer://Name/path} -> {@code name} (httpd compares balancer names case-insensitively). */
    static String nameOf(String url) {
        String rest = url.substring("balancer://".length());
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    }
}
