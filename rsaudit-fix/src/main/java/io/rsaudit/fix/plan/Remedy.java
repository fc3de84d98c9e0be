package io.rsaudit.fix.plan;

import java.util.Objects;

/**
 * The remedy of one failing check on one resource, as a person reads it.
 *
 * @param checkId the check it repairs: {@code RS-TRANSIT-001}
 * @param does what it changes, in a sentence
 * @param impact what the change does to the running resource
 * @param risk what may break for the estate's users
 * @param undo whether and how it can be reversed
 */
public record Remedy(String checkId, String does, Impact impact, String risk, String undo) {

    public Remedy {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(does, "does");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(undo, "undo");
    }
}
