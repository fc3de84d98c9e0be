package io.rsaudit.core.check.backup;

import io.rsaudit.core.policy.Policy;
import java.util.List;

/** How the snapshot sharing checks word who may restore (the policy says whom it trusts: {@link Policy#trusts}). */
final class TrustedAccounts {

    private TrustedAccounts() {}

    /** "restorable by an account outside the policy's trusted accounts: 333333333333". */
    static String restorableBy(List<String> untrusted) {
        return "restorable by " + (untrusted.size() == 1 ? "an account" : untrusted.size() + " accounts")
                + " outside the policy's trusted accounts: " + Snapshots.join(untrusted);
    }
}
