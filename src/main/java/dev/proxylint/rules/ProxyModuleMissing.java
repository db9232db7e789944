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
        // each missing module once, at the first directive that needs it (where httpd would stop)
        Map<String, Directive> firstNeed = new java.util.LinkedHashMap<>();
        walk(root, lbmethods(root), loaded, firstNeed, 0);
        Directive last = lastLoadModule(root, null, 0);
        // one finding per directive, naming every module it is the first to need
        Map<Directive, List<String>> byDirective = new java.util.LinkedHashMap<>();
        firstNeed.forEach((module, d) -> byDirective.computeIfAbsent(d, k -> new ArrayList<>()).add(module));
        for (Map.Entry<Directive, List<String>> e : byDirective.entrySet()) {
            Directive d = e.getKey();
            List<String> modules = e.getValue();
            String lines = String.join("\n", modules.stream().map(ApacheModules::loadLine).toList());
            List<Edit> edits = last == null ? List.of() : List.of(Edit.insertAfter(last.position(), lines));
            String text = d.hasBlock() ? "<" + d.name() + (d.argCount() > 0 ? " " + d.argsText() : "") + ">" : d.text();
            out.add(ctx.finding(d.position(), "\"" + text + "\" needs " + String.join(", ", modules.stream()
                    .map(m -> "mod_" + m).toList()) + ", which this config does not load: "
                    + symptom(modules, d), lines.replace("\n", "; ")).withEdits(edits));
        }
        return out;
    }

    /** The worst of what the missing modules do: httpd refuses to start, else the route fails with 500. */
    private static String symptom(List<String> modules, Directive d) {
        return modules.stream().map(m -> symptom(m, d)).filter(x -> x.startsWith("httpd refuses")).findFirst()
                .orElse(symptom(modules.get(0), d));
    }

    private static String symptom(String module, Directive d) {
        return switch (module) {
            case "proxy", "rewrite", "headers" -> "httpd refuses to start (\"Invalid command '" + d.name() + "'\")";
            case "slotmem_shm" -> "httpd refuses to start (AH01177: Failed to lookup provider 'shm' for 'slotmem')";
            default -> module.startsWith("lbmethod_")
                    ? "httpd refuses to start (AH02432: Cannot find LB Method: " + module.substring(9) + ")"
                    : "requests on this route fail with 500 (\"No protocol handler was valid for the URL\")";
        };
    }

    private void walk(List<Directive> level, Map<String, String> lbmethods, Set<String> loaded,
                      Map<String, Directive> firstNeed, int depth) {
        for (Directive d : level) {
            if (d.hasBlock()) {
                if (depth < 64) {
                    if (d.is("Proxy") && d.argCount() > 0) {
                        need(d, Set.of("proxy"), loaded, firstNeed);
                        need(d, needs(d.arg(0), lbmethods, true), loaded, firstNeed);
                    }
                    walk(d.children(), lbmethods, loaded, firstNeed, depth + 1);
                }
                continue;
            }
            Set<String> needed = new LinkedHashSet<>();
            String k = d.key();
            if (k.startsWith("proxy") || k.equals("balancermember")) {
                needed.add("proxy");
                for (int i = 0; i < d.argCount(); i++) {
                    String a = d.arg(i);
                    if (a.contains("://") && !k.equals("proxypassreverse") && !k.equals("proxypassreversecookiepath")) {
                        needed.addAll(needs(a, lbmethods, false));
                    } else if (a.toLowerCase(Locale.ROOT).startsWith("upgrade=")) {
                        needed.add("proxy_http|proxy_wstunnel");
                    }
                }
            } else if (k.startsWith("rewrite")) {
                needed.add("rewrite");
                if (k.equals("rewriterule") && d.argCount() > 2
                        && d.arg(2).toUpperCase(Locale.ROOT).matches(".*[\\[,]\\s*(P|PROXY)\\s*[,\\]].*")) {
                    needed.add("proxy");
                    needed.addAll(needs(d.arg(1), lbmethods, false));
                }
            } else if (k.equals("header") || k.equals("requestheader")) {
                needed.add("headers");
            }
            need(d, needed, loaded, firstNeed);
        }
    }

    /** Records the modules {@code d} needs that are not loaded (alternatives written a|b), first use only. */
    private static void need(Directive d, Set<String> needed, Set<String> loaded, Map<String, Directive> firstNeed) {
        for (String n : needed) {
            boolean ok = false;
            for (String alt : n.split("\\|")) {
                ok |= loaded.contains(alt);
            }
            if (!ok) {
                firstNeed.putIfAbsent(n.split("\\|")[0], d);
            }
        }
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
