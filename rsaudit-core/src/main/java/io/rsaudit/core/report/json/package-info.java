/**
 * The JSON report writers, for machines: {@code rsaudit-scan/1} ({@link io.rsaudit.core.report.json.ScanJsonWriter},
 * {@code docs/json-report.md}) and {@code rsaudit-hunt/1} ({@link io.rsaudit.core.report.json.HuntJsonWriter},
 * {@code docs/hunt-report.md}).
 *
 * <p>In: a scan's or a hunt's header, results and summary. Out: one JSON object per report, each finding or alert
 * written as it comes (nothing kept), the counts and the verdict after them. Both open and close with the same
 * envelope members.
 */
package io.rsaudit.core.report.json;
