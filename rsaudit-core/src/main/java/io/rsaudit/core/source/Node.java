package io.rsaudit.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.source.AwsShapes.Shape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON object of a known AWS shape, read member by member into {@link Value}s. A member of the wrong type
 * becomes an unknown value and an {@link Kind#INVALID_VALUE} error naming the file and pointer; a member the
 * shape does not define becomes a warning.
 */
final class Node {

    private final JsonNode json;
    private final Provenance provenance;
    private final Shape shape;
    private final Diagnostics diagnostics;

    private Node(JsonNode json, Provenance provenance, Shape shape, Diagnostics diagnostics) {
        this.json = json;
        this.provenance = provenance;
        this.shape = shape;
        this.diagnostics = diagnostics;
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!shape.members().contains(name)) {
                diagnostics.unknownField(
                        provenance.location(), provenance.child(name).pointer(), shape.name(), name);
            }
        }
    }

    /** The node, or {@code null} (with an error recorded) when {@code json} is not an object. */
    static Node of(JsonNode json, Provenance provenance, Shape shape, Diagnostics diagnostics) {
        if (!json.isObject()) {
            diagnostics.error(
                    Kind.INVALID_VALUE,
                    provenance.toString(),
                    "expected a " + shape.name() + " object, found " + describe(json));
            return null;
        }
        return new Node(json, provenance, shape, diagnostics);
    }

    Provenance provenance() {
        return provenance;
    }

    Provenance at(String member) {
        return provenance.child(member);
    }

    /** The number of elements of an array member; 0 when absent or not an array. */
    int size(String member) {
        JsonNode v = json.get(member);
        return v != null && v.isArray() ? v.size() : 0;
    }

    boolean has(String member) {
        JsonNode v = json.get(member);
        return v != null && !v.isNull();
    }

    Value<String> text(String member, Absent absent) {
        return read(member, absent, "a string", v -> v.isTextual() ? v.textValue() : null);
    }

    Value<Boolean> bool(String member, Absent absent) {
        return read(member, absent, "true or false", v -> v.isBoolean() ? v.booleanValue() : null);
    }

    Value<Integer> integer(String member, Absent absent) {
        return read(
                member,
                absent,
                "a whole number",
                v -> v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null);
    }

    Value<Long> longInteger(String member, Absent absent) {
        return read(
                member,
                absent,
                "a whole number",
                v -> v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null);
    }

    Value<Double> decimal(String member, Absent absent) {
        return read(member, absent, "a number", v -> v.isNumber() ? v.doubleValue() : null);
    }

    Value<Instant> instant(String member, Absent absent) {
        return read(member, absent, "a timestamp (ISO 8601 or epoch seconds)", v -> {
            if (v.isTextual()) {
                return Timestamps.parse(v.textValue());
            }
            return v.isNumber() ? Timestamps.ofEpochSeconds(v.decimalValue()) : null;
        });
    }

    Value<List<String>> texts(String member, Absent absent) {
        return read(member, absent, "a list of strings", v -> {
            if (!v.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    return null;
                }
                out.add(e.textValue());
            }
            return List.copyOf(out);
        });
    }

    /** The nested object: known {@code null} when absent, unknown when not an object. */
    Value<Node> object(String member, Shape memberShape) {
        if (!has(member)) {
            return Value.known(null, at(member));
        }
        Value<JsonNode> raw =
                read(member, Absent.UNKNOWN, "a " + memberShape.name() + " object", v -> v.isObject() ? v : null);
        return raw.map(v -> new Node(v, at(member), memberShape, diagnostics));
    }

    /**
     * The objects of a list member. An element that is not an object is reported and left out; the others are
     * still read.
     */
    Value<List<Node>> objects(String member, Shape elementShape, Absent absent) {
        if (!has(member)) {
            return whenAbsent(member, absent);
        }
        Value<JsonNode> raw = read(
                member, Absent.UNKNOWN, "a list of " + elementShape.name() + " objects", v -> v.isArray() ? v : null);
        return raw.map(array -> {
            List<Node> out = new ArrayList<>(array.size());
            Provenance listAt = at(member);
            for (int i = 0; i < array.size(); i++) {
                // a fresh base per element lets the values below share their pointer strings
                Node n = of(
                        array.get(i),
                        Provenance.of(listAt.location(), listAt.pointer() + "/" + i),
                        elementShape,
                        diagnostics);
                if (n != null) {
                    out.add(n);
                }
            }
            return out;
        });
    }

    private <T> Value<T> read(String member, Absent absent, String expected, Function<JsonNode, T> convert) {
        JsonNode v = json.get(member);
        if (v == null || v.isNull()) {
            return whenAbsent(member, absent);
        }
        Provenance at = at(member);
        T converted = convert.apply(v);
        if (converted == null) {
            String message = "expected " + expected + ", found " + describe(v);
            diagnostics.error(Kind.INVALID_VALUE, at.toString(), message);
            return Value.unknown(at, "invalid value at " + at + ": " + message);
        }
        return Value.known(converted, at);
    }

    /** An absent member, as the caller says its absence reads; a default must be of the member's type. */
    @SuppressWarnings("unchecked")
    private <T> Value<T> whenAbsent(String member, Absent absent) {
        Provenance at = at(member);
        if (absent instanceof Absent.Default d) {
            return Value.defaulted((T) d.value(), at, d.why());
        }
        if (absent instanceof Absent.Unknown) {
            return Value.unknown(at, "'" + member + "' is absent from the " + shape.name() + " in " + at);
        }
        return Value.known(null, at);
    }

    static String describe(JsonNode v) {
        String text = v.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + text;
    }
}
