package io.rsaudit.core.check;

import io.rsaudit.core.policy.Policy;
import java.util.List;

/**
 * How the checks of who may reach a resource's data word the accounts outside the policy's trusted accounts (the
 * policy says whom it trusts: {@link Policy#trusts}).
 */
public final class TrustedAccounts {

    private TrustedAccounts() {}

    /**
     * "an account outside the policy's trusted accounts: 333333333333", or "2 accounts outside ...: a, b"; an
     * organization id among them ({@code o-...}, from a key policy's {@code aws:PrincipalOrgID}) is named apart: "the
     * accounts of organization o-... (not in the policy's trustedOrganizations)".
     */
    public static String outside(List<String> untrusted) {
        List<String> accounts =
                untrusted.stream().filter(a -> !a.startsWith("o-")).toList();
        List<String> organizations =
                untrusted.stream().filter(a -> a.startsWith("o-")).toList();
        String ofAccounts = accounts.isEmpty()
                ? ""
                : (accounts.size() == 1 ? "an account" : accounts.size() + " accounts")
                        + " outside the policy's trusted accounts: " + String.join(", ", accounts);
        String ofOrganizations = organizations.isEmpty()
                ? ""
                : "the accounts of " + (organizations.size() == 1 ? "organization " : "organizations ")
                        + String.join(", ", organizations) + " (not in the policy's trustedOrganizations)";
        return ofAccounts.isEmpty() || ofOrganizations.isEmpty()
                ? ofAccounts + ofOrganizations
                : ofAccounts + ", and " + ofOrganizations;
    }
}
