package io.rsaudit.core.check;

import io.rsaudit.core.model.Value;
import java.util.Objects;

/**
 * What a check says of one resource: the result, a message for a person, and the field it rests on.
 *
 * @param evidence the offending field for a fail, the missing one for an unknown; {@code null} when no single
 *     field decides
 */
public record Outcome(Result result, String message, Evidence evidence) {

    public Outcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("an outcome needs a message");
        }
    }

    public static Outcome pass(String message, Value<?> field) {
        return new Outcome(Result.PASS, message, field == null ? null : Evidence.of(field));
    }

    public static Outcome fail(String message, Value<?> field) {
        return new Outcome(Result.FAIL, message, Evidence.of(Objects.requireNonNull(field, "a fail names its field")));
    }

    /** Unknown because {@code field} is unknown; the message carries the field's own reason. */
    public static Outcome unknown(String what, Value<?> field) {
        String why = field.note() == null ? what : what + ": " + field.note();
        return new Outcome(Result.UNKNOWN, why, Evidence.of(field));
    }

    public static Outcome notApplicable(String reason) {
        return new Outcome(Result.NOT_APPLICABLE, reason, null);
    }

    public static Outcome notApplicable(String reason, Value<?> field) {
        return new Outcome(Result.NOT_APPLICABLE, reason, Evidence.of(field));
    }
}
