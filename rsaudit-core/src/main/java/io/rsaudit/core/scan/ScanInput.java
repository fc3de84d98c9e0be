package io.rsaudit.core.scan;

import io.rsaudit.core.source.InventorySource;
import java.util.Objects;

/**
 * What a scan judges: a source of the inventory (its problems are reported inside the inventory) and how the report
 * names it (the export folder, or the accounts and regions of a live collection).
 */
public record ScanInput(String description, InventorySource source) {

    public ScanInput {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }
}
