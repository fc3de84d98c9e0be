package io.rsaudit.core.check;

import io.rsaudit.core.policy.Policy;
import java.util.List;

/**
 * How the checks of who may reach a resource's data word the accounts outside the policy's trusted accounts (the
 * policy says whom it trusts: {@link Policy#trusts}).
 */
public final class TrustedAccounts {

    private TrustedAccounts() {}

    /** "an account outside the policy's trusted accounts: 333333333333", or "2 accounts outside ...: a, b". */
    public static String outside(List<String> untrusted) {
        return (untrusted.size() == 1 ? "an account" : untrusted.size() + " accounts")
                + " outside the policy's trusted accounts: " + String.join(", ", untrusted);
    }
}
