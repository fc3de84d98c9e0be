package io.rsaudit.core.policy;

import io.rsaudit.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the estate is judged against.
 *
 * @param source the policy file, or "built-in defaults"
 * @param trustedAccounts accounts snapshots may be shared with, and that a key policy or grant may let use a key
 * @param trustedOrganizations AWS Organizations ids ({@code o-...}) whose accounts a key policy may let use a key by
 *     an {@code aws:PrincipalOrgID} condition; when empty, such a condition cannot be judged
 * @param minAutomatedRetentionDays the shortest automated snapshot retention accepted (default 7)
 * @param maxManualRetentionDays the longest manual snapshot retention accepted; {@code null} for no maximum
 * @param requireCustomerManagedKeys whether data at rest must be under a customer-managed KMS key (default true)
 * @param requireFips whether connections must use FIPS-validated TLS (default false)
 * @param severityOverrides check id to the severity to report it with
 * @param hunt the allow-lists and thresholds of the hunt rules
 * @param maxKeyRotationAgeDays the most days since a cluster's encryption keys were last rotated (RotateEncryptionKey)
 *     accepted (default 365)
 * @param requiredTagKeys the tag keys every taggable resource must carry (RS-TAG-*); when empty, a resource must carry
 *     at least one tag of its own (keys starting with {@code aws:} do not count), as Security Hub judges it
 */
public record Policy(
        String source,
        Set<String> trustedAccounts,
        Set<String> trustedOrganizations,
        Residency residency,
        int minAutomatedRetentionDays,
        Integer maxManualRetentionDays,
        boolean requireCustomerManagedKeys,
        boolean requireFips,
        Map<String, Severity> severityOverrides,
        List<Suppression> suppressions,
        HuntPolicy hunt,
        List<String> requiredTagKeys,
        int maxKeyRotationAgeDays) {

    public static final int DEFAULT_MIN_AUTOMATED_RETENTION_DAYS = 7;
    public static final int DEFAULT_MAX_KEY_ROTATION_AGE_DAYS = 365;

    public Policy {
        trustedAccounts = Set.copyOf(trustedAccounts);
        trustedOrganizations = trustedOrganizations == null ? Set.of() : Set.copyOf(trustedOrganizations);
        severityOverrides = Map.copyOf(severityOverrides);
        suppressions = List.copyOf(suppressions);
        hunt = hunt == null ? HuntPolicy.defaults() : hunt;
        requiredTagKeys = requiredTagKeys == null ? List.of() : List.copyOf(requiredTagKeys);
    }

    /** Whether {@code account} may hold a copy of {@code owner}'s data: the owner itself, or a trusted account. */
    public boolean trusts(String owner, String account) {
        return account.equals(owner) || trustedAccounts.contains(account);
    }

    /** Whether the accounts of organization {@code id} ({@code o-...}) are trusted. */
    public boolean trustsOrganization(String id) {
        return trustedOrganizations.contains(id);
    }

    /**
     * " (the policy trusts no account: trustedAccounts is empty)" when it is, else "": appended to a finding about an
     * untrusted account, so that an empty allow-list is not mistaken for a misconfigured one.
     */
    public String trustsNoAccountNote() {
        return trustedAccounts.isEmpty() ? " (the policy trusts no account: trustedAccounts is empty)" : "";
    }

    public static Policy defaults() {
        return new Policy(
                "built-in defaults",
                Set.of(),
                Set.of(),
                Residency.defaults(),
                DEFAULT_MIN_AUTOMATED_RETENTION_DAYS,
                null,
                true,
                false,
                Map.of(),
                List.of(),
                HuntPolicy.defaults(),
                List.of(),
                DEFAULT_MAX_KEY_ROTATION_AGE_DAYS);
    }
}
