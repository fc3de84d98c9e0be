package io.rsaudit.core.check.backup;

import io.rsaudit.core.policy.Policy;

/** Who may restore a snapshot without a finding: the policy's trusted accounts and the snapshot's owner. */
final class TrustedAccounts {

    private TrustedAccounts() {
    }

    static boolean trusts(Policy policy, String owner, String account) {
        return account.equals(owner) || policy.trustedAccounts().contains(account);
    }

    /** Appended to a failure, so that an empty allow-list is not mistaken for a misconfigured one. */
    static String note(Policy policy) {
        return policy.trustedAccounts().isEmpty() ? "; the policy trusts no account (trustedAccounts is empty)" : "";
    }
}
