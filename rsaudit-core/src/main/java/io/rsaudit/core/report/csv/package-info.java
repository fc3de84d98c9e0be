/**
 * CSV reports for spreadsheets (RFC 4180, written with Jackson's CSV module): one row per scan finding ({@link
 * io.rsaudit.core.report.csv.ScanCsvWriter}) or per hunt alert ({@link io.rsaudit.core.report.csv.HuntCsvWriter}).
 *
 * <p>In: a run's header, results and summary. Out: a header row and one row per result, written as it comes. A cell
 * that a spreadsheet would run as a formula (one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return) is prefixed with {@code '}.
 */
package io.rsaudit.core.report.csv;
