/**
 * Fingerprints and baselines: what makes a result the same result in the next run, and what changed since a
 * previous report.
 *
 * <p>In: a scan's findings or a hunt's alerts; a previous rsaudit JSON report ({@code rsaudit-scan/1} or {@code
 * rsaudit-hunt/1}). Out: {@link io.rsaudit.core.baseline.Fingerprint}, a stable id per finding (check, account,
 * region, resource) and per alert (rule, account, region, evidence records); {@link io.rsaudit.core.baseline.Baseline},
 * the open results of the previous report, which marks each result of this run new or unchanged and, at the end,
 * lists those resolved since.
 */
package io.rsaudit.core.baseline;
