/**
 * Checks and the engine that runs them.
 *
 * <p>In: an {@link io.rsaudit.core.model.Inventory} and a {@link io.rsaudit.core.policy.Policy}. Out:
 * {@link io.rsaudit.core.check.Finding}s, one per check and resource of the check's type. A check is one small
 * final class implementing {@link io.rsaudit.core.check.Check}, annotated with {@link io.rsaudit.core.check.CheckInfo},
 * with its long text in {@code <ID>.md} beside it and its fixtures under the same package in the test
 * resources. {@link io.rsaudit.core.catalog.CheckCatalog} is the one registration list. Sub-packages hold the
 * checks of one area each.
 */
package io.rsaudit.core.check;
