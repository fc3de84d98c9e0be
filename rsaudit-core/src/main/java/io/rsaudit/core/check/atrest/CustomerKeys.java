package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Policy;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the checks of a customer-managed key say of a key they cannot judge or that is not one, and how the checks of
 * who may use a key word what they find.
 */
final class CustomerKeys {

    private CustomerKeys() {}

    /**
     * Empty when {@code describe-key} was read and does not say AWS manages the key; otherwise the check's outcome:
     * unknown ({@code cannotTell}, then why) without {@code describe-key}, not applicable for an AWS managed key.
     *
     * @param awsManaged why the check has no meaning for an AWS managed key, after "key ARN is AWS managed: "
     */
    static Optional<Outcome> notJudged(KmsKey key, String cannotTell, String awsManaged) {
        if (key.metadata().isUnknown()) {
            return Optional.of(Outcome.unknown(cannotTell, key.metadata()));
        }
        if ("AWS".equals(key.metadata().value().keyManager().value())) {
            return Optional.of(Outcome.notApplicable(
                    Reason.Kind.MANAGED_BY_AWS,
                    "key " + key.id().arn() + " is AWS managed: " + awsManaged,
                    key.metadata().value().keyManager()));
        }
        return Optional.empty();
    }

    /**
     * {@code pass}, for a key that {@link #notJudged} let through, unless who manages the key is unknown: the pass
     * holds only for a customer-managed key, so it is then unknown, saying {@code judged} (what the check found) and
     * why.
     */
    static Outcome passIfCustomerManaged(KmsKey key, String judged, Outcome pass) {
        Value<String> manager = key.metadata().value().keyManager();
        return manager.isUnknown() ? Outcome.unknown(judged + ", but who manages the key is unknown", manager) : pass;
    }

    /**
     * What a fail of a key that untrusted accounts may use adds after what it names: who can then decrypt, the
     * resources that use the key, and the policy's note when it trusts no account.
     */
    static String exposure(KmsKey key, Policy policy) {
        return "; whoever holds data encrypted under it (a snapshot shared with such an account) can decrypt it there;"
                + " resources that use it: " + KeyUsers.of(key) + policy.trustsNoAccountNote();
    }

    /** The trusted {@code accounts} that may use the key, its own marked: "111111111111 (the key's account), 2222...". */
    static String trusted(KmsKey key, Collection<String> accounts) {
        String own = key.id().scope().account();
        return accounts.stream()
                .map(a -> a.equals(own) ? a + " (the key's account)" : a)
                .collect(Collectors.joining(", "));
    }
}
