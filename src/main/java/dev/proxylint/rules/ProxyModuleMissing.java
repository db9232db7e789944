package dev.proxylint.rules;

import dev.proxylint.apache.ApacheModules;
import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** PL105: an httpd directive or proxy target needs a module the config's LoadModule lines do not load. */
public final class ProxyModuleMissing implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Directive> root = ctx.config().root();
        List<Finding> out = new ArrayList<>();
        if (!ApacheModules.known(root)) {
            return out;
        }
        Set<String> loaded = ApacheModules.loaded(root);
        Map<String, String> lbmethods = lbmethods(root);
        walk(root, null, ctx, loaded, lbmethods, out, 0);
        return out;
    }

    private void walk(List<Directive> level, Directive section, RuleContext ctx, Set<String> loaded,
                      Map<String, String> lbmethods, List<Finding> out, int depth) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                if (depth < 64) {
                    if (d.is("Proxy") && d.argCount() > 0) {
                        report(ctx, d, needs(d.arg(0), lbmethods, true), loaded, out);
                    }
                    walk(d.children(), d, ctx, loaded, lbmethods, out, depth + 1);
                }
                continue;
            }
            Set<String> needed = new LinkedHashSet<>();
            String k = d.key();
            switch (k) {
                case "proxypass", "proxypassmatch", "proxypassreverse", "proxyset", "proxytimeout",
                     "proxypreservehost", "proxyrequests", "balancermember" -> {
                    needed.add("proxy");
                    for (int i = 0; i < d.argCount(); i++) {
                        String a = d.arg(i);
                        if (a.contains("://") && !k.equals("proxypassreverse")) {
                            needed.addAll(needs(a, lbmethods, false));
                        } else if (a.toLowerCase(Locale.ROOT).startsWith("upgrade=")) {
                            needed.add("proxy_http|proxy_wstunnel");
                        }
                    }
                }
                case "rewriterule" -> {
                    if (d.argCount() > 2 && d.arg(2).toUpperCase(Locale.ROOT).matches(".*[\\[,]\\s*(P|PROXY)\\s*[,\\]].*")) {
                        needed.add("rewrite");
                        needed.add("proxy");
                        needed.addAll(needs(d.arg(1), lbmethods, false));
                    }
                }
                case "header", "requestheader" -> needed.add("headers");
                default -> {
                }
            }
            report(ctx, d, needed, loaded, out);
        }
    }

    private static void report(RuleContext ctx, Directive d, Set<String> needed, Set<String> loaded,
                               List<Finding> out) {
        List<String> missing = new ArrayList<>();
        for (String n : needed) {
            boolean ok = false;
            for (String alt : n.split("\\|")) {
                ok |= loaded.contains(alt);
            }
            if (!ok) {
                missing.add(n.split("\\|")[0]);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String names = String.join(", ", missing.stream().map(m -> "mod_" + m).toList());
        String symptom = missing.contains("proxy") || missing.contains("rewrite") || missing.contains("headers")
                ? "httpd refuses to start (\"Invalid command '" + d.name() + "'\")"
                : "requests on this route fail with 500 (\"No protocol handler was valid for the URL\")";
        Directive last = lastLoadModule(ctx.config().root(), null, 0);
        List<Edit> edits = last == null ? List.of()
                : List.of(Edit.insertAfter(last.position(), String.join("\n", missing.stream()
                        .map(ApacheModules::loadLine).toList())));
        out.add(ctx.finding(d.position(), "\"" + d.text() + "\" needs " + names + ", which this config does not"
                + " load: " + symptom, String.join("; ", missing.stream().map(ApacheModules::loadLine).toList()))
                .withEdits(edits));
    }

    private static Directive lastLoadModule(List<Directive> level, Directive found, int depth) {
        for (Directive d : level) {
            if (d.is("LoadModule") && !d.hasBlock()) {
                found = d;
            } else if (d.hasBlock() && depth < 64 && !d.is("VirtualHost")) {
                found = lastLoadModule(d.children(), found, depth + 1);
            }
        }
        return found;
    }

    /** The modules a target URL needs (a {@code <Proxy>} section's URL: only the balancer's). */
    private static Set<String> needs(String url, Map<String, String> lbmethods, boolean section) {
        Set<String> out = new LinkedHashSet<>();
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("balancer://")) {
            out.add("proxy_balancer");
            out.add("slotmem_shm");
            String name = u.substring("balancer://".length()).split("/")[0];
            out.add("lbmethod_" + lbmethods.getOrDefault(name, "byrequests"));
        } else if (section) {
            return out;
        } else if (u.startsWith("http://") || u.startsWith("https://")) {
            out.add("proxy_http");
        } else if (u.startsWith("ws://") || u.startsWith("wss://")) {
            out.add("proxy_http|proxy_wstunnel");
        }
        return out;
    }

    /** Each balancer's lbmethod= (from ProxySet or ProxyPass), by lower-case name. */
    private static Map<String, String> lbmethods(List<Directive> root) {
        Map<String, String> out = new java.util.HashMap<>();
        collect(root, null, out, 0);
        return out;
    }

    private static void collect(List<Directive> level, String balancer, Map<String, String> out, int depth) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                String b = d.is("Proxy") && d.argCount() > 0 && d.arg(0).toLowerCase(Locale.ROOT).startsWith("balancer://")
                        ? d.arg(0).toLowerCase(Locale.ROOT).substring("balancer://".length()).split("/")[0] : balancer;
                if (depth < 64) {
                    collect(d.children(), b, out, depth + 1);
                }
                continue;
            }
            String target = balancer;
            if (d.is("ProxySet") || d.is("ProxyPass")) {
                for (int i = 0; i < d.argCount(); i++) {
                    String a = d.arg(i).toLowerCase(Locale.ROOT);
                    if (a.startsWith("balancer://")) {
                        target = a.substring("balancer://".length()).split("/")[0];
                    } else if (a.startsWith("lbmethod=") && target != null) {
                        out.put(target, a.substring("lbmethod=".length()));
                    }
                }
            }
        }
    }
}
