package io.rsaudit.core.model;

/** The outcome of a whole run, most serious first. Front ends map it to exit codes. */
public enum Verdict {
    /** A check threw: a bug in rsaudit. */
    INTERNAL_ERROR,
    /** Failing findings at or above the threshold. */
    FINDINGS,
    /** No such failures, but collection errors, or unknowns at or above the threshold: the picture is partial. */
    INCOMPLETE,
    /** Everything judged, nothing at or above the threshold failed. */
    CLEAN
}
