package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import java.util.Optional;

/** What the checks of a customer-managed key say of a key they cannot judge or that is not one. */
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
}
