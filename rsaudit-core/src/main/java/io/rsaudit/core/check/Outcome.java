package io.rsaudit.core.check;

import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;
import java.util.Objects;

/**
 * What a check says of one resource: the result, a message for a person, the field it rests on, and, for an unknown
 * or not applicable result, the typed reason.
 *
 * @param evidence the offending field for a fail, the missing one for an unknown; {@code null} when no single
 *     field decides
 * @param reason why the check could not judge ({@link Reason.Applies#UNKNOWN}) or had nothing to judge ({@link
 *     Reason.Applies#NOT_APPLICABLE}); {@code null} for a pass or a fail
 */
public record Outcome(Result result, String message, Evidence evidence, Reason reason) {

    public Outcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("an outcome needs a message");
        }
        Reason.check(
                reason,
                result == Result.UNKNOWN || result == Result.NOT_APPLICABLE,
                result == Result.UNKNOWN ? Reason.Applies.UNKNOWN : Reason.Applies.NOT_APPLICABLE);
    }

    public static Outcome pass(String message, Value<?> field) {
        return new Outcome(Result.PASS, message, field == null ? null : Evidence.of(field), null);
    }

    public static Outcome fail(String message, Value<?> field) {
        return new Outcome(
                Result.FAIL, message, Evidence.of(Objects.requireNonNull(field, "a fail names its field")), null);
    }

    /**
     * Unknown because {@code field} is unknown or not set: the message is {@code what} followed by the field's
     * reason, if it has one, and the reason is the field's ({@link Reason.Kind#ABSENT} for a field that is merely not
     * set).
     */
    public static Outcome unknown(String what, Value<?> field) {
        Reason own = field.reason();
        String message = own == null ? what : what + ": " + own.detail();
        Reason why = own != null && own.kind().applies() == Reason.Applies.UNKNOWN
                ? own
                : Reason.of(Reason.Kind.ABSENT, own == null ? what : own.detail());
        return new Outcome(Result.UNKNOWN, message, Evidence.of(field), why);
    }

    /**
     * Unknown for a reason the check states itself (several fields, none decisive): {@code message} is the whole text
     * and {@code kind} the cause.
     */
    public static Outcome unknown(Reason.Kind kind, String message, Value<?> field) {
        return new Outcome(
                Result.UNKNOWN, message, field == null ? null : Evidence.of(field), Reason.of(kind, message));
    }

    /**
     * Unknown because several fields are: {@code message} gives every field's reason, and {@code first}, the
     * evidence, gives the kind (the kind {@link Reason.Kind#ABSENT} when it is merely not set).
     */
    public static Outcome unknownAmong(String message, Value<?> first) {
        Reason own = first.reason();
        Reason.Kind kind =
                own != null && own.kind().applies() == Reason.Applies.UNKNOWN ? own.kind() : Reason.Kind.ABSENT;
        return new Outcome(Result.UNKNOWN, message, Evidence.of(first), Reason.of(kind, message));
    }

    /**
     * One outcome for several parts of a resource judged alike (each of its copy configurations, say): the worst of
     * them, a fail before an unknown before a pass before a not applicable. Its evidence and reason are the first
     * worst part's, and its message gives every part of that result, in order.
     */
    public static Outcome worst(java.util.List<Outcome> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no part to judge");
        }
        java.util.List<Result> order =
                java.util.List.of(Result.FAIL, Result.UNKNOWN, Result.PASS, Result.NOT_APPLICABLE);
        for (Result r : order) {
            java.util.List<Outcome> of =
                    parts.stream().filter(o -> o.result() == r).toList();
            if (!of.isEmpty()) {
                Outcome first = of.get(0);
                String message =
                        String.join("; ", of.stream().map(Outcome::message).toList());
                return new Outcome(r, message, first.evidence(), first.reason());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The outcome of a check that threw: unknown, with the exception as the detail. */
    public static Outcome checkFailed(RuntimeException e) {
        return new Outcome(
                Result.UNKNOWN,
                "internal error in the check (please report it): " + e,
                null,
                Reason.of(Reason.Kind.CHECK_FAILED, e.toString()));
    }

    /** Not applicable: {@code message} says why, {@code kind} is the cause. */
    public static Outcome notApplicable(Reason.Kind kind, String message) {
        return new Outcome(Result.NOT_APPLICABLE, message, null, Reason.of(kind, message));
    }

    /** Not applicable, resting on {@code field}. */
    public static Outcome notApplicable(Reason.Kind kind, String message, Value<?> field) {
        return new Outcome(Result.NOT_APPLICABLE, message, Evidence.of(field), Reason.of(kind, message));
    }
}
