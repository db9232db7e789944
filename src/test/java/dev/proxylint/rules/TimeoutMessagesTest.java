package dev.proxylint.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PL202 message names the timeout and its value once, whether it is written or nginx's or httpd's default. */
class TimeoutMessagesTest {
    private static final String WINDOW = " is not above pingInterval + pingTimeout (65000 ms): a long-polling request"
            + " is held until the next ping, which the server sends pingInterval after the client's pong, so when a"
            + " client answers a ping late (mobile networks, throttled background tabs) the proxy cuts its long-poll"
            + " and the client reconnects (\"transport close\")";

    private static final String NGINX = """
            server {
                listen 80;
                location /socket.io/ {
                    proxy_pass http://127.0.0.1:3000;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
            %s    }
            }
            """;

    /** "RULE line:column message" of every finding, with pingTimeout 40000 ms (a 65000 ms window). */
    private static List<String> findings(String name, String text) throws Exception {
        return LintText.findings(name, text, Map.of("--ping-timeout", "40000"));
    }

    @Test
    void nginxDefaultIsNamedOnce() throws Exception {
        assertEquals(List.of("PL202 3:5 the default proxy_read_timeout (60s)" + WINDOW),
                findings("nginx.conf", NGINX.formatted("")));
    }

    @Test
    void nginxValueInSecondsIsNotRepeated() throws Exception {
        assertEquals(List.of("PL202 8:9 proxy_read_timeout 30s" + WINDOW),
                findings("nginx.conf", NGINX.formatted("        proxy_read_timeout 30s;\n")));
    }

    @Test
    void nginxValueInOtherUnitsGetsItsSeconds() throws Exception {
        assertEquals(List.of("PL202 8:9 proxy_read_timeout 1m (60 s)" + WINDOW),
                findings("nginx.conf", NGINX.formatted("        proxy_read_timeout 1m;\n")));
        assertEquals(List.of("PL202 8:9 proxy_read_timeout 60 (60 s)" + WINDOW),
                findings("nginx.conf", NGINX.formatted("        proxy_read_timeout 60;\n")));
    }

    @Test
    void httpdDefaultIsNamedOnceAndPlainSecondsGetTheirUnit() throws Exception {
        assertEquals(List.of("PL202 2:5 the default Timeout (60 s)" + WINDOW), findings("httpd.conf", """
                <VirtualHost *:80>
                    ProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/ upgrade=websocket
                </VirtualHost>
                """));
        // the polling route idles out after ProxyTimeout, the WebSocket tunnel after the larger of it and Timeout
        assertEquals(List.of("PL202 2:5 ProxyTimeout 60 (60 s)" + WINDOW, "PL202 3:5 the default Timeout (60 s) is"
                + " not above pingInterval + pingTimeout (65000 ms): a WebSocket tunnel carries a heartbeat packet about"
                + " every pingInterval, so it survives while pongs are prompt, but with less margin than the Socket.IO"
                + " docs require a slow pong can leave it silent long enough to be cut (\"transport close\")"),
                findings("httpd.conf", """
                <VirtualHost *:80>
                    ProxyTimeout 60
                    ProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/ upgrade=websocket
                </VirtualHost>
                """));
    }
}
