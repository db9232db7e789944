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

    @Test
    void everyLineKeepsItsOwnBreakAndAnInsertedLineTakesTheBreakOfTheLineItFollows() {
        String mixed = "events {\n}\r\nupstream u {\n    server a:1;\r\n}\r\n";
        assertEquals("events {\n}\r\nupstream u {\n    ip_hash;\n    server a:1;\r\n}\r\n",
                apply(mixed, Edit.insertInside(file(mixed).position(3, 1), "ip_hash;")));
        assertEquals("events {\n}\r\nupstream u {\n    server a:1;\r\n    ip_hash;\r\n}\r\n",
                apply(mixed, Edit.insertAfter(file(mixed).position(4, 5), "ip_hash;")));
        assertEquals("events {\n}\r\nupstream u {\n    server a:2;\r\n}\r\n",
                apply(mixed, Edit.replace(file(mixed).position(4, 5), "server a:1;", "server a:2;")));
    }

    @Test
    void aLineInsertedAfterALastLineWithoutABreakTakesTheFilesUsualBreak() {
        String noFinalBreak = "a;\r\nb;\r\nc;";
        assertEquals("a;\r\nb;\r\nc;\r\nd;", apply(noFinalBreak, Edit.insertAfter(file(noFinalBreak).position(3, 1), "d;")));
    }

    @Test
    void theDiffShowsEachLineWithItsOwnBreakAndAMissingFinalBreak() {
        assertEquals("--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\r\n+x\n b\n\\ No newline at end of file\n",
                UnifiedDiff.of("f", "a\r\nb", "a\r\nx\nb"));
        assertEquals("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
                UnifiedDiff.of("f", "a\nb\n", "a\nb"));
    }

    @Test
    void aFileNameWithALineBreakStaysOnTheDiffsHeaderLines() {
        assertEquals("--- a\\x0ab\\x1b.conf\n+++ a\\x0ab\\x1b.conf\n@@ -1,1 +1,1 @@\n-x;\n+y;\n",
                UnifiedDiff.of("a\nb\u001b.conf", "x;\n", "y;\n"));
    }
}
