/**
 * Reports: the writer API and what every format shares.
 *
 * <p>In: a run as a scan or hunt service produces it, header, then results one by one, then summary. Out: the same
 * run written in one or more formats. A {@link io.rsaudit.core.report.ReportWriter} receives the three parts in that
 * order and keeps only what its format must hold back; {@link io.rsaudit.core.report.Format} names a format and opens
 * its writers; {@link io.rsaudit.core.report.Reports} runs a service straight into a writer; {@link
 * io.rsaudit.core.report.Redacted} removes secrets once more from any value printed from a log record; {@link
 * io.rsaudit.core.report.Describe} says once what several formats print of a finding; {@link
 * io.rsaudit.core.report.Utf8Writer} takes report text both as characters and as bytes a writer's workers encoded.
 * The writers are in the sub-packages ({@code json}, {@code text}, {@code csv}, {@code junit}, {@code sarif},
 * {@code ocsf}, {@code asff}, {@code html}); {@link io.rsaudit.core.report.formats.Formats} registers them.
 * Writers never decide anything: the verdict and the counts are the service's.
 */
package io.rsaudit.core.report;
