package io.rsaudit.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a value is defaulted or unknown, or why a check could not judge (unknown) or had nothing to judge (not
 * applicable): a {@link Kind} that code and report writers act on, and a detail for a person. Code decides by the
 * kind, never by the text.
 *
 * @param detail what happened, in words, naming the file, member or setting concerned
 */
public record Reason(Kind kind, String detail) {

    /** What a kind of reason explains. */
    public enum Applies {
        /** A {@link Status#DEFAULTED} value. */
        DEFAULTED,
        /** A {@link Status#UNKNOWN} value, or a check's unknown result. */
        UNKNOWN,
        /** A check's not applicable result. */
        NOT_APPLICABLE
    }

    /** The kinds of reason. Each applies to one of {@link Applies}. */
    public enum Kind {
        /** The member is absent and the value AWS documents for it applies. */
        AWS_DEFAULT(Applies.DEFAULTED),
        /** The call that tells was not collected: the export has no file for it. */
        NOT_COLLECTED(Applies.UNKNOWN),
        /** The call failed: its {@code .error} file, access denied, throttled, an opted-out region. */
        CALL_FAILED(Applies.UNKNOWN),
        /** The call's output is there but cannot be read: malformed, truncated, partly read, a value of the wrong type. */
        UNREADABLE(Applies.UNKNOWN),
        /** The member is absent, null or empty, and AWS documents no default that would decide. */
        ABSENT(Applies.UNKNOWN),
        /** The value is present but not one rsaudit knows the meaning of (an unexpected enum value, a zero period). */
        UNRECOGNIZED(Applies.UNKNOWN),
        /** The resource refers to another (a key, a parameter group, a security group) that the input does not hold. */
        NOT_FOUND(Applies.UNKNOWN),
        /** The check threw: a bug in rsaudit. */
        CHECK_FAILED(Applies.UNKNOWN),
        /** The policy does not ask for this (FIPS TLS, customer managed keys). */
        NOT_REQUIRED_BY_POLICY(Applies.NOT_APPLICABLE),
        /** The feature the requirement is about is off or absent (no HSM, logging or automated snapshots disabled). */
        FEATURE_NOT_IN_USE(Applies.NOT_APPLICABLE),
        /** Another account owns the resource and shares it in: only the owner can change it. */
        OWNED_BY_ANOTHER_ACCOUNT(Applies.NOT_APPLICABLE),
        /** AWS manages it and no one in the account can change it (AWS managed keys, automated snapshots). */
        MANAGED_BY_AWS(Applies.NOT_APPLICABLE),
        /** AWS offers no such setting for a resource in this state (rotation of an imported or deleting key). */
        NOT_SUPPORTED(Applies.NOT_APPLICABLE);

        private final Applies applies;

        Kind(Applies applies) {
            this.applies = applies;
        }

        public Applies applies() {
            return applies;
        }

        /** The kind as report formats write it: {@code call_failed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Reason {
        Objects.requireNonNull(kind, "kind");
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a reason needs a detail");
        }
    }

    public static Reason of(Kind kind, String detail) {
        return new Reason(kind, detail);
    }

    /**
     * Checks that {@code reason} is given when {@code needed} and explains {@code what}, and that none is given
     * otherwise; an {@link IllegalArgumentException} when not.
     */
    public static void check(Reason reason, boolean needed, Applies what) {
        if (!needed && reason != null) {
            throw new IllegalArgumentException("no reason is needed here, but " + reason.kind() + " was given");
        }
        if (needed && (reason == null || reason.kind().applies() != what)) {
            throw new IllegalArgumentException((reason == null ? "no reason" : reason.kind())
                    + " given where a reason for " + what + " is needed");
        }
    }
}
