package dev.proxylint.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File names of config templates (envsubst, Jinja, ERB, EJS, sigil): default.conf.template, nginx.conf.j2,
 * nginx-template.conf. Their placeholders are filled in before the proxy reads the rendered file.
 */
public final class TemplateNames {
    private static final String KINDS = "template|tpl|tmpl|j2|jinja|jinja2|erb|ejs|sigil";
    private static final Pattern TEMPLATE = Pattern.compile(".*(template|\\.(" + KINDS + ")).*");
    /** A template of a proxy config by its name, as a folder walk points it out (not an app's HTML views). */
    private static final Pattern PROXY_TEMPLATE = Pattern.compile(
            ".*(\\.conf|nginx|httpd|apache|proxy|site|vhost).*\\.(" + KINDS + ")");

    private TemplateNames() {
    }

    public static boolean isTemplate(String name) {
        return TEMPLATE.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    public static boolean isProxyTemplate(String fileName) {
        return PROXY_TEMPLATE.matcher(fileName.toLowerCase(Locale.ROOT)).matches();
    }
}
