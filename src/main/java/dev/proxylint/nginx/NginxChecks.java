package dev.proxylint.nginx;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Problem;
import dev.proxylint.source.TemplateNames;
import dev.proxylint.source.Word;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks nginx makes while reading the directives proxylint relies on (block or not, argument count,
 * time and size values, duplicates, {@code if} conditions), with nginx's own wording.
 */
final class NginxChecks {
    private NginxChecks() {
    }

    static void check(List<Directive> root, String context, List<Problem> out) {
        String parent = switch (context) {
            case "main" -> "";
            case "http" -> "http";
            case "server" -> "server";
            default -> "location";
        };
        checkBlock(root, parent, out, 0);
    }

    private static void checkBlock(List<Directive> dirs, String parent, List<Problem> out, int depth) {
        if (depth > NginxParser.MAX_DEPTH) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> locations = new HashSet<>();
        for (Directive d : dirs) {
            if (d.name().equals("location") && d.hasBlock() && d.argCount() > 0) {
                LocationMatcher.Loc l = LocationMatcher.Loc.of(d);
                if (!l.regex() && !l.named() && !locations.add((l.modifier().equals("=") ? "=" : "") + l.name())) {
                    // nginx cannot build its location tree: structural
                    out.add(new Problem("PL001", d.position(), "nginx would refuse this file: duplicate location \""
                            + l.name() + "\"", null));
                }
            }
            String name = d.name();
            NginxDirectives.Spec spec = NginxDirectives.spec(name, parent);
            if (spec != null) {
                checkOne(d, spec, parent, seen, out);
            }
            if (name.equals("upstream") && d.hasBlock() && d.rawBody() == null) {
                checkUpstream(d.block(), out);
            }
            if (d.hasBlock() && d.rawBody() == null && !NginxDirectives.DATA_BLOCKS.contains(name)) {
                checkUriPartAllowed(d, out);
                checkBlock(d.block(), name, out, depth + 1);
            }
        }
    }

    private static void checkOne(Directive d, NginxDirectives.Spec spec, String parent, Set<String> seen,
                                 List<Problem> out) {
        String name = d.name();
        boolean wantsBlock = spec.kind() != NginxDirectives.Kind.SIMPLE;
        if (wantsBlock && !d.hasBlock()) {
            out.add(error(d, "directive \"" + name + "\" has no opening \"{\""));
            return;
        }
        if (!wantsBlock && d.hasBlock()) {
            out.add(error(d, "directive \"" + name + "\" is not terminated by \";\""));
            return;
        }
        int n = d.argCount();
        if (n < spec.minArgs() || n > spec.maxArgs()) {
            out.add(error(d, "invalid number of arguments in \"" + name + "\" directive"));
            return;
        }
        if (spec.unique() && !seen.add(name)) {
            out.add(error(d, "\"" + name + "\" directive is duplicate"));
            return;
        }
        if (d.args().stream().noneMatch(w -> Placeholders.in(w.value()))) {
            checkArguments(d, spec, parent, n, out);
        } else if (!TemplateNames.isTemplate(d.position().file())) {
            // a rendered file with a placeholder left in (envsubst leaves unknown names as they are); in a
            // template the ${VALUE} is filled in before nginx reads it
            List<Problem> found = new ArrayList<>();
            checkArguments(d, spec, parent, n, found);
            found.forEach(p -> out.add(new Problem(p.ruleId(), p.position(), p.message() + "; it holds a template"
                    + " placeholder that was never filled in", p.fix(), p.structural())));
        }
    }

    private static void checkArguments(Directive d, NginxDirectives.Spec spec, String parent, int n,
                                       List<Problem> out) {
        String name = d.name();
        switch (spec.type()) {
            case TIME -> {
                if (NginxValues.parseMillis(d.arg(0)) < 0) {
                    out.add(error(d, "\"" + name + "\" directive invalid value (\"" + d.arg(0)
                            + "\" is not an nginx time: use ms, s, m, h, d or w, e.g. 60s)"));
                }
            }
            case SIZE -> {
                if (NginxValues.parseSize(d.arg(0)) < 0) {
                    out.add(error(d, "\"" + name + "\" directive invalid value (\"" + d.arg(0)
                            + "\" is not an nginx size: a number with k, m or g, e.g. 10m)"));
                }
            }
            case HTTP_VERSION -> {
                if (!Set.of("1.0", "1.1", "2").contains(d.arg(0))) {
                    out.add(error(d, "invalid value \"" + d.arg(0) + "\" in \"" + name
                            + "\" (nginx accepts 1.0, 1.1 and, since 1.29, 2)"));
                }
            }
            default -> {
            }
        }
        switch (name) {
            case "if" -> {
                String problem = ifConditionProblem(d.args());
                if (problem != null) {
                    out.add(error(d, problem));
                }
            }
            case "hash" -> {
                if (n == 2 && !d.arg(1).equals("consistent")) {
                    out.add(error(d, "invalid parameter \"" + d.arg(1) + "\""));
                }
            }
            case "proxy_pass" -> {
                // http's proxy_pass lives in location, if and limit_except; stream's takes host:port
                boolean http = Set.of("location", "if", "limit_except").contains(parent);
                String problem = http ? proxyPassProblem(d.arg(0)) : null;
                if (problem != null) {
                    out.add(error(d, problem));
                }
            }
            default -> {
            }
        }
    }

    /**
     * ngx_http_proxy_pass(): where nginx cannot know which part of the URI to replace (a regex or named location,
     * an "if", a "limit_except"), a proxy_pass without variables may not have a URI part, not even "/".
     */
    private static void checkUriPartAllowed(Directive block, List<Problem> out) {
        boolean forbidden = switch (block.name()) {
            case "if", "limit_except" -> true;
            case "location" -> {
                LocationMatcher.Loc l = block.argCount() > 0 ? LocationMatcher.Loc.of(block) : null;
                yield l != null && (l.regex() || l.named());
            }
            default -> false;
        };
        if (!forbidden) {
            return;
        }
        for (Directive d : block.block()) {
            if (d.name().equals("proxy_pass") && !d.hasBlock() && d.argCount() == 1 && hasUriPart(d.arg(0))) {
                out.add(error(d, "\"proxy_pass\" cannot have URI part in location given by regular expression, or"
                        + " inside named location, or inside \"if\" statement, or inside \"limit_except\" block"));
            }
        }
    }

    /** A URL without variables that has a URI part after its address (http://app/ has "/"). */
    private static boolean hasUriPart(String url) {
        if (url.contains("$")) {
            return false;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return false;
        }
        String rest = url.substring(scheme + 3);
        if (rest.regionMatches(true, 0, "unix:", 0, 5)) {
            return rest.indexOf(':', 5) >= 0; // unix:/path:/uri
        }
        return rest.indexOf('/') >= 0 || rest.indexOf('?') >= 0;
    }

    /**
     * What ngx_http_proxy_pass() and ngx_parse_url() say about a URL without variables (with variables nginx
     * parses it per request): the scheme, and a port of 1 to 65535 where one is written. Host names are not
     * checked: whether they resolve depends on the machine.
     */
    static String proxyPassProblem(String url) {
        if (url.contains("$")) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        String rest;
        if (lower.startsWith("http://")) {
            rest = url.substring(7);
        } else if (lower.startsWith("https://")) {
            rest = url.substring(8);
        } else {
            return "invalid URL prefix";
        }
        if (rest.toLowerCase(java.util.Locale.ROOT).startsWith("unix:")) {
            return null;
        }
        int end = rest.length(); // ngx_parse_inet_url: the host[:port] ends at the URI or the arguments
        for (char c : new char[] {'/', '?'}) {
            int at = rest.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String authority = rest.substring(0, end);
        int close = authority.startsWith("[") ? authority.indexOf(']') : -1;
        int colon = authority.indexOf(':', Math.max(close, 0));
        if (colon < 0) {
            return null;
        }
        String port = authority.substring(colon + 1);
        String digits = port.replaceFirst("^0+(?=\\d)", ""); // ngx_atoi takes leading zeros
        boolean valid = digits.matches("\\d{1,5}") && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535;
        return valid ? null : "invalid port in upstream \"" + rest + "\"";
    }

    /**
     * ngx_http_upstream_server(): once ip_hash, hash or random is set, a following server may not be a
     * {@code backup} (those methods drop the flag; a balancer set after the servers is accepted).
     */
    private static void checkUpstream(List<Directive> dirs, List<Problem> out) {
        Directive method = null;
        for (Directive d : dirs) {
            switch (d.name()) {
                case "ip_hash", "hash", "random" -> method = d;
                case "least_conn" -> method = null;
                case "server" -> {
                    if (method != null && d.args().stream().skip(1).anyMatch(w -> w.value().equals("backup"))) {
                        out.add(error(d, "balancing method does not support parameter \"backup\" (\""
                                + method.text() + "\" comes before it): drop backup from this server"));
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * An argument error. When the directive's words run over several lines, a ';' is most likely missing and
     * the next directive was read as arguments: the tree is not what the author meant, so it counts as
     * structural (the other rules do not run).
     */
    private static Problem error(Directive d, String nginxSays) {
        int first = d.position().line();
        boolean spansLines = d.args().stream().anyMatch(w -> w.position().line() != first);
        String message = "nginx would refuse this file: " + nginxSays;
        return spansLines ? new Problem("PL001", d.position(), message, null) : Problem.argument(d.position(), message);
    }

    /** ngx_http_rewrite_if_condition(): null when nginx accepts the condition, else what it says. */
    static String ifConditionProblem(List<Word> args) {
        String[] v = args.stream().map(Word::value).toArray(String[]::new);
        int last = v.length - 1;
        if (v[0].isEmpty() || v[0].charAt(0) != '(') {
            return "invalid condition \"" + v[0] + "\"";
        }
        int cur;
        if (v[0].length() == 1) {
            cur = 1;
        } else {
            cur = 0;
            v[0] = v[0].substring(1);
        }
        if (v[last].isEmpty() || v[last].charAt(v[last].length() - 1) != ')') {
            return "invalid condition \"" + v[last] + "\"";
        }
        if (v[last].length() == 1) {
            last--;
        } else {
            v[last] = v[last].substring(0, v[last].length() - 1);
        }
        if (cur > last || cur >= v.length) {
            return "invalid condition \"" + (cur < v.length ? v[cur] : "") + "\"";
        }
        String p = v[cur];
        if (p.length() > 1 && p.charAt(0) == '$') {
            if (cur != last && cur + 2 != last) {
                return "invalid condition \"" + p + "\"";
            }
            if (cur == last) {
                return null;
            }
            String op = v[cur + 1];
            if (Set.of("=", "!=", "~", "~*", "!~", "!~*").contains(op)) {
                return null;
            }
            return "unexpected \"" + op + "\" in condition";
        }
        if ((p.length() == 2 && p.charAt(0) == '-') || (p.length() == 3 && p.startsWith("!-"))) {
            if (cur + 1 != last) {
                return "invalid condition \"" + p + "\"";
            }
            char t = p.charAt(p.length() - 1);
            if (t == 'f' || t == 'd' || t == 'e' || t == 'x') {
                return null;
            }
        }
        return "invalid condition \"" + p + "\"";
    }
}
