package dev.proxylint.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that keeps every byte, as Python's "surrogateescape" does: a byte that is not part of valid UTF-8 (the
 * Latin-1 "é" in an old comment) decodes to the lone surrogate U+DC00 + byte, and encodes back to that byte. A
 * file decoded this way, edited, and encoded again is byte for byte the same outside the edits. Valid UTF-8 never
 * decodes to a lone surrogate, so the two cannot be confused.
 */
public final class ByteKeepingUtf8 {
    private static final char ESCAPES = '\uDC00';

    private ByteKeepingUtf8() {
    }

    /** The text of {@code length} bytes from {@code offset}, each byte that is not UTF-8 as its own escape. */
    public static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length); // never more chars than bytes
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            if (r.isOverflow()) {
                throw new IllegalStateException("UTF-8 decoded to more characters than bytes");
            }
            for (int i = 0; i < r.length(); i++) {
                out.put((char) (ESCAPES | (in.get() & 0xff)));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The bytes of text from {@link #decode}: escapes back to their bytes, everything else as UTF-8. */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                out.writeBytes(text.substring(from, i).getBytes(StandardCharsets.UTF_8));
                out.write(text.charAt(i) & 0xff);
                from = i + 1;
            }
        }
        out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The text as the linter reads it: each kept byte as U+FFFD (the same instance when there is none). */
    public static String replacingEscapes(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            if (isEscape(text, i)) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, '\uFFFD');
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A low surrogate in U+DC00..U+DCFF that is not the second half of a pair. */
    private static boolean isEscape(String text, int i) {
        char c = text.charAt(i);
        return (c & 0xff00) == ESCAPES && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
