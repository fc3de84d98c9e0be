package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The bodies of answers and errors, in each protocol's envelope. */
final class Wire {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Wire() {}

    static String contentType(Protocol protocol) {
        return protocol == Protocol.JSON ? "application/x-amz-json-1.1" : "text/xml";
    }

    /**
     * An answer: {@code <OpResponse><OpResult>...</OpResult><ResponseMetadata>} for Query, {@code <OpResponse>}
     * with a {@code requestId} for EC2, the bare object for JSON.
     */
    static byte[] answer(SimOperation op, JsonNode body, String requestId) {
        SimService service = op.service();
        if (service.protocol() == Protocol.JSON) {
            return json(
                    4096, g -> ShapeWriter.jsonObject(g, ShapeWriter.fields(op.responseClass()), body, op.action()));
        }
        return xml(4096, w -> {
            w.writeStartElement(op.action() + "Response");
            w.writeDefaultNamespace(service.xmlNamespace());
            if (service.protocol() == Protocol.EC2) {
                element(w, "requestId", requestId);
                ShapeWriter.xmlMembers(w, ShapeWriter.fields(op.responseClass()), body, op.action());
            } else {
                w.writeStartElement(op.action() + "Result");
                ShapeWriter.xmlMembers(w, ShapeWriter.fields(op.responseClass()), body, op.action());
                w.writeEndElement();
                w.writeStartElement("ResponseMetadata");
                element(w, "RequestId", requestId);
                w.writeEndElement();
            }
        });
    }

    /**
     * An error: {@code <ErrorResponse><Error><Type><Code><Message>} for Query, {@code <Response><Errors><Error>}
     * for EC2, {@code {"__type": ..., "message": ...}} for JSON.
     */
    static byte[] error(SimService service, AwsError error, String requestId) {
        if (service.protocol() == Protocol.JSON) {
            return jsonError(error.code(), error.message());
        }
        return xml(512, w -> {
            if (service.protocol() == Protocol.EC2) {
                w.writeStartElement("Response");
                w.writeStartElement("Errors");
                w.writeStartElement("Error");
                element(w, "Code", error.code());
                element(w, "Message", error.message());
                w.writeEndElement();
                w.writeEndElement();
                element(w, "RequestID", requestId);
            } else {
                w.writeStartElement("ErrorResponse");
                w.writeDefaultNamespace(service.xmlNamespace());
                w.writeStartElement("Error");
                element(w, "Type", error.status() >= 500 ? "Receiver" : "Sender");
                element(w, "Code", error.code());
                element(w, "Message", error.message());
                w.writeEndElement();
                element(w, "RequestId", requestId);
            }
        });
    }

    /** A JSON protocol's error body: {@code {"__type": ..., "message": ...}}. */
    static byte[] jsonError(String code, String message) {
        return json(512, g -> {
            g.writeStartObject();
            g.writeStringField("__type", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    /** What a JSON body writes. */
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** What an XML body writes inside the document: its root element, left open (closed here). */
    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static byte[] json(int size, JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xml(int size, XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
