package dev.proxylint.apache;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Word;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks httpd makes while reading the directives proxylint relies on, with httpd's own messages
 * (verified with apache2 -t 2.4.71). httpd has no end-of-line comments: a trailing {@code # ...} is read
 * as more arguments, which these directives refuse.
 */
final class ApacheChecks {
    static final Set<String> WORKER_PARAMS = Set.of("loadfactor", "retry", "ttl", "min", "max", "smax", "acquire",
            "timeout", "iobuffersize", "receivebuffersize", "keepalive", "disablereuse", "enablereuse", "route",
            "redirect", "status", "flushpackets", "flushwait", "ping", "lbset", "connectiontimeout", "upgrade",
            "secret", "responsefieldsize", "addressttl", "mapping", "flusher");
    static final Set<String> BALANCER_PARAMS = Set.of("timeout", "stickysession", "stickysessionsep",
            "scolonpathdelim", "maxattempts", "nofailover", "lbmethod", "growth", "forcerecovery", "failonstatus",
            "failontimeout", "nonce", "mapping");
    private static final Set<String> PASS_FLAGS = Set.of("nocanon", "interpolate", "noquery");

    private ApacheChecks() {
    }

    /** What httpd would say about this directive, or null when it accepts it. */
    static String check(Directive d, String section) {
        return check(d, section, "");
    }

    /** @param sectionArg the enclosing section's first argument ({@code <Proxy balancer://x>}: the URL) */
    static String check(Directive d, String section, String sectionArg) {
        List<Word> a = d.args();
        if (section.equals(".htaccess") && NOT_IN_HTACCESS.contains(d.key())) {
            return d.name() + " not allowed here (.htaccess): httpd answers 500 Internal Server Error for every"
                    + " request in this directory";
        }
        if (section.equals(".htaccess")) {
            section = "";
        }
        return switch (d.key()) {
            case "proxytimeout" -> {
                if (!section.isEmpty() && !section.equals("virtualhost")) {
                    yield "ProxyTimeout not allowed in <" + sectionName(section) + "> context";
                }
                if (a.size() != 1) {
                    yield "ProxyTimeout takes one argument, Set the timeout (in seconds) for a proxied connection."
                            + " This overrides the server timeout";
                }
                yield refusedSeconds(a.get(0).value()) ? "Proxy Timeout must be at least 1 second." : null;
            }
            case "timeout" -> !section.isEmpty() && !section.equals("virtualhost")
                    ? "Timeout not allowed in <" + sectionName(section) + "> context"
                    : a.size() != 1 ? "Timeout takes one argument, Timeout duration (sec)" : null;
            case "limitrequestbody" -> a.size() != 1
                    ? "LimitRequestBody takes one argument, Limit (in bytes) on maximum size of request message body"
                    : null;
            case "loadmodule" -> a.size() != 2 ? "LoadModule takes two arguments, a module name and the name of a"
                    + " shared object file to load it from" : moduleFile(a.get(0).value(), a.get(1).value());
            case "proxypass", "proxypassmatch" -> proxyPass(a, section);
            case "proxypassreverse" -> proxyPassReverse(a, section);
            case "balancermember" -> balancerMember(a, section);
            case "proxyset" -> proxySet(a, section, sectionArg);
            case "rewriterule", "rewritecond" -> rewrite(d.key().equals("rewriterule") ? "RewriteRule" : "RewriteCond", a);
            case "header" -> header(a, true);
            case "requestheader" -> header(a, false);
            default -> null;
        };
    }

    /**
     * mod_rewrite's own checks of its argument line: a pattern and a substitution (or test string and
     * pattern), then flags that must be bracketed; words after the flags are ignored (so a trailing comment
     * there is harmless).
     */
    private static String rewrite(String name, List<Word> args) {
        String line = String.join(" ", args.stream().map(Word::raw).toList());
        List<String> a = rewriteWords(line);
        if (a.size() < 2) {
            return name + ": bad argument line '" + line + "'";
        }
        if (a.size() == 3 && (!a.get(2).startsWith("[") || !a.get(2).endsWith("]"))) {
            return name + ": bad flag delimiters";
        }
        return null;
    }

    /**
     * Up to three words as mod_rewrite's parseargline() splits its raw argument line: a word may start with a
     * quote and then runs to the same quote; elsewhere a blank ends it, except a blank right after a backslash.
     */
    static List<String> rewriteWords(String line) {
        List<String> words = new java.util.ArrayList<>();
        int i = 0;
        int n = line.length();
        while (words.size() < 3) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char quote = line.charAt(i) == '"' || line.charAt(i) == '\'' ? line.charAt(i++) : 0;
            int start = i;
            for (; i < n; i++) {
                char c = line.charAt(i);
                if (quote == 0 && Character.isWhitespace(c) || quote != 0 && c == quote) {
                    break;
                }
                if (c == '\\' && i + 1 < n && Character.isWhitespace(line.charAt(i + 1))) {
                    i++;
                }
            }
            words.add(line.substring(start, Math.min(i, n)));
            i++; // past the blank or the closing quote
        }
        return words;
    }

    /** Server-config directives mod_proxy refuses in .htaccess files. */
    private static final Set<String> NOT_IN_HTACCESS = Set.of("proxypass", "proxypassmatch", "proxyrequests",
            "proxypassreverse", "proxytimeout", "proxyset", "balancermember", "proxypreservehost", "proxyvia",
            "proxyremote", "proxyerroroverride", "timeout", "loadmodule");

    /** Modules of httpd itself, whose shared object is mod_NAME.so. */
    private static final Set<String> STANDARD = Set.of("proxy", "proxy_http", "proxy_wstunnel", "proxy_balancer",
            "proxy_fcgi", "proxy_ajp", "proxy_connect", "proxy_http2", "rewrite", "headers", "ssl", "slotmem_shm",
            "lbmethod_byrequests", "lbmethod_bytraffic", "lbmethod_bybusyness", "lbmethod_heartbeat", "mpm_event",
            "mpm_worker", "mpm_prefork", "authz_core", "authz_host", "alias", "dir", "mime", "deflate", "setenvif",
            "env", "expires", "remoteip", "http2", "socache_shmcb", "unixd", "status", "autoindex", "negotiation");

    /** LoadModule naming one httpd module and the file of another: httpd cannot find the module in it. */
    private static String moduleFile(String module, String file) {
        String name = Modules.normalise(module);
        String base = file.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (!base.startsWith("mod_") || !base.endsWith(".so")) {
            return null;
        }
        String inFile = base.substring(4, base.length() - 3);
        if (STANDARD.contains(name) && STANDARD.contains(inFile) && !name.equals(inFile)) {
            return "Can't locate API module structure `" + module + "' in file " + file;
        }
        return null;
    }

    private static String sectionName(String lower) {
        for (String n : List.of("Location", "LocationMatch", "Directory", "DirectoryMatch", "Files", "FilesMatch",
                "Proxy", "ProxyMatch", "If", "ElseIf", "Else", "Limit", "LimitExcept", "VirtualHost")) {
            if (n.equalsIgnoreCase(lower)) {
                return n;
            }
        }
        return lower;
    }

    /** A URL with a scheme, as mod_proxy requires for workers ({@code unix:/path|http://...} included). */
    static boolean absolute(String url) {
        if (url.regionMatches(true, 0, "balancer://", 0, 11)) {
            return true; // its name is checked elsewhere in httpd ("Bad syntax for a balancer name")
        }
        return url.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*://[^/?#].*") || url.matches("(?is)^unix:.*\\|[a-z][a-z0-9+.-]*:.*");
    }

    /**
     * glibc's atoi, which httpd uses for every seconds value proxylint reads: {@code (int) strtol(s, NULL, 10)}.
     * Leading blanks, an optional sign, ASCII digits; anything else ends the number; a value beyond a long
     * saturates and the cast keeps its low 32 bits ({@code ProxyTimeout 4294967297} is 1 s,
     * {@code 2147483648} is negative: apache2 -t 2.4.71 accepts the first and refuses the second).
     */
    static long atoi(String s) {
        int i = 0;
        while (i < s.length() && ConfWords.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        boolean overflow = false;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int digit = s.charAt(i) - '0';
            if (!overflow && v > (Long.MAX_VALUE - digit) / 10) {
                overflow = true;
            }
            v = overflow ? 0 : v * 10 + digit;
            i++;
        }
        long strtol = overflow ? (neg ? Long.MIN_VALUE : Long.MAX_VALUE) : neg ? -v : v;
        return (int) strtol;
    }

    /** Whether httpd refuses this seconds value of ProxyTimeout or a timeout= parameter (atoi below 1). */
    static boolean refusedSeconds(String value) {
        return atoi(value) < 1;
    }

    private static String proxyPass(List<Word> a, String section) {
        boolean inLocation = section.equals("location") || section.equals("locationmatch");
        int i = 0;
        if (!a.isEmpty() && a.get(0).value().equals("~")) {
            i++;
        }
        int positional = inLocation ? 1 : 2;
        if (a.size() - i < positional) {
            return inLocation ? "ProxyPass|ProxyPassMatch needs a path when not defined in a location"
                    : "ProxyPass|ProxyPassMatch needs a path when not defined in a location";
        }
        String url = a.get(i + positional - 1).value();
        if (!url.equals("!") && !absolute(url)) {
            return "ProxyPass URL must be absolute!: " + url;
        }
        boolean balancer = url.toLowerCase(Locale.ROOT).startsWith("balancer://");
        for (int k = i + positional; k < a.size(); k++) {
            String w = a.get(k).value();
            if (PASS_FLAGS.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int eq = w.indexOf('=');
            if (eq == 0) {
                return "ProxyPass unknown " + (balancer ? "Balancer" : "Worker") + " parameter";
            }
            if (eq < 0) {
                return inLocation && w.startsWith("/")
                        ? "ProxyPass|ProxyPassMatch can not have a path when defined in a location."
                        : "Invalid ProxyPass|ProxyPassMatch parameter. Parameter must be in the form 'key=value'.";
            }
            String problem = param(w.substring(0, eq), w.substring(eq + 1), balancer, url.equals("!"), "ProxyPass");
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * mod_proxy's add_pass_reverse() (TAKE123): a path and a URL outside a location, a URL inside one; a third
     * word outside a location, or a second one inside, is ignored unless it is {@code interpolate}, so only a
     * trailing comment of two or more words ({@code # keep this}) makes too many arguments.
     */
    private static String proxyPassReverse(List<Word> a, String section) {
        if (a.isEmpty() || a.size() > 3) {
            return "ProxyPassReverse takes one, two or three arguments, a virtual path and a URL for reverse proxy"
                    + " behaviour";
        }
        if (Set.of("directory", "directorymatch", "files", "filesmatch", "if", "elseif", "else").contains(section)) {
            return "ProxyPassReverse cannot occur within <" + sectionName(section) + "> section";
        }
        if (section.equals("limit") || section.equals("limitexcept")) {
            return "ProxyPassReverse cannot occur within <Limit> or <LimitExcept> section";
        }
        boolean inLocation = Set.of("location", "locationmatch", "proxy", "proxymatch").contains(section);
        if (!inLocation) {
            return a.size() == 1 ? "ProxyPassReverse needs a path when not defined in a location" : null;
        }
        return a.size() > 1 && !a.get(1).value().equalsIgnoreCase("interpolate")
                ? "ProxyPassReverse can not have a path when defined in a location" : null;
    }

    private static String param(String key, String value, boolean balancer, boolean exclusion, String directive) {
        String k = key.toLowerCase(Locale.ROOT);
        if (exclusion) {
            return null;
        }
        if (balancer ? !BALANCER_PARAMS.contains(k) : !WORKER_PARAMS.contains(k)) {
            return directive + " unknown " + (balancer ? "Balancer" : "Worker") + " parameter";
        }
        if (k.equals("timeout") && refusedSeconds(value)) {
            // mod_proxy's set_worker_param() and set_balancer_param() say it with different case
            return directive + (balancer ? " timeout" : " Timeout") + " must be at least one second";
        }
        if (k.equals("upgrade") && value.length() >= 16) {
            return directive + " upgrade protocol length must be < 16 characters";
        }
        return null;
    }

    private static String balancerMember(List<Word> a, String section) {
        boolean inProxy = section.equals("proxy") || section.equals("proxymatch");
        int positional = 0;
        for (Word w : a) {
            if (w.value().indexOf('=') < 0) {
                positional++;
            }
        }
        if (inProxy && positional > 1) {
            return "BalancerMember can not have a balancer name when defined in a location";
        }
        if (!inProxy && positional < 2) {
            return "BalancerMember must define balancer name when outside <Proxy > section";
        }
        for (Word w : a) {
            if (w.value().indexOf('=') < 0 && !absolute(w.value())) {
                return "BalancerMember URL must be absolute!: " + w.value();
            }
        }
        for (Word w : a) {
            int eq = w.value().indexOf('=');
            if (eq >= 0) {
                String problem = param(w.value().substring(0, eq), w.value().substring(eq + 1), false, false,
                        "BalancerMember");
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String proxySet(List<Word> a, String section, String sectionArg) {
        boolean inProxy = section.equals("proxy") || section.equals("proxymatch");
        String target = inProxy ? sectionArg : a.isEmpty() ? "" : a.get(0).value();
        boolean balancer = target.toLowerCase(Locale.ROOT).startsWith("balancer://");
        for (int k = inProxy ? 0 : 1; k < a.size(); k++) {
            String w = a.get(k).value();
            int eq = w.indexOf('=');
            if (eq < 0) {
                return "Invalid ProxySet parameter. Parameter must be in the form 'key=value'";
            }
            String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
            if (!(balancer ? BALANCER_PARAMS : WORKER_PARAMS).contains(key)) {
                return "ProxySet: unknown " + (balancer ? "Balancer" : "Worker") + " parameter " + w + "; " + target;
            }
            if (key.equals("timeout") && refusedSeconds(w.substring(eq + 1))) {
                return "ProxySet: " + (balancer ? "timeout" : "Timeout") + " must be at least one second " + w + "; "
                        + target;
            }
        }
        return null;
    }

    /** mod_headers header_cmd() and header_inout_cmd(). */
    private static String header(List<Word> args, boolean response) {
        List<String> a = args.stream().map(Word::value).toList();
        int i = 0;
        String name = response ? "Header" : "RequestHeader";
        if (response && !a.isEmpty() && (a.get(0).equalsIgnoreCase("always") || a.get(0).equalsIgnoreCase("onsuccess"))) {
            i++;
        }
        if (a.size() - i > 5) {
            return name + " has too many arguments";
        }
        String action = i < a.size() ? a.get(i).toLowerCase(Locale.ROOT) : "";
        String value = i + 2 < a.size() ? a.get(i + 2) : null;
        String subs = i + 3 < a.size() ? a.get(i + 3) : null;
        String envclause = i + 4 < a.size() ? a.get(i + 4) : null;
        if (!Set.of("set", "setifempty", "add", "append", "merge", "unset", "echo", "edit", "edit*", "note")
                .contains(action)) {
            return "first argument must be 'add', 'set', 'setifempty', 'append', 'merge', 'unset', 'echo', 'note',"
                    + " 'edit', or 'edit*'.";
        }
        if (action.startsWith("edit")) {
            if (subs == null) {
                return name + " edit requires a match and a substitution";
            }
        } else {
            if (envclause != null) {
                return "Too many arguments to directive";
            }
            envclause = subs;
        }
        if (action.equals("unset") || action.equals("echo")) {
            if (value != null) {
                if (envclause != null) {
                    return action.equals("unset") ? "header unset takes two arguments"
                            : name + " echo takes two arguments";
                }
                envclause = value;
            }
        } else if (value == null) {
            return name + " requires three arguments";
        }
        if (envclause != null) {
            String e = envclause.toLowerCase(Locale.ROOT);
            if (!e.equals("early") && !e.startsWith("env=") && !e.startsWith("expr=")) {
                return "Unknown parameter: " + envclause;
            }
        }
        return null;
    }
}
