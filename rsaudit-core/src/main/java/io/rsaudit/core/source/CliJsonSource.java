package io.rsaudit.core.source;

import io.rsaudit.core.model.Inventory;
import java.nio.file.Path;

/**
 * Builds an inventory from a directory of AWS CLI JSON output ({@code docs/input-layout.md}): an
 * {@link ExportSource} over an {@link ExportFolder}. Read-only, offline, and total: whatever is wrong with one file is
 * reported and the rest is still read; only a root that is not a directory is an error ({@link
 * IllegalArgumentException}).
 */
public final class CliJsonSource implements InventorySource {

    private final Path root;

    public CliJsonSource(Path root) {
        this.root = root;
    }

    @Override
    public Inventory load() {
        return new ExportSource(new ExportFolder(root)).load();
    }
}
