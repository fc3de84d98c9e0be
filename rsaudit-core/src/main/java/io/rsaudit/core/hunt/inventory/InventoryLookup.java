package io.rsaudit.core.hunt.inventory;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import java.util.Objects;

/**
 * Finds the clusters and workgroups of one account-region when a hunt first needs them, such as a live lookup with the
 * caller's credentials. It does not throw for what AWS answers: what it could not read is unknown in the inventory
 * it returns (the lists' reasons name the failed call), or the answer says why the account-region is out of reach.
 */
@FunctionalInterface
public interface InventoryLookup {

    /** What is known of {@code scope}'s clusters and workgroups. */
    Answer lookUp(Scope scope);

    /**
     * One lookup's answer: an inventory, or why there is none.
     *
     * @param inventory holds at least the asked account-region's cluster and workgroup lists, or says why they are
     *     unknown; {@code null} when {@code unreachable}
     * @param unreachable why the account-region could not be looked up at all (an account the credentials do not
     *     reach); {@code null} when there is an inventory
     */
    record Answer(Inventory inventory, String unreachable) {

        public Answer {
            if ((inventory == null) == (unreachable == null)) {
                throw new IllegalArgumentException("an answer has an inventory or says why not, not both");
            }
        }

        public static Answer of(Inventory inventory) {
            return new Answer(Objects.requireNonNull(inventory, "inventory"), null);
        }

        public static Answer unreachable(String why) {
            return new Answer(null, Objects.requireNonNull(why, "why"));
        }
    }
}
