/**
 * Checks of encryption at rest: clusters and manual snapshots are encrypted, their root keys are customer-managed
 * KMS keys (or held in an HSM whose connection is active), and the customer-managed keys they use stay enabled,
 * rotate, and let only trusted accounts use them, by their key policy and by their grants. Serverless namespaces and
 * snapshot copy grants are held to the same key rule.
 *
 * <p>Which key a resource names is read from the resource ({@link io.rsaudit.core.model.KeyReference}); who manages
 * the key, its state, its rotation, its key policy and its grants come from {@code kms describe-key}, {@code
 * get-key-rotation-status}, {@code get-key-policy} and {@code list-grants} through
 * {@link io.rsaudit.core.model.Inventory#key}. The customer-managed rule is skipped when the policy does not ask for
 * it ({@code encryption.requireCustomerManagedKeys: false}).
 */
package io.rsaudit.core.check.atrest;
