/**
 * Self-contained HTML reports: one file, CSS and script inline, no network (a Content-Security-Policy forbids it),
 * which opens from disk in any browser.
 *
 * <p>In: a run's header, results and summary. Out: for a scan ({@link io.rsaudit.core.report.html.ScanHtmlWriter}),
 * totals and bar charts by severity and outcome, by account and region and by check area, and a findings table with
 * filters (severity, outcome, account, region, check, framework) and a search box, each finding expanding to its
 * reason, evidence and fix; for a hunt ({@link io.rsaudit.core.report.html.HuntHtmlWriter}), alerts on a timeline,
 * counts per rule, and each alert with its evidence lines. Every value is HTML-escaped ({@link
 * io.rsaudit.core.report.html.Html#escape}); the script reads only the page's own attributes. Rows are written as
 * results come; the summary, written last, is shown first by the style sheet.
 */
package io.rsaudit.core.report.html;
