package dev.proxylint.lint;

import dev.proxylint.rules.Edit;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How edits become text: a new line only where it lands inside the block (or after the directive) meant. */
class FixerTest {
    private static String apply(String text, Edit edit) {
        return Fixer.apply(text, new ArrayList<>(List.of(edit)));
    }

    private static SourceFile file(String text) {
        return SourceFile.ofText("t.conf", text);
    }

    @Test
    void noLineIsInsertedIntoABlockThatGoesOnAfterItsBrace() {
        String oneLine = "server { listen 80; location /socket.io/ { proxy_pass http://a; } }\n";
        assertEquals(oneLine, apply(oneLine, Edit.insertInside(file(oneLine).position(1, 21), "x;")));
        assertEquals(oneLine, apply(oneLine, Edit.insertAfter(file(oneLine).position(1, 44), "x;")));
    }

    @Test
    void aCommentAfterTheBraceOrTheSemicolonDoesNotStopTheInsertion() {
        String block = "server {  # main\n    listen 80;  # port\n}\n";
        assertEquals("server {  # main\n    x;\n    listen 80;  # port\n}\n",
                apply(block, Edit.insertInside(file(block).position(1, 1), "x;")));
        assertEquals("server {  # main\n    listen 80;  # port\n    x;\n}\n",
                apply(block, Edit.insertAfter(file(block).position(2, 5), "x;")));
    }

    @Test
    void anHttpdSectionOpensOnItsOwnLine() {
        String vhost = "<VirtualHost *:80>\n    ServerName a\n</VirtualHost>\n";
        assertEquals("<VirtualHost *:80>\n    ProxyTimeout 60\n    ServerName a\n</VirtualHost>\n",
                apply(vhost, Edit.insertInside(file(vhost).position(1, 1), "ProxyTimeout 60")));
    }
}
