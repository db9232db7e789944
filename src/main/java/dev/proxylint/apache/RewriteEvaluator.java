package dev.proxylint.apache;

import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * mod_rewrite in server or virtual-host context for one request: rules in order, each rule's pattern
 * matched against the URL path first, then its RewriteConds (ANDed, or [OR]ed). Conditions on what the
 * request does not tell (Host, HTTPS, files on disk) are undecidable: the outcome is then marked unsure.
 */
final class RewriteEvaluator {
    /** What the rules did: proxied to {@code url} ([P]), answered (redirect, forbidden), or passed on. */
    record Outcome(Kind kind, Directive rule, String url, boolean sure) {
        enum Kind { PROXY, ANSWER, PASS }
    }

    private final ApacheRequest request;
    private final boolean perDirectory;
    private boolean sure = true;

    /** @param perDirectory an .htaccess file: patterns see the path without its leading slash */
    RewriteEvaluator(ApacheRequest request, boolean perDirectory) {
        this.request = request;
        this.perDirectory = perDirectory;
    }

    Outcome run(List<Directive> level) {
        return run(level, perDirectory && request.path.startsWith("/") ? request.path.substring(1) : request.path);
    }

    /**
     * The rules matched against {@code subject}: the URL path, or, for per-directory rules in a
     * {@code <Location>} that ProxyPass already mapped, httpd's file name {@code proxy:http://backend/path}.
     */
    Outcome run(List<Directive> level, String subject) {
        List<Directive> conds = new ArrayList<>();
        String uri = subject;
        for (Directive d : level) {
            if (d.is("RewriteCond")) {
                conds.add(d);
                continue;
            }
            if (!d.is("RewriteRule")) {
                continue;
            }
            List<Directive> myConds = conds;
            conds = new ArrayList<>();
            if (d.argCount() < 2) {
                continue;
            }
            String flags = d.argCount() > 2 ? d.arg(2).toUpperCase(Locale.ROOT) : "";
            String pattern = d.arg(0);
            boolean negate = pattern.startsWith("!");
            Pattern p = compile(negate ? pattern.substring(1) : pattern, has(flags, "NC"));
            if (p == null) {
                sure = false;
                continue;
            }
            Matcher m = dev.proxylint.source.BoundedMatch.matcher(p, uri);
            boolean matched = m.find() != negate;
            if (!matched) {
                continue;
            }
            Boolean condsHold = conditions(myConds, negate ? null : m);
            if (condsHold == null && answers(flags, d.arg(1))) {
                // a redirect or refusal on what the request does not tell (www. to the bare host, http to
                // https): Socket.IO clients use the address it leaves alone, so the route is judged past it
                continue;
            }
            if (condsHold == null) {
                sure = false;
                continue;
            }
            if (!condsHold) {
                continue;
            }
            String subst = substitute(d.arg(1), negate ? null : m);
            if (has(flags, "P")) {
                if (subst == null) {
                    sure = false;
                    continue;
                }
                return new Outcome(Outcome.Kind.PROXY, d, subst, sure);
            }
            if (answers(flags, subst == null ? "" : subst)) {
                return new Outcome(Outcome.Kind.ANSWER, d, subst, sure);
            }
            if (has(flags, "C") || has(flags, "N") || flags.contains("S=")) {
                sure = false;
            }
            if (!d.arg(1).equals("-")) {
                if (subst == null) {
                    sure = false;
                } else {
                    int q = subst.indexOf('?');
                    uri = q >= 0 ? subst.substring(0, q) : subst;
                    sure = false; // an internal rewrite: later ProxyPass matching sees a file name, not a URL
                }
            }
            if (has(flags, "L") || has(flags, "END")) {
                break;
            }
        }
        return new Outcome(Outcome.Kind.PASS, null, null, sure);
    }

    /** Whether a rule answers the request itself (redirect, forbidden, gone) rather than proxying or rewriting. */
    private static boolean answers(String flags, String subst) {
        boolean absolute = subst.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
        return !has(flags, "P") && (has(flags, "F") || has(flags, "G") || has(flags, "R")
                || absolute && !has(flags, "PT"));
    }

    static boolean has(String flags, String flag) {
        String f = flags.replaceAll("^\\[|]$", "");
        for (String part : f.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String name = eq >= 0 ? p.substring(0, eq) : p;
            if (name.equals(flag) || flag.equals("P") && name.equals("PROXY")
                    || flag.equals("L") && name.equals("LAST") || flag.equals("NC") && name.equals("NOCASE")
                    || flag.equals("R") && name.equals("REDIRECT") || flag.equals("F") && name.equals("FORBIDDEN")
                    || flag.equals("G") && name.equals("GONE") || flag.equals("OR") && name.equals("ORNEXT")
                    || flag.equals("C") && name.equals("CHAIN") || flag.equals("N") && name.equals("NEXT")
                    || flag.equals("PT") && name.equals("PASSTHROUGH")) {
                return true;
            }
        }
        return false;
    }

    /** The rule's conditions for this request: true, false, or null when undecidable. */
    private Boolean conditions(List<Directive> conds, Matcher rule) {
        Boolean result = true;
        boolean orWithNext = false;
        Boolean pendingOr = null;
        for (Directive c : conds) {
            if (c.argCount() < 2) {
                continue;
            }
            String flags = c.argCount() > 2 ? c.arg(2).toUpperCase(Locale.ROOT) : "";
            Boolean v = condition(c.arg(0), c.arg(1), has(flags, "NC"), rule);
            boolean or = has(flags, "OR");
            if (orWithNext) {
                pendingOr = or(pendingOr, v);
            } else {
                pendingOr = v;
            }
            orWithNext = or;
            if (!or) {
                result = and(result, pendingOr);
                pendingOr = null;
            }
        }
        if (orWithNext) {
            result = and(result, pendingOr);
        }
        return result;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private Boolean condition(String testString, String condPattern, boolean nocase, Matcher rule) {
        Boolean onDisk = fileTest(testString, condPattern);
        if (onDisk != null) {
            return onDisk;
        }
        String value = expand(testString, rule);
        return value == null ? null : matches(condPattern, nocase, value);
    }

    /** Whether a RewriteCond pattern ({@code !}, {@code =}, or a regex) holds for a value; null when undecidable. */
    static Boolean matches(String condPattern, boolean nocase, String value) {
        boolean negate = condPattern.startsWith("!");
        String p = negate ? condPattern.substring(1) : condPattern;
        Boolean r;
        if (p.startsWith("=")) {
            String other = p.substring(1);
            if (other.equals("\"\"")) {
                other = "";
            }
            r = nocase ? value.equalsIgnoreCase(other) : value.equals(other);
        } else if (p.startsWith("-") && p.length() >= 2 && Character.isLetter(p.charAt(1))) {
            return null; // file tests, integer comparisons: not decided by the request
        } else if (p.startsWith("<") || p.startsWith(">")) {
            return null;
        } else {
            Pattern re = compile(p, nocase);
            if (re == null) {
                return null;
            }
            r = dev.proxylint.source.BoundedMatch.matcher(re, value).find();
        }
        return negate != r;
    }

    private static final Pattern FILE_TEST = Pattern.compile("!?-[fdslhLx]");
    private static final Pattern REQUEST_FILE = Pattern.compile(
            "(?i)%\\{(REQUEST_FILENAME|SCRIPT_FILENAME|DOCUMENT_ROOT|REQUEST_URI)}");

    /**
     * A file test on the request's file ({@code %{REQUEST_FILENAME} !-f}, the "not a static file: proxy it"
     * recipe): nothing on disk is named like the Socket.IO path, so {@code -f}/{@code -d} are false. Null when
     * the condition is something else.
     */
    private static Boolean fileTest(String testString, String condPattern) {
        if (!FILE_TEST.matcher(condPattern).matches() || !REQUEST_FILE.matcher(testString).find()) {
            return null;
        }
        return condPattern.startsWith("!");
    }

    /** Expands %{VAR} and $N in a test string; null when a variable is unknown. */
    private String expand(String s, Matcher rule) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                String v = request.variable(s.substring(i + 2, close));
                if (v == null) {
                    return null;
                }
                sb.append(v);
                i = close + 1;
            } else if (c == '$' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) && rule != null) {
                int g = s.charAt(i + 1) - '0';
                sb.append(g <= rule.groupCount() && rule.group(g) != null ? rule.group(g) : "");
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** The substitution with $N from the rule; null when it uses something unknown (%{HTTP_HOST}). */
    private String substitute(String subst, Matcher rule) {
        if (subst.equals("-")) {
            return request.path;
        }
        String s = subst.replaceAll("%\\d", "");
        return expand(s, rule);
    }

    static Pattern compile(String regex, boolean nocase) {
        try {
            return Pattern.compile(regex, nocase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    boolean sure() {
        return sure;
    }
}
