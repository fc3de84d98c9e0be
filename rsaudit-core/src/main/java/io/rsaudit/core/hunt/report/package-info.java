/**
 * Hunt reports: what was read and what was found, for people (text) and machines (JSON, {@code rsaudit-hunt/1},
 * {@code docs/hunt-report.md}).
 *
 * <p>In: a {@link io.rsaudit.core.hunt.report.HuntReport}. Out: text written to a {@link java.io.Writer}. Every SQL
 * text and field value printed goes through the reader's {@link io.rsaudit.core.hunt.read.Redactor} once more, so
 * a secret the parser missed in one path is still not printed.
 */
package io.rsaudit.core.hunt.report;
