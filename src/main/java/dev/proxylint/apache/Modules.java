package dev.proxylint.apache;

import java.util.Locale;
import java.util.Set;

/** httpd module names as LoadModule and {@code <IfModule>} write them, reduced to one form: {@code proxy_http}. */
final class Modules {
    /** Compiled into Debian's apache2 binary: always present. */
    static final Set<String> STATIC = Set.of("core", "so", "watchdog", "http", "log_config", "logio", "version",
            "unixd");

    private Modules() {
    }

    /** {@code mod_proxy_http.c}, {@code proxy_http_module}, {@code prefork.c} -> {@code proxy_http}, {@code mpm_prefork}. */
    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith(".c")) {
            n = n.substring(0, n.length() - 2);
            if (n.startsWith("mod_")) {
                n = n.substring(4);
            } else if (n.equals("prefork") || n.equals("worker") || n.equals("event")) {
                n = "mpm_" + n;
            } else if (n.equals("http_core")) {
                n = "http";
            }
        }
        if (n.endsWith("_module")) {
            n = n.substring(0, n.length() - "_module".length());
        }
        return n;
    }

    /**
     * Whether LoadModule lines are the config's whole list, so a module they leave out is not loaded: they
     * load mod_proxy or an MPM. A vhost file that loads only mod_ssl relies on modules loaded elsewhere.
     */
    static boolean wholeList(Set<String> loaded) {
        return loaded.contains("proxy") || loaded.stream().anyMatch(m -> m.startsWith("mpm_"));
    }

    /** The LoadModule line for a module, Debian's layout. */
    static String loadLine(String module) {
        return "LoadModule " + module + "_module /usr/lib/apache2/modules/mod_" + module + ".so";
    }
}
