package io.rsaudit.core.check;

import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;
import java.util.Optional;

/**
 * Whether a check of the owner's choices judges a resource another account may own (a snapshot shared in): only
 * the owner can change such a resource, and the owner's own audit judges it.
 */
public final class Ownership {

    private Ownership() {}

    /**
     * Empty when {@code owner} is {@code account}, the account the resource was collected in; otherwise the outcome
     * that replaces the check's: not applicable for another account's resource, unknown when the owner cannot be read.
     *
     * @param name the resource as messages name it ("snapshot analytics-final")
     */
    public static Optional<Outcome> notOwned(String name, Value<String> owner, String account) {
        if (!owner.isPresent()) {
            return Optional.of(Outcome.unknown(
                    "cannot tell whether this account owns " + name,
                    owner.orUnknown(owner.provenance().field() + " is null")));
        }
        if (!owner.value().equals(account)) {
            return Optional.of(Outcome.notApplicable(
                    Reason.Kind.OWNED_BY_ANOTHER_ACCOUNT,
                    name + " belongs to account " + owner.value() + ", which shares"
                            + " it with this account; only the owner can change it, and the owner's own audit judges it",
                    owner));
        }
        return Optional.empty();
    }
}
