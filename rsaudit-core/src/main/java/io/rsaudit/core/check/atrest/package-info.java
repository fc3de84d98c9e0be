/**
 * Checks of encryption at rest: clusters and manual snapshots are encrypted, their root keys are customer-managed
 * KMS keys (or held in an HSM whose connection is active), and the customer-managed keys they use stay enabled and
 * rotate. Serverless namespaces and snapshot copy grants are held to the same key rule.
 *
 * <p>Which key a resource names is read from the resource ({@link io.rsaudit.core.model.KeyReference}); who manages
 * the key, its state and its rotation come from {@code kms describe-key} and {@code get-key-rotation-status} through
 * {@link io.rsaudit.core.model.Inventory#key}. The customer-managed rule is skipped when the policy does not ask for
 * it ({@code encryption.requireCustomerManagedKeys: false}).
 */
package io.rsaudit.core.check.atrest;
