/**
 * The registry of report formats: the one place a format is named.
 *
 * <p>In: the writers of {@code report.json}, {@code report.text}, {@code report.csv}, {@code report.junit},
 * {@code report.sarif}, {@code report.ocsf}, {@code report.asff}, {@code report.html} and any format to come. Out: {@link
 * io.rsaudit.core.report.formats.Formats}, every {@link io.rsaudit.core.report.Format} by name, which front ends
 * offer as {@code --format} values. Adding a format is one writer class and one line in {@code Formats}.
 */
package io.rsaudit.core.report.formats;
