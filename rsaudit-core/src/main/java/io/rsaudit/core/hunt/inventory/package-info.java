/**
 * What an estate inventory tells the hunt about a record that the record alone does not say.
 *
 * <p>In: an {@link io.rsaudit.core.model.Inventory} (the export {@code scan --input} reads, given to
 * {@code hunt --inventory}), or an {@link io.rsaudit.core.hunt.inventory.InventoryLookup} asked per account-region
 * ({@code hunt --inventory-live}), and events. Out: the same events, those that name a security group or a KMS key carrying the derived
 * CloudTrail fields {@code inventory.attachment} and {@code inventory.attachedTo}, which rules test like any other
 * field (docs/rules.md); and notes naming the account-regions a lookup could not place groups in. Depends on model and the hunt's event only.
 */
package io.rsaudit.core.hunt.inventory;
