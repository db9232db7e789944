package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the location that serves a URI exactly as ngx_http_core_find_location() does: an exact
 * ({@code =}) match wins at once; otherwise the longest prefix, whose nested locations are searched next;
 * then, unless that prefix is {@code ^~}, the regex locations of the level in file order (whose own nested
 * locations are searched in turn). Named ({@code @}) locations are never matched.
 */
final class LocationMatcher {
    /**
     * The chosen location and its enclosing locations, outermost first; empty when none matches.
     *
     * @param overruled the prefix location (other than "/") that matched longest at the level where a regex
     *                  location then won, else null
     * @param captures  the groups of the innermost regex location in the chain ($1 in its proxy_pass), else null
     */
    record Match(List<Directive> chain, boolean certain, Directive overruled, java.util.regex.MatchResult captures) {
        Directive location() {
            return chain.isEmpty() ? null : chain.get(chain.size() - 1);
        }
    }

    private enum Rc { OK, AGAIN, DECLINED }

    private boolean certain = true;
    private Directive overruled;
    private java.util.regex.MatchResult captures;

    static Match find(List<Directive> serverLevel, String uri) {
        LocationMatcher m = new LocationMatcher();
        List<Directive> chain = new ArrayList<>();
        m.find(serverLevel, uri, chain, 0);
        return new Match(List.copyOf(chain), m.certain, m.overruled, m.captures);
    }

    /** One location's match parameters. */
    record Loc(String modifier, String name) {
        static Loc of(Directive d) {
            if (d.argCount() == 2) {
                return new Loc(d.arg(0), d.arg(1));
            }
            String a = d.argCount() > 0 ? d.arg(0) : "";
            if (a.startsWith("=")) {
                return new Loc("=", a.substring(1));
            }
            if (a.startsWith("^~")) {
                // nginx accepts the modifier glued to the URI too (location ^~/static/)
                return new Loc("^~", a.substring(2));
            }
            if (a.startsWith("~*")) {
                return new Loc("~*", a.substring(2));
            }
            if (a.startsWith("~")) {
                return new Loc("~", a.substring(1));
            }
            return new Loc("", a);
        }

        boolean regex() {
            return modifier.equals("~") || modifier.equals("~*");
        }

        boolean named() {
            return modifier.isEmpty() && name.startsWith("@");
        }
    }

    private Rc find(List<Directive> level, String uri, List<Directive> chain, int depth) {
        if (depth > NginxParser.MAX_DEPTH) {
            return Rc.DECLINED;
        }
        List<Directive> locations = level.stream().filter(d -> d.name().equals("location") && d.hasBlock()).toList();
        Directive best = null;
        int bestLen = -1;
        for (Directive d : locations) {
            Loc l = Loc.of(d);
            if (Placeholders.in(l.name())) {
                certain = false; // location ${PATH} in a template: it may be the one
            }
            if (l.modifier().equals("=") && l.name().equals(uri)) {
                chain.add(d);
                return Rc.OK;
            }
            if ((l.modifier().isEmpty() && !l.named() || l.modifier().equals("^~")) && uri.startsWith(l.name())
                    && l.name().length() > bestLen) {
                best = d;
                bestLen = l.name().length();
            }
        }
        Rc rc = Rc.DECLINED;
        boolean noregex = false;
        int mark = chain.size();
        if (best != null) {
            chain.add(best);
            noregex = Loc.of(best).modifier().equals("^~");
            rc = find(best.children(), uri, chain, depth + 1);
            if (rc == Rc.OK) {
                return rc;
            }
        }
        if (!noregex) {
            for (Directive d : locations) {
                Loc l = Loc.of(d);
                if (!l.regex()) {
                    continue;
                }
                Pattern p = NginxRegex.compile(l.name(), l.modifier().equals("~*"));
                if (p == null) {
                    certain = false;
                    continue;
                }
                java.util.regex.Matcher found = dev.proxylint.source.BoundedMatch.matcher(p, uri);
                if (found.find()) {
                    captures = found.toMatchResult();
                    if (best != null && Loc.of(best).name().length() > 1) {
                        overruled = best; // a prefix written for this path, not the catch-all "/"
                    }
                    while (chain.size() > mark) {
                        chain.remove(chain.size() - 1);
                    }
                    chain.add(d);
                    find(d.children(), uri, chain, depth + 1);
                    return Rc.OK;
                }
            }
        }
        return best != null ? Rc.AGAIN : rc;
    }
}
