/**
 * The catalog: the one list of every built-in check, apart from the API the checks implement.
 *
 * <p>In: the check classes of {@code check.*} ({@link io.rsaudit.core.catalog.BuiltInChecks} is the one registration
 * list, sorted by id). Out: a {@link io.rsaudit.core.catalog.CheckCatalog} of {@link
 * io.rsaudit.core.check.CheckMetadata}, by id, that the scan runs and the CLI lists and explains. Depends on check,
 * policy and model; only scan and front ends depend on it.
 */
package io.rsaudit.core.catalog;
