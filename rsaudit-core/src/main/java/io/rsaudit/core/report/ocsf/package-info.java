/**
 * OCSF 1.5.0 reports, as JSON Lines (one event per line), for Security Lake and SIEMs that read OCSF.
 *
 * <p>In: a run's header, results and summary. Out: one OCSF event per result, written as it comes. A scan finding
 * is a Compliance Finding (class 2003) with {@code compliance} (the check as control, the frameworks' requirement
 * ids as standards and requirements, the outcome as status) and {@code remediation} ({@link
 * io.rsaudit.core.report.ocsf.ScanOcsfWriter}); a hunt alert is a Detection Finding (class 2004) with {@code
 * evidences}, MITRE ATT&amp;CK {@code attacks} and the {@code observables} an analyst pivots on: user, IP address,
 * access key id and resource ({@link io.rsaudit.core.report.ocsf.HuntOcsfWriter}).
 */
package io.rsaudit.core.report.ocsf;
