package io.rsaudit.core.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value read from a source, with its {@link Status} and {@link Provenance}.
 *
 * <p>An inventory holds one value per field of every resource, so a value is one object: it keeps the provenance of
 * the object it was read from, shared by all the values of that object, and the name of its member below it, and
 * makes its own {@link #provenance()} when asked ({@code at.child(member)}). Two values are equal when their value,
 * status, provenance and reason are.
 */
public final class Value<T> {

    private final T value;
    private final Status status;
    private final Reason reason;
    /** The provenance of the value itself when {@link #member} is {@code null}, else of the object it is a member of. */
    private final Provenance at;

    private final String member;

    private Value(T value, Status status, Provenance at, String member, Reason reason) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "provenance");
        if (status == Status.UNKNOWN && value != null) {
            throw new IllegalArgumentException("an unknown value has no value");
        }
        Reason.check(
                reason,
                status != Status.KNOWN,
                status == Status.DEFAULTED ? Reason.Applies.DEFAULTED : Reason.Applies.UNKNOWN);
        this.value = value;
        this.status = status;
        this.at = at;
        this.member = member;
        this.reason = reason;
    }

    /**
     * @param value the value; {@code null} when unknown, or when known to be "not set"
     * @param reason why the value is defaulted ({@link Reason.Kind#AWS_DEFAULT}) or unknown; {@code null} when known
     */
    public Value(T value, Status status, Provenance provenance, Reason reason) {
        this(value, status, provenance, null, reason);
    }

    public static <T> Value<T> known(T value, Provenance provenance) {
        return new Value<>(value, Status.KNOWN, provenance, null, null);
    }

    /**
     * A known value of the member {@code member} of the object at {@code object}: its provenance is {@code
     * object.child(member)}, made only when asked for.
     */
    public static <T> Value<T> known(T value, Provenance object, String member) {
        return new Value<>(value, Status.KNOWN, object, member, null);
    }

    /** The value AWS documents for an absent member; {@code why} says which member and what the default means. */
    public static <T> Value<T> defaulted(T value, Provenance provenance, String why) {
        return defaulted(value, provenance, Reason.of(Reason.Kind.AWS_DEFAULT, why));
    }

    /** The value AWS documents for an absent member; {@code why} is of kind {@link Reason.Kind#AWS_DEFAULT}. */
    public static <T> Value<T> defaulted(T value, Provenance provenance, Reason why) {
        return new Value<>(value, Status.DEFAULTED, provenance, null, why);
    }

    /** {@link #defaulted(Object, Provenance, Reason)} for the member {@code member} of the object at {@code object}. */
    public static <T> Value<T> defaulted(T value, Provenance object, String member, Reason why) {
        return new Value<>(value, Status.DEFAULTED, object, member, why);
    }

    public static <T> Value<T> unknown(Provenance provenance, Reason.Kind kind, String detail) {
        return new Value<>(null, Status.UNKNOWN, provenance, null, Reason.of(kind, detail));
    }

    /** The value; {@code null} when unknown, or when known to be "not set". */
    public T value() {
        return value;
    }

    public Status status() {
        return status;
    }

    /** Where the value came from. */
    public Provenance provenance() {
        return member == null ? at : at.child(member);
    }

    /** Why the value is defaulted or unknown; {@code null} when known. */
    public Reason reason() {
        return reason;
    }

    /** The detail of the reason: why the value is defaulted or unknown; {@code null} when known. */
    public String note() {
        return reason == null ? null : reason.detail();
    }

    public boolean isUnknown() {
        return status == Status.UNKNOWN;
    }

    /** True when known or defaulted and the value is set. */
    public boolean isPresent() {
        return status != Status.UNKNOWN && value != null;
    }

    /**
     * This value when it is unknown; otherwise an unknown value at the same place, for {@code why}, of kind {@link
     * Reason.Kind#ABSENT}. For a field that must be set to be judged: "not set" then means the check cannot tell.
     */
    public Value<T> orUnknown(String why) {
        return orUnknown(Reason.Kind.ABSENT, why);
    }

    /** This value when it is unknown; otherwise an unknown value at the same place, for a reason of {@code kind}. */
    public Value<T> orUnknown(Reason.Kind kind, String why) {
        return status == Status.UNKNOWN ? this : new Value<>(null, Status.UNKNOWN, at, member, Reason.of(kind, why));
    }

    /** The same status and provenance around a derived value; unknown stays unknown. */
    @SuppressWarnings("unchecked")
    public <R> Value<R> map(Function<? super T, ? extends R> f) {
        if (status == Status.UNKNOWN) {
            return (Value<R>) this;
        }
        return new Value<>(value == null ? null : f.apply(value), status, at, member, reason);
    }

    /** Whether this value is of {@code status} and its provenance the member {@code member} of the object at {@code object}. */
    boolean isAt(Status status, Provenance object, String member) {
        return this.status == status && at == object && member.equals(this.member);
    }

    /** A short rendering for messages: the value, or "unknown". */
    public String show() {
        return status == Status.UNKNOWN ? "unknown" : String.valueOf(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value<?> v
                && Objects.equals(value, v.value)
                && status == v.status
                && Objects.equals(reason, v.reason)
                && provenance().equals(v.provenance());
    }

    @Override
    public int hashCode() {
        // as a record of (value, status, provenance, reason) hashes
        int h = Objects.hashCode(value);
        h = 31 * h + status.hashCode();
        h = 31 * h + provenance().hashCode();
        return 31 * h + Objects.hashCode(reason);
    }

    @Override
    public String toString() {
        return "Value[value=" + value + ", status=" + status + ", provenance=" + provenance() + ", reason=" + reason
                + "]";
    }
}
