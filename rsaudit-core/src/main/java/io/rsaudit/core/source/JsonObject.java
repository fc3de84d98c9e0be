package io.rsaudit.core.source;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rsaudit.core.model.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An object of an AWS CLI JSON file: the members its {@link Projection} reads, taken from the parser as the file
 * streams by, every other member skipped unparsed. No tree of the file is built: one object holds one array of the
 * values read, dropped once the reader has made its model record. A member read that appears twice in one object
 * makes the file malformed there; names are not otherwise checked for duplicates (that check, a set of names per
 * object, cost a tenth of a load).
 */
final class JsonObject extends ResponseObject {

    /** A nested object read while capturing its parent: the values of the members its projection reads. */
    private record Nested(Projection projection, Object[] values) {}

    private final Object[] values;

    private JsonObject(Object[] values, Provenance provenance, Projection projection, Diagnostics diagnostics) {
        super(provenance, projection, diagnostics);
        this.values = values;
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the parser's current token, up to and including its
     * {@code END_OBJECT}. Names the shape does not define are added to {@code unknown} ({@code [pointer, shape,
     * name]}), for the caller to report once the whole object has been read.
     */
    static JsonObject read(
            JsonParser parser,
            Projection projection,
            Provenance provenance,
            Diagnostics diagnostics,
            List<String[]> unknown)
            throws IOException {
        Object[] values = capture(parser, projection, new Where(null, provenance, null), unknown);
        return new JsonObject(values, provenance, projection, diagnostics);
    }

    /**
     * Where an object being captured is, for the names it holds that its shape does not define: the object read, or
     * a member (a name or an index) of an object or list around it. Its pointer is written out only for such a name.
     */
    private record Where(Where parent, Provenance object, String member, int index) {

        Where(Where parent, Provenance object, String member) {
            this(parent, object, member, -1);
        }

        String pointer() {
            return parent == null ? object.pointer() : parent.pointer() + "/" + (member == null ? index : member);
        }
    }

    private static Object[] capture(JsonParser parser, Projection projection, Where where, List<String[]> unknown)
            throws IOException {
        Object[] values = new Object[projection.size()];
        long seen = 0;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            int slot = projection.slotOf(name);
            JsonToken token = parser.nextToken();
            if (slot >= 0) {
                if ((seen & (1L << slot)) != 0) {
                    throw duplicate(parser, name);
                }
                seen |= 1L << slot;
                values[slot] = value(parser, token, projection.nested(slot), where, name, unknown);
            } else {
                if (slot == Projection.NOT_A_MEMBER) {
                    unknown.add(new String[] {
                        where.pointer() + "/" + name, projection.shape().name(), name
                    });
                }
                parser.skipChildren();
            }
        }
        return values;
    }

    /**
     * The value at the current token as plain Java: objects of a projected member are {@link Nested}, any other
     * object a {@link Map}; lists are lists; JSON {@code null} is {@code null}.
     */
    private static Object value(
            JsonParser parser, JsonToken token, Projection nested, Where where, String member, List<String[]> unknown)
            throws IOException {
        switch (token) {
            case VALUE_STRING:
                return STRINGS.get().share(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case START_OBJECT:
                if (nested != null) {
                    return new Nested(nested, capture(parser, nested, new Where(where, null, member), unknown));
                }
                Map<String, Object> map = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    map.put(name, value(parser, parser.nextToken(), null, null, name, unknown));
                }
                return map;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                Where at = nested == null ? null : new Where(where, null, member);
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (nested != null && t == JsonToken.START_OBJECT) {
                        Where element = new Where(at, null, null, list.size());
                        list.add(new Nested(nested, capture(parser, nested, element, unknown)));
                    } else {
                        list.add(value(
                                parser, t, nested, at, nested == null ? null : Integer.toString(list.size()), unknown));
                    }
                }
                return list;
            default:
                throw new IllegalStateException("unexpected JSON token " + token + " at a value");
        }
    }

    /**
     * A member read twice in one object: which one AWS meant cannot be told, so the file is malformed there, as a
     * parser that checks every name says (members that are not read are skipped, twice or not).
     */
    static JsonParseException duplicate(JsonParser parser, String name) {
        return new JsonParseException(parser, "Duplicate field '" + name + "'");
    }

    /**
     * A value that is not an object of the element's projection, read for the message that says so (the list
     * element that is not an object, say).
     */
    static Object plain(JsonParser parser) throws IOException {
        return value(parser, parser.currentToken(), null, null, "", new ArrayList<>());
    }

    /**
     * The strings an inventory keeps are mostly few values many times over (a status, a snapshot type, an owner
     * account, a key ARN, a cluster identifier), each parsed into a string of its own: a small cache per thread hands
     * out one instance of each recent value instead, so the inventory keeps each once (a fifth of its heap, for the
     * benchmark's estate). A value that misses the cache is kept as parsed.
     */
    private static final ThreadLocal<StringCache> STRINGS = ThreadLocal.withInitial(StringCache::new);

    /** A direct-mapped cache of recent strings, by hash. */
    private static final class StringCache {

        private final String[] slots = new String[4096];

        String share(String s) {
            int hash = s.hashCode();
            int i = hash & (slots.length - 1);
            String cached = slots[i];
            // most misses differ in their hash, which a cached string keeps: no comparison of their characters
            if (cached != null && cached.hashCode() == hash && s.equals(cached)) {
                return cached;
            }
            slots[i] = s;
            return s;
        }
    }

    @Override
    protected Object member(int slot, String name) {
        return values[slot];
    }

    @Override
    protected boolean isObject(Object value) {
        return value instanceof Nested;
    }

    @Override
    protected ResponseObject object(Object value, Provenance at, Projection projection) {
        return new JsonObject(((Nested) value).values(), at, projection, diagnostics());
    }

    @Override
    protected String objectText(Object value) {
        Nested n = (Nested) value;
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (int i = 0; i < n.values().length; i++) {
            if (n.values()[i] != null) {
                j.add(quoted(n.projection().member(i)) + ":" + text(n.values()[i]));
            }
        }
        return j.toString();
    }
}
