package dev.proxylint.apache;

import dev.proxylint.source.Directive;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether httpd's main server still answers requests beside the {@code <VirtualHost>} sections: a connection to
 * an address no virtual host names goes to the main server (checked with httpd 2.4.71: {@code Listen 80} and
 * only {@code <VirtualHost *:8080>} leave port 80 to the main server's ProxyPass). Judged only when the config
 * shows its {@code Listen} lines; a virtual host on a port, whatever its IP, is taken to cover that port, and one
 * without a port (or with a variable) every port, so the main server is judged only when surely reachable.
 */
final class MainServerReach {
    private MainServerReach() {
    }

    static boolean servesRequests(List<Directive> mainServer, List<Directive> vhosts) {
        List<String> covered = new ArrayList<>();
        for (Directive v : vhosts) {
            for (int i = 0; i < v.argCount(); i++) {
                String port = port(v.arg(i));
                if (port == null) {
                    return false; // every port
                }
                covered.add(port);
            }
        }
        for (Directive d : mainServer) {
            if (!d.hasBlock() && d.is("Listen") && d.argCount() >= 1) {
                String port = port(d.arg(0));
                if (port != null && !covered.contains(port)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The port of {@code host:port}, {@code [::1]:port}, {@code *:port} or a bare port; null for "any". */
    private static String port(String address) {
        String a = address.trim();
        int colon = a.lastIndexOf(':');
        String port = a.startsWith("[") ? (a.lastIndexOf("]:") >= 0 ? a.substring(a.lastIndexOf("]:") + 2) : null)
                : colon >= 0 ? a.substring(colon + 1) : a.matches("\\d+") ? a : null;
        return port != null && port.matches("\\d{1,5}") ? port : null;
    }
}
