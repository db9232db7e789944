package dev.proxylint.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
