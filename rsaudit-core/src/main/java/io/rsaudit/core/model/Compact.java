package io.rsaudit.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the resources an estate holds by the hundred thousand keep their fields: a value known at a member of the
 * resource's own record (its {@link ResourceId#origin()}) is kept bare, as most are; a value defaulted there is kept
 * as its value and reason, one instance for all the resources where the same default applies; any other {@link Value}
 * is kept as it is. {@link #value} gives back a value equal to the one {@link #of} was given.
 */
final class Compact {

    /** A field given as {@code null} (no {@link Value} at all). */
    private static final Object NONE = new Object();

    /** The defaults kept, by reason: the readers make a few reasons, once each. */
    private static final Map<Reason, Defaulted> DEFAULTS = new ConcurrentHashMap<>();

    /** At most this many defaults are shared; a reader that made a reason per resource would otherwise fill it. */
    private static final int SHARED_DEFAULTS = 256;

    /** A value defaulted at its member of the record. */
    private record Defaulted(Object value, Reason reason) {}

    private Compact() {}

    /** What to keep of {@code value}, the member {@code member} of the record at {@code origin}. */
    static Object of(Value<?> value, Provenance origin, String member) {
        if (value == null) {
            return NONE;
        }
        Object v = value.value();
        if (v instanceof Value<?> || v instanceof Defaulted || v == NONE) {
            return value;
        }
        if (value.isAt(Status.KNOWN, origin, member)) {
            return v;
        }
        if (value.isAt(Status.DEFAULTED, origin, member)) {
            Defaulted shared = DEFAULTS.get(value.reason());
            if (shared != null && Objects.equals(shared.value(), v)) {
                return shared;
            }
            Defaulted made = new Defaulted(v, value.reason());
            if (DEFAULTS.size() < SHARED_DEFAULTS) {
                DEFAULTS.put(value.reason(), made);
            }
            return made;
        }
        return value;
    }

    /** The value kept by {@link #of} for the same origin and member. */
    @SuppressWarnings("unchecked")
    static <T> Value<T> value(Object kept, Provenance origin, String member) {
        if (kept instanceof Value<?> v) {
            return (Value<T>) v;
        }
        if (kept instanceof Defaulted d) {
            return Value.defaulted((T) d.value(), origin, member, d.reason());
        }
        return kept == NONE ? null : Value.known((T) kept, origin, member);
    }
}
