package io.rsaudit.core.hunt;

/** Whether the recorded action succeeded, as far as the record says. */
public enum EventOutcome {
    SUCCESS,
    FAILURE,
    /** The format does not say (a user activity log line records a statement, not its result). */
    UNKNOWN
}
