package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rsaudit.core.source.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Writes a value read from an export file (JSON with the model's member names, as the AWS CLI prints it) in the
 * wire form of a protocol, walking the SDK's model of the shape: member and location names, list and map traits,
 * timestamp formats and nested structures all come from {@code sdkFields()}. A member the model does not define
 * is not written, as AWS would not send it.
 */
final class ShapeWriter {

    private static final Map<Object, List<SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

    private ShapeWriter() {}

    /** The fields of a model class ({@code DescribeClustersResponse}). */
    static List<SdkField<?>> fields(Class<?> modelClass) {
        return FIELDS.computeIfAbsent(modelClass, c -> {
            try {
                return ((SdkPojo) ((Class<?>) c).getMethod("builder").invoke(null)).sdkFields();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("not an SDK model class: " + c, e);
            }
        });
    }

    private static List<SdkField<?>> fields(SdkField<?> struct) {
        return FIELDS.computeIfAbsent(
                struct, f -> ((SdkField<?>) f).constructor().get().sdkFields());
    }

    // ---- XML (AWS Query and EC2) ----

    /** Writes the members of {@code value} as child elements of the current element. */
    static void xmlMembers(XMLStreamWriter w, List<SdkField<?>> fields, JsonNode value, String where)
            throws XMLStreamException {
        for (SdkField<?> field : fields) {
            JsonNode v = value.get(field.memberName());
            if (v == null || v.isNull() || field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            xmlValue(w, field.unmarshallLocationName(), field, v, where + "." + field.memberName());
        }
    }

    private static void xmlValue(XMLStreamWriter w, String name, SdkField<?> field, JsonNode v, String where)
            throws XMLStreamException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            ListTrait list = field.getTrait(ListTrait.class);
            SdkField<?> member = list.memberFieldInfo();
            String memberName = list.memberLocationName() != null ? list.memberLocationName() : member.locationName();
            if (list.isFlattened()) {
                for (JsonNode item : array(v, where)) {
                    xmlValue(w, name, member, item, where + "[]");
                }
            } else {
                w.writeStartElement(name);
                for (JsonNode item : array(v, where)) {
                    xmlValue(w, memberName, member, item, where + "[]");
                }
                w.writeEndElement();
            }
        } else if (type == MarshallingType.MAP) {
            MapTrait map = field.getTrait(MapTrait.class);
            if (!map.isFlattened()) {
                w.writeStartElement(name);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object(v, where).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                w.writeStartElement(map.isFlattened() ? name : "entry");
                w.writeStartElement(map.keyLocationName());
                w.writeCharacters(e.getKey());
                w.writeEndElement();
                xmlValue(w, map.valueLocationName(), map.valueFieldInfo(), e.getValue(), where + "." + e.getKey());
                w.writeEndElement();
            }
            if (!map.isFlattened()) {
                w.writeEndElement();
            }
        } else if (type == MarshallingType.SDK_POJO) {
            w.writeStartElement(name);
            xmlMembers(w, fields(field), object(v, where), where);
            w.writeEndElement();
        } else {
            w.writeStartElement(name);
            w.writeCharacters(type == MarshallingType.INSTANT ? timestamp(field, v, where, false) : scalar(v));
            w.writeEndElement();
        }
    }

    // ---- JSON 1.1 ----

    /** Writes {@code value} as a JSON object of the shape {@code fields} describe. */
    static void jsonObject(JsonGenerator g, List<SdkField<?>> fields, JsonNode value, String where) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : fields) {
            JsonNode v = value.get(field.memberName());
            if (v == null || v.isNull() || field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            g.writeFieldName(field.locationName());
            jsonValue(g, field, v, where + "." + field.memberName());
        }
        g.writeEndObject();
    }

    private static void jsonValue(JsonGenerator g, SdkField<?> field, JsonNode v, String where) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (JsonNode item : array(v, where)) {
                jsonValue(g, member, item, where + "[]");
            }
            g.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = object(v, where).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                jsonValue(g, value, e.getValue(), where + "." + e.getKey());
            }
            g.writeEndObject();
        } else if (type == MarshallingType.SDK_POJO) {
            jsonObject(g, fields(field), object(v, where), where);
        } else if (type == MarshallingType.INSTANT) {
            String t = timestamp(field, v, where, true);
            if (t.indexOf('T') > 0 || t.indexOf(',') > 0) {
                g.writeString(t);
            } else {
                g.writeNumber(new BigDecimal(t));
            }
        } else if (type == MarshallingType.BOOLEAN) {
            g.writeBoolean(v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText()));
        } else if (type == MarshallingType.INTEGER
                || type == MarshallingType.LONG
                || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE) {
            g.writeNumber(
                    v.isNumber()
                            ? v.bigIntegerValue()
                            : new BigInteger(v.asText().strip()));
        } else if (type == MarshallingType.DOUBLE
                || type == MarshallingType.FLOAT
                || type == MarshallingType.BIG_DECIMAL) {
            g.writeNumber(
                    v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip()));
        } else {
            g.writeString(scalar(v));
        }
    }

    // ---- values ----

    private static String scalar(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static JsonNode array(JsonNode v, String where) {
        if (!v.isArray()) {
            throw new BadExportValue(where, "a list", v);
        }
        return v;
    }

    private static JsonNode object(JsonNode v, String where) {
        if (!v.isObject()) {
            throw new BadExportValue(where, "an object", v);
        }
        return v;
    }

    /** A timestamp in the member's wire format (its trait, else ISO 8601 in XML and epoch seconds in JSON). */
    private static String timestamp(SdkField<?> field, JsonNode v, String where, boolean json) {
        Instant t = v.isNumber()
                ? Timestamps.ofEpochSeconds(v.decimalValue())
                : v.isTextual() ? Timestamps.parse(v.asText()) : null;
        if (t == null) {
            throw new BadExportValue(where, "a timestamp", v);
        }
        TimestampFormatTrait trait = field.getTrait(TimestampFormatTrait.class);
        TimestampFormatTrait.Format format = trait != null
                ? trait.format()
                : json ? TimestampFormatTrait.Format.UNIX_TIMESTAMP : TimestampFormatTrait.Format.ISO_8601;
        return switch (format) {
            case ISO_8601 -> t.toString();
            case RFC_822 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
            case UNIX_TIMESTAMP_MILLIS -> Long.toString(t.toEpochMilli());
            default ->
                new BigDecimal(BigInteger.valueOf(t.getEpochSecond()))
                        .add(BigDecimal.valueOf(t.getNano(), 9))
                        .stripTrailingZeros()
                        .toPlainString();
        };
    }

    /** An export value that does not fit the model: the answer names the member instead of guessing. */
    static final class BadExportValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadExportValue(String where, String expected, JsonNode found) {
            super(where + " should be " + expected + ", not " + abbreviate(found.toString()));
        }

        private static String abbreviate(String s) {
            return s.length() > 60 ? s.substring(0, 60) + "..." : s;
        }
    }
}
