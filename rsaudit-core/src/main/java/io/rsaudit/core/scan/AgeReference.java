package io.rsaudit.core.scan;

import io.rsaudit.core.model.Account;
import io.rsaudit.core.model.Inventory;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The moment a scan measures ages from (snapshot age, key age, time since the last log delivery, days until a key's
 * deletion), and why that one: the estate is judged as it was when it was collected, not when the report is made.
 *
 * @param at the moment
 * @param basis where it comes from
 */
public record AgeReference(Instant at, Basis basis) {

    /** Where the moment comes from, in order of precedence. */
    public enum Basis {
        /** {@code --as-of}: the user's choice. */
        AS_OF("--as-of"),
        /**
         * The collection time the inventory records: an export's {@code <account>/collection.json}, or the moment a
         * live collection began; the latest of its accounts.
         */
        COLLECTION("when the inventory was collected"),
        /** An export that records no collection time: the scan's own start. */
        SCAN_START("the scan's start");

        private final String words;

        Basis(String words) {
            this.words = words;
        }

        /** How a report names it. */
        public String words() {
            return words;
        }
    }

    public AgeReference {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(basis, "basis");
    }

    /**
     * {@code asOf} ({@code --as-of}), else the collection time the inventory's accounts record (the last one, when
     * they were collected at different times), else {@code started}. Suppressions expire by the same moment: the
     * estate is judged as it was then.
     */
    public static AgeReference of(Instant asOf, Inventory inventory, Instant started) {
        if (asOf != null) {
            return new AgeReference(asOf, Basis.AS_OF);
        }
        return inventory.accounts().stream()
                .map(Account::collectedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(at -> new AgeReference(at, Basis.COLLECTION))
                .orElseGet(() -> new AgeReference(started, Basis.SCAN_START));
    }
}
