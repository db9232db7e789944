package dev.proxylint.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ByteKeepingUtf8Test {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void bytesThatAreNotUtf8ComeBackAsTheyWere() {
        // Latin-1 "café ©", a truncated 3-byte sequence, an encoded surrogate, and valid UTF-8 around them
        byte[] odd = bytes('c', 'a', 'f', 0xe9, ' ', 0xa9, ' ', 0xe9, 0xa9, ' ', 0xed, 0xa0, 0x80, ' ', 0xc3, 0xa9, ' ',
                0xf0, 0x9f, 0x98, 0x80, 0xff);
        String kept = ByteKeepingUtf8.decode(odd, 0, odd.length);
        assertArrayEquals(odd, ByteKeepingUtf8.encode(kept));
        assertEquals("caf\uFFFD \uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD é \uD83D\uDE00\uFFFD",
                ByteKeepingUtf8.replacingEscapes(kept), "one U+FFFD per byte, so columns match the kept text");
    }

    @Test
    void validUtf8IsPlainUtf8() {
        String text = "server_name café.example 😀 \uD800\uDC00;"; // U+10000's low half looks like an escape: it is not
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String decoded = ByteKeepingUtf8.decode(utf8, 0, utf8.length);
        assertEquals(text, decoded);
        assertSame(decoded, ByteKeepingUtf8.replacingEscapes(decoded));
        assertArrayEquals(utf8, ByteKeepingUtf8.encode(decoded));
    }
}
