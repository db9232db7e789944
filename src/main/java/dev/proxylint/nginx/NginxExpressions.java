package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates nginx complex values ({@code "$scheme://$host"}) for one request, following variables through
 * {@code set} and {@code map} as nginx does. A value that depends on something proxylint cannot know (the
 * client's address, a cookie) evaluates to null: rules then stay quiet rather than guess.
 */
final class NginxExpressions {
    private static final Pattern VAR = Pattern.compile("\\$(?:\\{([A-Za-z0-9_]+)}|([A-Za-z0-9_]+))");
    private static final int MAX_DEPTH = 32;

    private final NginxRequest request;
    private final Map<String, Directive> maps;
    private final Map<String, String> sets = new HashMap<>();
    private final Map<String, List<String>> setSources = new HashMap<>();
    String uri;
    /** $0..$9 of the last regex that matched (a regex location, a rewrite), or null when none did */
    private List<String> captures;

    NginxExpressions(NginxRequest request, Map<String, Directive> maps) {
        this.request = request;
        this.maps = maps;
        this.uri = request.path;
    }

    /** All {@code map} blocks of an http context by the variable they define (without $). */
    static Map<String, Directive> maps(List<Directive> httpLevel) {
        Map<String, Directive> out = new HashMap<>();
        for (Directive d : httpLevel) {
            if (d.name().equals("map") && d.hasBlock() && d.argCount() == 2) {
                out.put(stripDollar(d.arg(1)), d);
            }
        }
        return out;
    }

    static String stripDollar(String v) {
        String s = v.startsWith("$") ? v.substring(1) : v;
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    boolean definesMap(String variable) {
        return maps.containsKey(variable);
    }

    Directive map(String variable) {
        return maps.get(variable);
    }

    /** Runs a {@code set $var value;} in rewrite-phase order. */
    void set(Directive d) {
        if (d.argCount() != 2) {
            return;
        }
        String name = stripDollar(d.arg(0));
        sets.put(name, eval(d.arg(1)));
        setSources.computeIfAbsent(name, k -> new ArrayList<>()).add(d.arg(1));
    }

    /** Records the groups of a regex match: nginx's $0..$9 until the next regex matches. */
    void captured(java.util.regex.MatchResult m) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i <= m.groupCount(); i++) {
            groups.add(m.group(i) == null ? "" : m.group(i));
        }
        captures = groups;
    }

    /** The value of a complex value for this request, or null when it is not known. */
    String eval(String complex) {
        return eval(complex, 0);
    }

    private String eval(String complex, int depth) {
        if (complex == null || depth > MAX_DEPTH) {
            return null;
        }
        Matcher m = VAR.matcher(complex);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(complex, last, m.start());
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String v = variable(name, depth + 1);
            if (v == null) {
                return null;
            }
            sb.append(v);
            last = m.end();
        }
        sb.append(complex.substring(last));
        return sb.toString();
    }

    String variable(String name, int depth) {
        String n = name.toLowerCase(Locale.ROOT);
        if (sets.containsKey(n)) {
            return sets.get(n);
        }
        if (maps.containsKey(n)) {
            return evalMap(maps.get(n), depth);
        }
        switch (n) {
            case "uri", "document_uri":
                return uri;
            case "request_uri":
                return request.path + "?" + request.args;
            case "args", "query_string":
                return request.args;
            case "is_args":
                return "?";
            case "request_method":
                return "GET";
            case "server_protocol":
                return "HTTP/1.1";
            default:
                break;
        }
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
            // a capture: nginx gives "" for a group the regex does not have
            int i = n.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(n);
            return captures == null ? null : i < captures.size() ? captures.get(i) : "";
        }
        if (n.startsWith("arg_")) {
            return request.arg(n.substring(4));
        }
        if (n.startsWith("http_")) {
            return request.header(n.substring(5));
        }
        return null;
    }

    /** ngx_http_map_find(): exact keys case-insensitively, then regexes in order (non-empty values), then default. */
    private String evalMap(Directive map, int depth) {
        String source = eval(map.arg(0), depth + 1);
        String dflt = "";
        List<String[]> regexes = new ArrayList<>();
        Map<String, String> exact = new HashMap<>();
        for (Directive e : map.children()) {
            String key = e.name();
            if (e.argCount() == 0) {
                continue; // hostnames; volatile;
            }
            String value = e.arg(0);
            if (key.equals("default")) {
                dflt = value;
            } else if (key.equals("include")) {
                continue;
            } else if (key.startsWith("~")) {
                regexes.add(new String[] {key, value});
            } else {
                String k = key.startsWith("\\") ? key.substring(1) : key;
                exact.putIfAbsent(k.toLowerCase(Locale.ROOT), value);
            }
        }
        if (source == null) {
            // unknown input: known only if every branch gives the same value
            Set<String> outcomes = new LinkedHashSet<>(exact.values());
            regexes.forEach(r -> outcomes.add(r[1]));
            outcomes.add(dflt);
            return outcomes.size() == 1 ? eval(outcomes.iterator().next(), depth + 1) : null;
        }
        String hit = exact.get(source.toLowerCase(Locale.ROOT));
        if (hit != null) {
            return eval(hit, depth + 1);
        }
        if (!source.isEmpty()) {
            for (String[] r : regexes) {
                Pattern p = NginxRegex.compile(r[0].startsWith("~*") ? r[0].substring(2) : r[0].substring(1),
                        r[0].startsWith("~*"));
                if (p == null) {
                    return null;
                }
                if (dev.proxylint.source.BoundedMatch.matcher(p, source).find()) {
                    return eval(r[1], depth + 1);
                }
            }
        }
        return eval(dflt, depth + 1);
    }

    /** The variables a complex value reads, directly and through set and map, without $. */
    Set<String> baseVariables(String complex) {
        Set<String> out = new LinkedHashSet<>();
        collect(complex, out, new LinkedHashSet<>(), 0);
        return out;
    }

    private void collect(String complex, Set<String> out, Set<String> seen, int depth) {
        if (complex == null || depth > MAX_DEPTH) {
            return;
        }
        Matcher m = VAR.matcher(complex);
        while (m.find()) {
            String n = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            if (!seen.add(n)) {
                continue;
            }
            if (setSources.containsKey(n)) {
                for (String src : setSources.get(n)) {
                    collect(src, out, seen, depth + 1);
                }
            } else if (maps.containsKey(n)) {
                Directive map = maps.get(n);
                collect(map.arg(0), out, seen, depth + 1);
                for (Directive e : map.children()) {
                    if (e.argCount() > 0) {
                        collect(e.arg(0), out, seen, depth + 1);
                    }
                }
            } else {
                out.add(n);
            }
        }
    }

    /** Variable names in a complex value (without $), as written. */
    static List<String> variablesIn(String complex) {
        List<String> out = new ArrayList<>();
        Matcher m = VAR.matcher(complex);
        while (m.find()) {
            out.add((m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
