package io.rsaudit.core.model;

/**
 * How the resources an estate holds by the hundred thousand keep their fields: a value known at a member of the
 * resource's own record (its {@link ResourceId#origin()}) is kept bare, as most are, and any other {@link Value} as it
 * is. {@link #value} gives back a value equal to the one {@link #of} was given.
 */
final class Compact {

    /** A field given as {@code null} (no {@link Value} at all). */
    private static final Object NONE = new Object();

    private Compact() {}

    /** What to keep of {@code value}, the member {@code member} of the record at {@code origin}. */
    static Object of(Value<?> value, Provenance origin, String member) {
        if (value == null) {
            return NONE;
        }
        return value.isKnownAt(origin, member) && !(value.value() instanceof Value<?>) && value.value() != NONE
                ? value.value()
                : value;
    }

    /** The value kept by {@link #of} for the same origin and member. */
    @SuppressWarnings("unchecked")
    static <T> Value<T> value(Object kept, Provenance origin, String member) {
        if (kept instanceof Value<?> v) {
            return (Value<T>) v;
        }
        return kept == NONE ? null : Value.known((T) kept, origin, member);
    }
}
