package io.rsaudit.core.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value read from a source, with its {@link Status} and {@link Provenance}.
 *
 * @param value the value; {@code null} when unknown, or when known to be "not set"
 * @param reason why the value is defaulted ({@link Reason.Kind#AWS_DEFAULT}) or unknown; {@code null} when known
 */
public record Value<T>(T value, Status status, Provenance provenance, Reason reason) {

    public Value {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(provenance, "provenance");
        if (status == Status.UNKNOWN && value != null) {
            throw new IllegalArgumentException("an unknown value has no value");
        }
        Reason.check(
                reason,
                status != Status.KNOWN,
                status == Status.DEFAULTED ? Reason.Applies.DEFAULTED : Reason.Applies.UNKNOWN);
    }

    public static <T> Value<T> known(T value, Provenance provenance) {
        return new Value<>(value, Status.KNOWN, provenance, null);
    }

    /** The value AWS documents for an absent member; {@code why} says which member and what the default means. */
    public static <T> Value<T> defaulted(T value, Provenance provenance, String why) {
        return new Value<>(value, Status.DEFAULTED, provenance, Reason.of(Reason.Kind.AWS_DEFAULT, why));
    }

    public static <T> Value<T> unknown(Provenance provenance, Reason.Kind kind, String detail) {
        return new Value<>(null, Status.UNKNOWN, provenance, Reason.of(kind, detail));
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
        return status == Status.UNKNOWN ? this : unknown(provenance, Reason.Kind.ABSENT, why);
    }

    /** This value when it is unknown; otherwise an unknown value at the same place, for a reason of {@code kind}. */
    public Value<T> orUnknown(Reason.Kind kind, String why) {
        return status == Status.UNKNOWN ? this : unknown(provenance, kind, why);
    }

    /** The same status and provenance around a derived value; unknown stays unknown. */
    @SuppressWarnings("unchecked")
    public <R> Value<R> map(Function<? super T, ? extends R> f) {
        if (status == Status.UNKNOWN) {
            return (Value<R>) this;
        }
        return new Value<>(value == null ? null : f.apply(value), status, provenance, reason);
    }

    /** A short rendering for messages: the value, or "unknown". */
    public String show() {
        return status == Status.UNKNOWN ? "unknown" : String.valueOf(value);
    }
}
