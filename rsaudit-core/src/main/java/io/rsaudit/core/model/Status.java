package io.rsaudit.core.model;

/** How much a source knows about a value. */
public enum Status {
    /** Present in the source. A {@code null} value then means the source says "not set". */
    KNOWN,
    /** Absent in the source; the adapter applied the documented AWS default (the value's note says which). */
    DEFAULTED,
    /** Not knowable from the source: not collected, the call failed, or the input was invalid. */
    UNKNOWN
}
