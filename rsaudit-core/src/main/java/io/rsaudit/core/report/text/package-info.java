/**
 * The text report writers, for a person at a terminal: {@link io.rsaudit.core.report.text.ScanTextWriter} and {@link
 * io.rsaudit.core.report.text.HuntTextWriter}.
 *
 * <p>In: a scan's or a hunt's header, results and summary. Out: text grouped and sorted for reading (failing and
 * unknown findings by resource; alerts by level), printed once the summary is known. They keep only what they print:
 * open and suppressed findings and counts per account and region; alerts (which the engine bounds per rule). Colour
 * only when asked.
 */
package io.rsaudit.core.report.text;
