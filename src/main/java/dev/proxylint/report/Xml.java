package dev.proxylint.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The JDK's StAX writer (which does the escaping) with what it lacks for diffable reports: two-space indent,
 * "\n" line ends on every platform, and text made legal in XML 1.0 (a config may hold control characters).
 */
final class Xml {
    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter writer;
    /** Per open element: whether it has child elements yet, which decides where its end tag goes. */
    private final Deque<Boolean> open = new ArrayDeque<>();

    Xml() {
        try {
            // the JDK's own factory, not whichever StAX implementation the class path happens to hold
            writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
            writer.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml start(String name) {
        return element(name, false);
    }

    /** An element with no content ({@code <x/>}); its attributes follow. */
    Xml empty(String name) {
        return element(name, true);
    }

    Xml attr(String name, Object value) {
        // parsers turn tab and line breaks in attribute values into spaces anyway; say so in the output
        String v = legal(String.valueOf(value)).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ')
                .replace('\t', ' ');
        return run(() -> writer.writeAttribute(name, v));
    }

    Xml text(String text) {
        return run(() -> writer.writeCharacters(legal(text)));
    }

    Xml end() {
        boolean hadChildren = open.pop();
        if (hadChildren) {
            newline(open.size());
        }
        return run(writer::writeEndElement);
    }

    /** The document, ending with a line break. */
    String finish() {
        run(() -> {
            writer.writeEndDocument();
            writer.close();
        });
        return buffer + "\n";
    }

    private Xml element(String name, boolean empty) {
        if (!open.isEmpty()) {
            open.pop();
            open.push(true);
        }
        newline(open.size());
        if (empty) {
            return run(() -> writer.writeEmptyElement(name));
        }
        open.push(false);
        return run(() -> writer.writeStartElement(name));
    }

    private void newline(int depth) {
        run(() -> writer.writeCharacters("\n" + "  ".repeat(depth)));
    }

    /** Replaces the characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates) with U+FFFD. */
    static String legal(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            sb.appendCodePoint(ok ? c : 0xFFFD);
        });
        return sb.toString();
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private Xml run(Step step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
