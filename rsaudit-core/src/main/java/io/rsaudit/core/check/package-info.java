/**
 * The API checks implement, and the checks, one area per sub-package.
 *
 * <p>In: an {@link io.rsaudit.core.model.Inventory} and a {@link io.rsaudit.core.policy.Policy} (through a {@link
 * io.rsaudit.core.check.CheckContext}). Out: an {@link io.rsaudit.core.check.Outcome} per resource of the check's
 * type: a result, a message, the evidence field, and for an unknown or not applicable result a typed {@link
 * io.rsaudit.core.model.Reason}; and {@link io.rsaudit.core.check.Finding}, an outcome after policy. A check is one
 * small final class implementing {@link io.rsaudit.core.check.Check}, annotated with {@link
 * io.rsaudit.core.check.CheckInfo}, with its long text in {@code <ID>.md} beside it and its fixtures under the same
 * package in the test resources. Depends on model and policy only; the list of all checks is {@code
 * io.rsaudit.core.catalog}, and running them is {@code io.rsaudit.core.scan}.
 */
package io.rsaudit.core.check;
