package io.rsaudit.core.scan;

import io.rsaudit.core.source.InventorySource;
import java.time.Instant;
import java.util.Objects;

/**
 * What a scan judges: a source of the inventory (its problems are reported inside the inventory) and how the report
 * names it (the export folder, or the accounts and regions of a live collection).
 *
 * @param asOf the moment to measure ages from ({@code --as-of}), overriding the collection time the export records;
 *     {@code null} for that time, or the scan's start when there is none ({@link AgeReference})
 */
public record ScanInput(String description, InventorySource source, Instant asOf) {

    public ScanInput {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }

    /** Ages measured from the recorded collection time, else the scan's start. */
    public ScanInput(String description, InventorySource source) {
        this(description, source, null);
    }
}
