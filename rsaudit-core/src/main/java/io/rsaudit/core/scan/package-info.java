/**
 * The scan service: judge an inventory against the catalog under a policy.
 *
 * <p>In: a {@link io.rsaudit.core.scan.ScanInput} (an {@link io.rsaudit.core.source.InventorySource} and its name),
 * a {@link io.rsaudit.core.catalog.CheckCatalog}, a {@link io.rsaudit.core.policy.Policy}, a clock and a threshold.
 * Out, to a {@link io.rsaudit.core.scan.ScanListener} as they come: the {@link io.rsaudit.core.scan.ScanHeader}
 * (scopes, checks, collection errors), each {@link io.rsaudit.core.check.Finding}, progress per check; returned: the
 * {@link io.rsaudit.core.scan.ScanSummary} (counts, policy notices, internal errors, verdict). Findings are never
 * kept here. Nothing here prints, exits or maps a verdict to an exit code: that is the front end's.
 */
package io.rsaudit.core.scan;
