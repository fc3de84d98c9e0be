package io.rsaudit.core.check;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.model.Value;

/** The field a verdict rests on: its value, how well it is known, and where it came from. */
public record Evidence(Object value, Status status, Provenance provenance, String note) {

    public static Evidence of(Value<?> v) {
        return new Evidence(v.value(), v.status(), v.provenance(), v.note());
    }
}
