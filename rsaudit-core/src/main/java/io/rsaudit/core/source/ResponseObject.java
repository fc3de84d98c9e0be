package io.rsaudit.core.source;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * An object of a known AWS shape in a call's answer, read member by member into {@link Value}s: an object of an AWS
 * CLI JSON file, or an AWS SDK response object, whichever the source holds. The service readers read both through
 * this class alone, so that one reader turns a file and a live response into the same model values.
 *
 * <p>A member of the wrong type becomes an unknown value and an {@link Kind#INVALID_VALUE} error naming where it is.
 * A subclass hands out a member's value as plain Java ({@link #member}); the checks of type, absence and defaults
 * are made here, once for every source.
 */
public abstract class ResponseObject {

    private final Provenance provenance;
    private final Projection projection;
    private final Diagnostics diagnostics;

    protected ResponseObject(Provenance provenance, Projection projection, Diagnostics diagnostics) {
        this.provenance = provenance;
        this.projection = projection;
        this.diagnostics = diagnostics;
    }

    /**
     * The value of a member the projection reads, or {@code null} when it is absent (or JSON {@code null}): a
     * {@link String}, {@link Boolean}, {@link Number}, {@link Instant}, a {@link List} of such values or of objects,
     * or an object ({@link #isObject}); an object the projection does not describe may be a {@link Map} of such values.
     *
     * @param slot the member's slot in the projection
     * @param name the member's name
     */
    protected abstract Object member(int slot, String name);

    /** Whether a value {@link #member} handed out is an object, which {@link #object(Object, Provenance, Projection)} reads. */
    protected abstract boolean isObject(Object value);

    /** The object {@code value} (for which {@link #isObject} is true), read with {@code projection} at {@code at}. */
    protected abstract ResponseObject object(Object value, Provenance at, Projection projection);

    /** An object value as JSON text, for messages; may be shortened. */
    protected abstract String objectText(Object value);

    protected final Provenance provenance() {
        return provenance;
    }

    protected final Projection projection() {
        return projection;
    }

    protected final Diagnostics diagnostics() {
        return diagnostics;
    }

    final Provenance at(String member) {
        return provenance.child(member);
    }

    private Object raw(String member) {
        return member(projection.slot(member), member);
    }

    /** The number of elements of a list member; 0 when absent or not a list. */
    final int size(String member) {
        return raw(member) instanceof List<?> list ? list.size() : 0;
    }

    final boolean has(String member) {
        return raw(member) != null;
    }

    final Value<String> text(String member, Absent absent) {
        return read(member, absent, "a string", v -> v instanceof String s ? s : null);
    }

    final Value<Boolean> bool(String member, Absent absent) {
        return read(member, absent, "true or false", v -> v instanceof Boolean b ? b : null);
    }

    final Value<Integer> integer(String member, Absent absent) {
        return read(member, absent, "a whole number", v -> {
            Long l = whole(v);
            return l != null && l == l.intValue() ? (Integer) l.intValue() : null;
        });
    }

    final Value<Long> longInteger(String member, Absent absent) {
        return read(member, absent, "a whole number", ResponseObject::whole);
    }

    final Value<Double> decimal(String member, Absent absent) {
        return read(member, absent, "a number", v -> v instanceof Number n ? n.doubleValue() : null);
    }

    final Value<Instant> instant(String member, Absent absent) {
        return read(member, absent, "a timestamp (ISO 8601 or epoch seconds)", v -> {
            if (v instanceof Instant t) {
                return t;
            }
            if (v instanceof String s) {
                return Timestamps.parse(s);
            }
            return v instanceof Number n ? Timestamps.ofEpochSeconds(decimalOf(n)) : null;
        });
    }

    final Value<List<String>> texts(String member, Absent absent) {
        return read(member, absent, "a list of strings", v -> {
            if (!(v instanceof List<?> list)) {
                return null;
            }
            List<String> out = new ArrayList<>(list.size());
            for (Object e : list) {
                if (!(e instanceof String s)) {
                    return null;
                }
                out.add(s);
            }
            return List.copyOf(out);
        });
    }

    /** The nested object: known {@code null} when absent, unknown when not an object. */
    final Value<ResponseObject> object(String member) {
        int slot = projection.slot(member);
        Projection nested = nestedOf(slot, member);
        Object v = member(slot, member);
        if (v == null) {
            return Value.known(null, at(member));
        }
        if (!isObject(v)) {
            return invalid(member, "a " + nested.shape().name() + " object", v);
        }
        Provenance at = at(member);
        return Value.known(object(v, at, nested), at);
    }

    /**
     * The objects of a list member. An element that is not an object is reported and left out; the others are still
     * read.
     */
    final Value<List<ResponseObject>> objects(String member, Absent absent) {
        int slot = projection.slot(member);
        Projection nested = nestedOf(slot, member);
        Object v = member(slot, member);
        if (v == null) {
            return whenAbsent(member, absent);
        }
        if (!(v instanceof List<?> list)) {
            return invalid(member, "a list of " + nested.shape().name() + " objects", v);
        }
        List<ResponseObject> out = new ArrayList<>(list.size());
        String pointer = at(member).pointer() + "/";
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            // a fresh base per element lets the values below share their pointer strings
            Provenance at = Provenance.element(provenance.location(), pointer, i);
            if (e != null && isObject(e)) {
                out.add(object(e, at, nested));
            } else {
                diagnostics.error(
                        Kind.INVALID_VALUE,
                        at.toString(),
                        "expected a " + nested.shape().name() + " object, found " + describe(e));
            }
        }
        return Value.known(out, provenance, member);
    }

    private Projection nestedOf(int slot, String member) {
        Projection nested = projection.nested(slot);
        if (nested == null) {
            throw new IllegalStateException("the reader reads " + member + " of "
                    + projection.shape().name() + " as objects but its projection reads it as a scalar");
        }
        return nested;
    }

    private <T> Value<T> read(String member, Absent absent, String expected, Function<Object, T> convert) {
        int slot = projection.slot(member);
        if (projection.nested(slot) != null) {
            throw new IllegalStateException("the reader reads " + member + " of "
                    + projection.shape().name() + " as a scalar but its projection reads it as objects");
        }
        Object v = member(slot, member);
        if (v == null) {
            return whenAbsent(member, absent);
        }
        T converted = convert.apply(v);
        if (converted == null) {
            return invalid(member, expected, v);
        }
        return Value.known(converted, provenance, member);
    }

    private <T> Value<T> invalid(String member, String expected, Object found) {
        Provenance at = at(member);
        String message = "expected " + expected + ", found " + describe(found);
        diagnostics.error(Kind.INVALID_VALUE, at.toString(), message);
        return Value.unknown(at, Reason.Kind.UNREADABLE, "invalid value at " + at + ": " + message);
    }

    /** An absent member, as the caller says its absence reads; a default must be of the member's type. */
    @SuppressWarnings("unchecked")
    private <T> Value<T> whenAbsent(String member, Absent absent) {
        if (absent instanceof Absent.Default d) {
            return Value.defaulted((T) d.value(), provenance, member, d.why());
        }
        if (absent == Absent.NOT_SET) {
            return Value.known(null, provenance, member);
        }
        Provenance at = at(member);
        if (absent instanceof Absent.Unknown) {
            return Value.unknown(
                    at,
                    Reason.Kind.ABSENT,
                    "'" + member + "' is absent from the " + projection.shape().name() + " in " + at);
        }
        return Value.known(null, at);
    }

    /** A whole number that fits a long, or {@code null}. */
    private static Long whole(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }

    private static BigDecimal decimalOf(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return n instanceof Double || n instanceof Float
                ? BigDecimal.valueOf(n.doubleValue())
                : BigDecimal.valueOf(n.longValue());
    }

    /**
     * A value for a message: its JSON type and a short excerpt of its text, redacted before it is shortened to 60
     * characters (so that a secret is not cut into a part the redactor no longer recognises).
     */
    final String describe(Object v) {
        return describe(v, this);
    }

    /** {@link #describe(Object)} for a value that holds no object of a source ({@link #isObject}). */
    static String describePlain(Object v) {
        return describe(v, null);
    }

    private static String describe(Object v, ResponseObject source) {
        String text = io.rsaudit.core.redact.Redactor.redact(text(v, source));
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return typeOf(v, source) + " " + text;
    }

    private static String typeOf(Object v, ResponseObject source) {
        if (v == null) {
            return "null";
        }
        if ((source != null && source.isObject(v)) || v instanceof Map<?, ?>) {
            return "object";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        return v instanceof Boolean ? "boolean" : v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** A value as compact JSON text, as Jackson prints a tree. */
    protected final String text(Object v) {
        return text(v, this);
    }

    private static String text(Object v, ResponseObject source) {
        if (v == null) {
            return "null";
        }
        if (source != null && source.isObject(v)) {
            return source.objectText(v);
        }
        if (v instanceof String s) {
            return quoted(s);
        }
        if (v instanceof List<?> list) {
            StringJoiner j = new StringJoiner(",", "[", "]");
            list.forEach(e -> j.add(text(e, source)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(",", "{", "}");
            map.forEach((k, e) -> j.add(quoted(String.valueOf(k)) + ":" + text(e, source)));
            return j.toString();
        }
        return String.valueOf(v);
    }

    /** A string as a JSON string literal. */
    protected static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
