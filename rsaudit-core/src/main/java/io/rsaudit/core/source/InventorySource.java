package io.rsaudit.core.source;

import io.rsaudit.core.model.Inventory;

/** Anything that produces an inventory. Problems with the input are reported inside it, not thrown. */
@FunctionalInterface
public interface InventorySource {

    Inventory load();
}
