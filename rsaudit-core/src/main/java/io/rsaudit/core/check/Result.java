package io.rsaudit.core.check;

/** The verdict of one check on one resource. */
public enum Result {
    PASS,
    FAIL,
    UNKNOWN,
    NOT_APPLICABLE;

    public String label() {
        return this == NOT_APPLICABLE ? "n/a" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
