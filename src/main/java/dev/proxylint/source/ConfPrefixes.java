package dev.proxylint.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders a proxy's config is deployed to. An absolute include below one of them ({@code include
 * /etc/nginx/conf.d/*.conf;}) names a file of the deployed config, which a checkout holds beside its entry
 * file: it is looked up there, never on the machine that runs proxylint, whose own /etc/nginx is another
 * config (and would make a CI run depend on the CI machine).
 */
public final class ConfPrefixes {
    public static final List<String> NGINX = List.of("/etc/nginx/", "/usr/local/nginx/conf/",
            "/usr/local/etc/nginx/", "/opt/homebrew/etc/nginx/");
    public static final List<String> HTTPD = List.of("/etc/apache2/", "/etc/httpd/", "/usr/local/apache2/",
            "/usr/local/etc/apache24/", "/usr/local/etc/httpd/", "/opt/homebrew/etc/httpd/");

    private ConfPrefixes() {
    }

    /** The part of an absolute include pattern below one of these folders ("conf.d/*.conf"), or null. */
    public static String below(String pattern, List<String> prefixes) {
        String p = pattern.replace('\\', '/').replaceAll("/{2,}", "/");
        for (String prefix : prefixes) {
            if (p.startsWith(prefix) && p.length() > prefix.length()) {
                return p.substring(prefix.length());
            }
        }
        return null;
    }

    /** Whether a folder is one of these (or below one). */
    public static boolean holds(Path dir, List<String> prefixes) {
        return below(dir.toString().replace('\\', '/') + "/", prefixes) != null
                || prefixes.contains(dir.toString().replace('\\', '/') + "/");
    }

    /**
     * The file to read for a match of an include: a link into a deployed folder (sites-enabled/app ->
     * /etc/nginx/sites-available/app, as Debian and most guides make them) is followed inside the checkout, in
     * the first of {@code roots} that holds its target; null when none does (the target exists only where the
     * config is deployed). Any other file as it is.
     */
    public static Path followLink(Path file, List<String> prefixes, List<Path> roots) {
        try {
            if (!Files.isSymbolicLink(file)) {
                return file;
            }
            Path target = Files.readSymbolicLink(file);
            String rest = target.isAbsolute() ? below(target.toString(), prefixes) : null;
            if (rest == null) {
                return file;
            }
            for (Path root : roots) {
                if (root != null && Files.exists(root.resolve(rest))) {
                    return root.resolve(rest);
                }
            }
            return null;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return file;
        }
    }
}
