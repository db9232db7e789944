package dev.proxylint.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells nginx from Apache httpd syntax by file name and content: httpd has {@code <Section>} tags and
 * CamelCase directives one per line; nginx has blocks in braces and statements ending in {@code ;}.
 */
public final class DialectDetector {
    private static final Pattern APACHE_SECTION = Pattern.compile(
            "(?im)^\\s*</?(VirtualHost|Directory|DirectoryMatch|IfModule|IfDefine|IfVersion|Location|LocationMatch|"
                    + "Proxy|ProxyMatch|Files|FilesMatch|If|Else|ElseIf|Macro|RequireAll|RequireAny|Limit|LimitExcept)"
                    + "[\\s>]");
    private static final Pattern APACHE_DIRECTIVE = Pattern.compile(
            "(?m)^\\s*(ServerName|ServerAlias|ServerRoot|ProxyPass|ProxyPassReverse|ProxyPassMatch|ProxyTimeout|"
                    + "ProxyPreserveHost|ProxyRequests|LoadModule|RewriteEngine|RewriteRule|RewriteCond|DocumentRoot|"
                    + "Listen|Timeout|KeepAlive|ErrorLog|CustomLog|LogLevel|Header|RequestHeader|Include|"
                    + "IncludeOptional|AddType|DirectoryIndex|Options|AllowOverride|Require|BalancerMember|ProxySet|"
                    + "SSLEngine|SSLCertificateFile|Define|User|Group|LimitRequestBody|Alias|Redirect)\\s+[^;{}\\n]*$");
    private static final Pattern NGINX_STATEMENT = Pattern.compile(
            "(?m)^\\s*([a-z_][a-z0-9_]*)(\\s[^\\n#]*)?\\s*[;{]\\s*(#.*)?$");
    private static final Pattern NGINX_BLOCK = Pattern.compile(
            "(?m)^\\s*(http|server|location|upstream|events|map|if)\\b[^\\n]*\\{");

    private DialectDetector() {
    }

    /** NGINX, APACHE, or null when the content looks like neither (an INI file, a shell script). */
    public static Dialect detect(String fileName, String text) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.equals("httpd.conf") || base.equals("apache2.conf") || base.equals(".htaccess")) {
            return Dialect.APACHE;
        }
        String sample = text.length() > 200_000 ? text.substring(0, 200_000) : text;
        int apache = count(APACHE_SECTION, sample) * 3 + count(APACHE_DIRECTIVE, sample);
        int nginx = count(NGINX_BLOCK, sample) * 3 + count(NGINX_STATEMENT, sample);
        if (apache == 0 && nginx == 0) {
            return base.equals("nginx.conf") ? Dialect.NGINX : null;
        }
        return apache > nginx ? Dialect.APACHE : Dialect.NGINX;
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        var m = p.matcher(text);
        while (m.find() && n < 10_000) {
            n++;
        }
        return n;
    }
}
