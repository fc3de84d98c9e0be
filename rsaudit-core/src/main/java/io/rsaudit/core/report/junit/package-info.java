/**
 * JUnit XML reports for CI dashboards.
 *
 * <p>In: a run's header, results and summary. Out: one {@code <testsuites>} document. A scan is one test suite per
 * check and one test case per check and resource ({@link io.rsaudit.core.report.junit.ScanJunitWriter}): FAIL is a
 * {@code <failure>}, UNKNOWN an {@code <error>}, NOT_APPLICABLE and suppressed results {@code <skipped>}. A hunt is
 * one test case per rule ({@link io.rsaudit.core.report.junit.HuntJunitWriter}), failing with its alerts. The
 * counts a suite opens with are known only at the end, so the test cases are held until the summary.
 */
package io.rsaudit.core.report.junit;
