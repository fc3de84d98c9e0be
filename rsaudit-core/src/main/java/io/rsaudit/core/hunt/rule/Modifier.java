package io.rsaudit.core.hunt.rule;

import java.util.Locale;

/** How a selection compares a field with its values: the part after {@code |} in {@code sql|contains}. */
public enum Modifier {
    /** Case-insensitive equality; a {@code null} value matches an absent or blank field. The default. */
    EQUALS,
    CONTAINS,
    STARTSWITH,
    ENDSWITH,
    /** A Java regular expression, found anywhere in the value; case-sensitive unless it says {@code (?i)}. */
    RE,
    /** The value is an IPv4 or IPv6 address inside one of the networks. */
    CIDR,
    GT,
    GTE,
    LT,
    LTE,
    /** {@code true}: the field is present and not blank; {@code false}: it is absent or blank. */
    EXISTS,
    /** The value equals (case-insensitively) the value of the named other field of the same event. */
    FIELDREF,
    /**
     * The value is a destination region that the policy's residency rules forbid copying data to from the region
     * in the named other field. A region missing from the residency profile never matches: it cannot be judged.
     */
    RESIDENCY,
    /**
     * The value is a snapshot resource policy (JSON) that lets an account restore the snapshot which is neither the
     * event's own account nor one of the values: {@code *}, or another account. A restore grant that names no
     * account (a {@code NotPrincipal}, a service principal) and a text that is not a policy match too: neither can
     * be judged trusted. See {@link io.rsaudit.core.model.SnapshotResourcePolicy}.
     */
    RESTOREOUTSIDE,
    /**
     * The value is an ARN (or a 12-digit account id) in an account that is neither the event's own nor one of the
     * values: a KMS key of another account, say. A value that names no account (a key id, an alias) is the event's
     * own account's, and never matches.
     */
    ACCOUNTOUTSIDE,
    /**
     * The value is a KMS key policy (JSON) that lets an account use the key which is neither the event's own account
     * nor one of the values: a principal of such an account, or any principal ({@code *}) without a condition and
     * with no {@code Deny} statement that may take it away. A text that is not a key policy matches too: it cannot
     * be judged trusted. See {@link io.rsaudit.core.model.KeyPolicyUse}.
     */
    KEYUSEOUTSIDE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the values are the accounts trusted besides the event's own (and, for {@link #KEYUSEOUTSIDE}, the
     * organizations), against which the value is judged.
     */
    public boolean judgesAccounts() {
        return this == RESTOREOUTSIDE || this == ACCOUNTOUTSIDE || this == KEYUSEOUTSIDE;
    }

    public boolean numeric() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    static Modifier parse(String text) {
        for (Modifier m : values()) {
            if (m.label().equals(text)) {
                return m;
            }
        }
        return null;
    }
}
