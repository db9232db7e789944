package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.List;
import java.util.Map;

/**
 * What every server of one {@code http} block shares, worked out once per block: its own directives (what
 * servers inherit), its maps and upstreams, whether it forwards Upgrade to all of them. A config with
 * thousands of servers would otherwise be rescanned for each one.
 */
final class NginxHttpLevel {
    static final NginxHttpLevel NONE = new NginxHttpLevel(List.of());

    private final List<Directive> all;
    /** the http level without its server blocks: what a server inherits */
    final List<Directive> inherited;
    final Map<String, Directive> maps;
    final Upstreams upstreams;
    final boolean forwardsUpgrade;
    private final java.util.Map<String, Boolean> definedCache = new java.util.HashMap<>();

    NginxHttpLevel(List<Directive> httpLevel) {
        this.all = httpLevel;
        this.inherited = httpLevel.stream().filter(d -> !(d.name().equals("server") && d.hasBlock())).toList();
        this.maps = NginxExpressions.maps(httpLevel);
        this.upstreams = new Upstreams(httpLevel);
        this.forwardsUpgrade = inherited.stream().anyMatch(NginxIntent::forwardsUpgrade);
    }

    /** Whether a {@code set}, {@code map}, {@code geo}... anywhere in this http block defines the variable. */
    boolean defines(String var) {
        return definedCache.computeIfAbsent(var.toLowerCase(java.util.Locale.ROOT),
                v -> NginxVariables.definedAnywhere(all, v));
    }
}
