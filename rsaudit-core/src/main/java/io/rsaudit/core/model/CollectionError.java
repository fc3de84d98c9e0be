package io.rsaudit.core.model;

import java.util.Objects;

/**
 * A problem met while building the inventory. Errors make the run incomplete; warnings do not.
 *
 * @param location the file (relative to the input root) and JSON pointer or line, or the directory
 */
public record CollectionError(Kind kind, String location, String message) {

    public CollectionError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public enum Kind {
        /** A list call's output is absent, so a whole resource type went unseen in a scope. */
        NOT_COLLECTED(false),
        /** The collector recorded that the call failed (access denied, throttled...). */
        CALL_FAILED(false),
        /** The file is not the JSON the call prints: unreadable, malformed, truncated, not UTF-8/16/32. */
        MALFORMED(false),
        /** A field holds a value of the wrong type or out of range; that field is unknown. */
        INVALID_VALUE(false),
        /** A file or folder does not fit the documented layout. */
        LAYOUT(false),
        /** A field the AWS model does not define: a typo, or a newer API. Ignored. */
        UNKNOWN_FIELD(true);

        private final boolean warning;

        Kind(boolean warning) {
            this.warning = warning;
        }

        public boolean isWarning() {
            return warning;
        }
    }

    public boolean isWarning() {
        return kind.isWarning();
    }
}
