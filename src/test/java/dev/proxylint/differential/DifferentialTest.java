package dev.proxylint.differential;

import dev.proxylint.apache.ApacheReader;
import dev.proxylint.nginx.NginxParser;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test against the real parsers: random character-level mutations of a config (quotes,
 * braces, semicolons, backslashes, comments, section tags) are read by {@code nginx -t} / {@code apache2 -t}
 * and by proxylint; where the proxy refuses the file for a reason proxylint models (structure, the arguments
 * of the directives it reads), proxylint must report PL001, and where the proxy accepts it, proxylint must
 * not. Errors it deliberately does not model (unknown directives, undefined variables) are counted, not
 * compared. Slow: run with {@code mvn verify -Pdifferential} (needs nginx and apache2).
 */
@EnabledIfSystemProperty(named = "proxylint.differential", matches = "true")
class DifferentialTest {
    private static final int MUTANTS = Integer.getInteger("proxylint.differential.mutants", 600);

    static final String NGINX = """
            events {}
            http {
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }
                upstream app {
                    ip_hash;
                    server 127.0.0.1:3000;
                    server 127.0.0.1:3001;
                }
                server {
                    listen 127.0.0.1:8999;
                    # a comment with { ; " ' \\ inside
                    set $a "x y";
                    set $b 'q"r';
                    set $c te\\"st;
                    location /a { return 200 "ok"; }
                    location ~ ^/b/(.*)$ {
                        proxy_pass http://app/$1;
                        proxy_set_header X-A "b c";
                    }
                    location /socket.io/ {
                        proxy_pass http://app;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 60s;
                    }
                }
            }
            """;
    static final String[] NGINX_EDITS = {";", "{", "}", "\"", "'", "#", "\\", " ", "\n", "$", "${"};
    private static final String NGINX_KNOWN = "(proxy_pass|proxy_set_header|proxy_read_timeout|proxy_send_timeout"
            + "|proxy_connect_timeout|proxy_http_version|client_max_body_size|location|upstream|map|set|return|if"
            + "|ip_hash|hash|include|try_files|http|events|server|listen|server_name|root|alias|index|rewrite"
            + "|add_header|access_log|error_log|error_page|proxy_redirect|proxy_buffering|keepalive_timeout"
            + "|ssl_certificate|ssl_certificate_key|worker_processes|worker_connections|types|geo|limit_except)";
    static final Pattern NGINX_MODELED = Pattern.compile("unexpected|too long parameter"
            + "|directive \"" + NGINX_KNOWN + "\" (has no opening|is not terminated)"
            + "|invalid number of arguments in \"" + NGINX_KNOWN + "\"|invalid condition"
            + "|\"" + NGINX_KNOWN + "\" directive (is duplicate|invalid value)");

    static final String HTTPD = """
            Define NODE 127.0.0.1:3000
            <IfModule proxy_module>
                ProxyTimeout 60
            </IfModule>
            <IfModule nothere_module>
                Bogus directive here
            </IfModule>
            <VirtualHost 127.0.0.1:39999>
                ServerName "example.com"
                Header add Set-Cookie "ROUTEID=.%{BALANCER_WORKER_ROUTE}e; path=/" env=BALANCER_ROUTE_CHANGED
                <Proxy "balancer://sio">
                    BalancerMember "http://${NODE}" route=n1 upgrade=websocket timeout=60
                    BalancerMember http://127.0.0.1:3001 route=n2 upgrade=websocket
                    ProxySet lbmethod=byrequests stickysession=ROUTEID
                </Proxy>
                RewriteEngine On
                RewriteCond %{HTTP:Upgrade} websocket [NC]
                RewriteRule ^/ws/(.*) ws://127.0.0.1:3000/ws/$1 [P,L]
                <Location /socket.io/>
                    ProxyPass balancer://sio/socket.io/
                    ProxyPassReverse balancer://sio/socket.io/
                </Location>
                ProxyPass /api/ http://127.0.0.1:3002/api/ timeout=30 \\
                    retry=0
                ProxyPassReverse /api/ http://127.0.0.1:3002/api/
                # a comment with < > " \\
                continued comment
            </VirtualHost>
            """;
    static final String[] HTTPD_EDITS = {"<", ">", "/", "\"", "\\", " ", "\n", "#", "=", "</VirtualHost>",
            "<Location /x>", "${", "}", " # c"};
    static final Pattern HTTPD_MODELED = Pattern.compile("was not closed|without matching|Expected </|missing closing"
            + "|(ProxyTimeout|Timeout|LoadModule) takes|Proxy Timeout must|Timeout must be|ProxyPass|BalancerMember"
            + "|ProxySet|Header|Too many arguments|Unknown parameter|requires three arguments|first argument must be");
    static final Pattern HTTPD_NOT_MODELED = Pattern.compile("Unable to parse URL|unknown lbmethod"
            + "|Bad syntax for a balancer|Invalid command|failonstatus");
    static final String HTTPD_MODULES = """
            ServerRoot "%s"
            ServerName 127.0.0.1
            Listen 127.0.0.1:39999
            PidFile %s/x.pid
            DefaultRuntimeDir %s
            ErrorLog %s/error.log
            LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
            LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
            LoadModule slotmem_shm_module /usr/lib/apache2/modules/mod_slotmem_shm.so
            LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so
            LoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so
            LoadModule proxy_wstunnel_module /usr/lib/apache2/modules/mod_proxy_wstunnel.so
            LoadModule proxy_balancer_module /usr/lib/apache2/modules/mod_proxy_balancer.so
            LoadModule lbmethod_byrequests_module /usr/lib/apache2/modules/mod_lbmethod_byrequests.so
            LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
            LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
            """;

    @Test
    void nginxRefusesExactlyWhatProxylintReportsAsPL001(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(installed("nginx"), "nginx is not installed");
        Files.createDirectories(tmp.resolve("logs"));
        compare("nginx", tmp, NGINX, NGINX_EDITS, NGINX_MODELED, Pattern.compile("$^"), f -> List.of("nginx", "-t",
                "-q", "-p", tmp.toString(), "-g", "pid " + tmp + "/n.pid; error_log " + tmp + "/logs/e.log;", "-c",
                f.toString()), f -> new NginxParser(DisplayPaths.ofWorkingDirectory()).parse(read(f)));
    }

    @Test
    void httpdRefusesExactlyWhatProxylintReportsAsPL001(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(installed("apache2"), "apache2 is not installed");
        String base = HTTPD_MODULES.formatted(tmp, tmp, tmp, tmp);
        compare("httpd", tmp, HTTPD, HTTPD_EDITS, HTTPD_MODELED, HTTPD_NOT_MODELED,
                f -> List.of("apache2", "-t", "-f", f.toString()),
                f -> new ApacheReader(DisplayPaths.ofWorkingDirectory(), Map.of()).read(read(f)), base);
    }

    interface Cmd {
        List<String> of(Path file);
    }

    interface Parse {
        ParsedConfig of(Path file) throws IOException;
    }

    private void compare(String name, Path tmp, String template, String[] edits, Pattern modeled, Pattern notModeled,
                         Cmd cmd, Parse parse) throws Exception {
        compare(name, tmp, template, edits, modeled, notModeled, cmd, parse, "");
    }

    private void compare(String name, Path tmp, String template, String[] edits, Pattern modeled, Pattern notModeled,
                         Cmd cmd, Parse parse, String prefix) throws Exception {
        Random random = new Random(Long.getLong("proxylint.differential.seed", 7L));
        int agree = 0;
        int outOfScope = 0;
        List<String> disagree = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            String s = template;
            for (int n = random.nextInt(3) == 0 ? 2 : 1; n > 0; n--) {
                int pos = random.nextInt(s.length());
                String e = edits[random.nextInt(edits.length)];
                s = switch (random.nextInt(3)) {
                    case 0 -> s.substring(0, pos) + e + s.substring(pos);
                    case 1 -> s.substring(0, pos) + s.substring(pos + 1);
                    default -> s.substring(0, pos) + e + s.substring(pos + 1);
                };
            }
            Path f = tmp.resolve("m" + i + ".conf");
            Files.writeString(f, prefix + s);
            Process p = new ProcessBuilder(cmd.of(f)).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " -t hung on " + f);
            }
            boolean refused = p.exitValue() != 0;
            boolean pl001 = parse.of(f).problems().stream().anyMatch(x -> x.ruleId().equals("PL001"));
            if (refused && (!modeled.matcher(said).find() || notModeled.matcher(said).find())) {
                outOfScope++;
            } else if (refused == pl001) {
                agree++;
            } else {
                disagree.add("mutant " + i + ": " + name + (refused ? " refuses (" + said.trim().lines()
                        .findFirst().orElse("") + ")" : " accepts") + ", proxylint " + (pl001 ? "PL001" : "nothing")
                        + "\n" + s);
            }
        }
        System.out.printf("differential %s: %d mutants, %d agree, %d refused for reasons proxylint does not model,"
                + " %d disagree%n", name, MUTANTS, agree, outOfScope, disagree.size());
        disagree.stream().limit(5).forEach(System.out::println);
        assertEquals(List.of(), disagree.stream().map(d -> d.lines().findFirst().orElse("")).toList());
    }

    private static SourceFile read(Path f) throws IOException {
        return SourceFile.read(f, f.getFileName().toString());
    }

    private static boolean installed(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
