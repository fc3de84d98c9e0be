package io.rsaudit.core.check;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.model.Value;

/**
 * The field a verdict rests on: its value, how well it is known, where it came from, and why it is defaulted or
 * unknown ({@code null} when known).
 */
public record Evidence(Object value, Status status, Provenance provenance, Reason reason) {

    public static Evidence of(Value<?> v) {
        return new Evidence(v.value(), v.status(), v.provenance(), v.reason());
    }

    /** The detail of the reason; {@code null} when known. */
    public String note() {
        return reason == null ? null : reason.detail();
    }
}
