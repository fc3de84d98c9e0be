/**
 * Redaction of secrets from any text taken from input before it is kept or shown: SQL, log fields, CloudTrail
 * values, error files, excerpts of wrong values. The bottom of the core's layers with the model: every other layer may
 * use it, it uses none.
 *
 * <p>In: a string. Out: the string with each secret replaced by {@code <redacted:KIND>}, and the kinds found. See
 * {@link io.rsaudit.core.redact.Redactor} and docs/hunt-inputs.md (Redaction).
 */
package io.rsaudit.core.redact;
