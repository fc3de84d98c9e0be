/**
 * AWS Security Finding Format reports, for Security Hub's {@code BatchImportFindings}.
 *
 * <p>In: a run's header, results and summary. Out: JSON Lines, each line one JSON array of at most {@value
 * io.rsaudit.core.report.asff.Batches#MAX} findings, which is one {@code BatchImportFindings} call ({@code
 * docs/formats.md} shows the AWS CLI loop). Each finding's {@code Id} is derived from its fingerprint, so a re-import
 * updates the finding instead of adding another. A scan finding carries {@code Compliance} (status and the
 * frameworks' requirement ids), a hunt alert its tactics as {@code Types} and its evidence records.
 */
package io.rsaudit.core.report.asff;
