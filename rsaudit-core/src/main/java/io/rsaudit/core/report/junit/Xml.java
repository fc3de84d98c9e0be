package io.rsaudit.core.report.junit;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin XML stream writer: escapes every value and replaces characters XML 1.0 cannot carry. */
final class Xml {

    private final XMLStreamWriter x;
    private int depth;

    Xml(Writer out) throws IOException {
        try {
            x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    Xml start(String element) throws IOException {
        try {
            x.writeStartElement(element);
            depth++;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return this;
    }

    Xml attr(String name, Object value) throws IOException {
        if (value != null) {
            try {
                x.writeAttribute(name, clean(value.toString()));
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }
        return this;
    }

    Xml text(String text) throws IOException {
        try {
            x.writeCharacters(clean(text));
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return this;
    }

    Xml end() throws IOException {
        try {
            x.writeEndElement();
            if (--depth > 0) {
                x.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return this;
    }

    void finish() throws IOException {
        try {
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** {@code s} with every character XML 1.0 forbids (most control characters) replaced by U+FFFD. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            b.appendCodePoint(ok ? c : 0xFFFD);
        });
        return b.toString();
    }
}
