/**
 * SARIF 2.1.0 reports for GitHub code scanning and other SARIF consumers.
 *
 * <p>In: a run's header, results and summary. Out: one SARIF log with one run: a rule per check (help in markdown,
 * {@code security-severity}, tags with the compliance ids) and a result per failing or unknown finding ({@link
 * io.rsaudit.core.report.sarif.ScanSarifWriter}), or a rule per hunt rule and a result per alert ({@link
 * io.rsaudit.core.report.sarif.HuntSarifWriter}). Results carry {@code partialFingerprints} (the result's {@link
 * io.rsaudit.core.baseline.Fingerprint}) so that a consumer recognises them across runs. An offline finding points at
 * the exported file and the line of its JSON pointer; a live one at the resource ARN as a logical location.
 */
package io.rsaudit.core.report.sarif;
