package dev.proxylint.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PL101's message names the scheme the ProxyPass really uses. */
class UpgradeMessagesTest {
    private static List<String> findings(String name, String text) throws Exception {
        return LintText.findings(name, text, Map.of());
    }

    @Test
    void anHttpsTargetIsCalledHttps() throws Exception {
        assertEquals(List.of("PL101 2:5 the WebSocket upgrade is not forwarded: \"ProxyPass /socket.io/"
                + " https://b/socket.io/\" proxies WebSocket requests to https:// without upgrade=websocket, and no"
                + " ws:// route catches them first. Default clients stay on HTTP long-polling (the upgrade fails:"
                + " TRANSPORT_MISMATCH, code 3) and websocket-only clients fail with 400 Bad Request"),
                findings("httpd.conf", """
                        <VirtualHost *:80>
                            ProxyPass /socket.io/ https://b/socket.io/
                        </VirtualHost>
                        """));
    }

    @Test
    void aConnectionVariableNoMapDefinesIsANginxThatDoesNotStart() throws Exception {
        assertEquals(List.of("PL104 5:47 \"proxy_set_header Connection $connection_upgrade\" names $connection_upgrade,"
                + " which no map defines: nginx refuses to start (unknown \"connection_upgrade\" variable). Write the"
                + " map at http level (map $http_upgrade $connection_upgrade { default upgrade; '' close; }) or send"
                + " the constant below"), findings("nginx.conf", """
                http {
                  server {
                    listen 80;
                    location /socket.io/ { proxy_pass http://127.0.0.1:3000; proxy_http_version 1.1;
                      proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }
                  }
                }
                """));
    }

    @Test
    void theDefaultHttpVersionIsNamedOnce() throws Exception {
        List<String> found = findings("nginx.conf", """
                server {
                  listen 80;
                  location /socket.io/ { proxy_pass http://127.0.0.1:3000;
                    proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; }
                }
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals("PL103 3:3 the WebSocket upgrade goes to the upstream over HTTP/1.0 (nginx's default): RFC 6455",
                found.get(0).substring(0, found.get(0).indexOf("RFC 6455") + 8));
    }

    @Test
    void aWsProxyPassThatMissesTheSocketIoPathIsNamed() throws Exception {
        List<String> found = findings("httpd.conf", """
                <VirtualHost *:80>
                  ProxyPass /socket ws://127.0.0.1:3000/socket
                  ProxyPass / http://127.0.0.1:3000/
                </VirtualHost>
                """);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("PL101 3:3 "), found.get(0));
        assertTrue(found.get(0).contains(" (\"ProxyPass /socket ws://127.0.0.1:3000/socket\" does not match /socket.io/:"
                + " httpd compares whole path segments, so /socket matches only /socket and what lies below it)."),
                found.get(0));
    }

    @Test
    void aStockProxyParamsIsNamedAsAnAssumption() throws Exception {
        List<String> found = findings("site.conf", """
                server { listen 80;
                  location /socket.io/ { include proxy_params; proxy_pass http://127.0.0.1:3000; proxy_http_version 1.1; }
                }
                """);
        assertEquals(List.of("PL101 2:3 the WebSocket upgrade is not forwarded: \"location /socket.io/\" has no"
                + " proxy_set_header for Upgrade or Connection (proxy_params read as Debian's nginx package ships it;"
                + " if yours sets Upgrade and Connection, lint the nginx.conf whose folder holds it). Default clients stay on HTTP long-polling (the upgrade fails: TRANSPORT_MISMATCH, code 3) and"
                + " websocket-only clients fail with 400 Bad Request", "PL002 2:26 include \"proxy_params\": no such file"
                + " (relative to .); nginx would refuse to start unless it exists where this config is deployed."
                + " nginx packages install it; proxylint read it as Debian's nginx package ships it"), found);
    }
}
