/**
 * The record of a run and its renderings.
 *
 * <p>In: a {@link io.rsaudit.core.report.Report} (what was scanned, the problems met, the findings). Out: text
 * for a person ({@link io.rsaudit.core.report.TextReporter}) or JSON for a machine
 * ({@link io.rsaudit.core.report.JsonReporter}, schema in {@code docs/json-report.md}). Reporters never decide
 * anything: the verdict is the report's.
 */
package io.rsaudit.core.report;
