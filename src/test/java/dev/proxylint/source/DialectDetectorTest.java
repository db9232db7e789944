package dev.proxylint.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DialectDetectorTest {
    @Test
    void namesDecideFirst() {
        assertEquals(Dialect.APACHE, DialectDetector.detect("etc/httpd.conf", "server { listen 80; }"));
        assertEquals(Dialect.APACHE, DialectDetector.detect("apache2.conf", ""));
        assertEquals(Dialect.APACHE, DialectDetector.detect("site/.htaccess", "RewriteEngine On"));
    }

    @Test
    void contentDecidesOtherwise() {
        assertEquals(Dialect.NGINX, DialectDetector.detect("-", "location /socket.io/ {\n  proxy_pass http://a;\n}\n"));
        assertEquals(Dialect.NGINX, DialectDetector.detect("x.conf", "proxy_read_timeout 20s;\n"));
        assertEquals(Dialect.APACHE, DialectDetector.detect("-", "<VirtualHost *:80>\n ProxyPass / http://a/\n</VirtualHost>\n"));
        assertEquals(Dialect.APACHE, DialectDetector.detect("site.conf", "ProxyPass /socket.io/ ws://a/socket.io/\n"));
        // an Apache config whose comments hold nginx-looking lines
        assertEquals(Dialect.APACHE, DialectDetector.detect("a.conf",
                "# proxy_pass http://x;\nLoadModule proxy_module m.so\nProxyPass / http://a/\nProxyTimeout 60\n"));
    }

    @Test
    void neitherIsNull() {
        assertNull(DialectDetector.detect("supervisord.conf", "[program:app]\ncommand=node server.js\n"));
        assertNull(DialectDetector.detect("empty.conf", ""));
        assertEquals(Dialect.NGINX, DialectDetector.detect("conf/nginx.conf", ""));
    }
}
