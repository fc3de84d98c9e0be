package io.rsaudit.core.check.backup;

import io.rsaudit.core.policy.Policy;
import java.util.List;

/** Who may restore a snapshot without a finding: the policy's trusted accounts and the snapshot's owner. */
final class TrustedAccounts {

    private TrustedAccounts() {}

    static boolean trusts(Policy policy, String owner, String account) {
        return account.equals(owner) || policy.trustedAccounts().contains(account);
    }

    /** "restorable by an account outside the policy's trusted accounts: 333333333333". */
    static String restorableBy(List<String> untrusted) {
        return "restorable by " + (untrusted.size() == 1 ? "an account" : untrusted.size() + " accounts")
                + " outside the policy's trusted accounts: " + Snapshots.join(untrusted);
    }

    /** Appended to a failure, so that an empty allow-list is not mistaken for a misconfigured one. */
    static String note(Policy policy) {
        return policy.trustedAccounts().isEmpty() ? "; the policy trusts no account (trustedAccounts is empty)" : "";
    }
}
