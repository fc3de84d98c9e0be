/**
 * Reading logs into {@link io.rsaudit.core.hunt.Event}s: inputs, decompression, one streaming parser per format,
 * redaction of secrets, filters, and an account of what was read.
 *
 * <p>In: {@link io.rsaudit.core.hunt.read.LogInput}s (local files from
 * {@link io.rsaudit.core.hunt.read.LocalFiles#walk}, which counts what it leaves out; other modules add S3 objects
 * and CloudWatch streams), plain or gzip (told by magic bytes; when processors are idle, a line log's batches of
 * lines are parsed on workers while its thread reads and inflates it, see
 * {@link io.rsaudit.core.hunt.read.ReadOptions.FileWorkers}), and
 * {@link io.rsaudit.core.hunt.read.ReadOptions}.
 * Out: events handed to an {@link io.rsaudit.core.hunt.read.EventSink} as they are parsed (memory stays flat
 * whatever the input size), and a
 * {@link io.rsaudit.core.hunt.read.ReadSummary} counting files, bytes, records, filtered and malformed records, with
 * every problem (file:line, kind, message) counted. Bad content never throws out of
 * {@link io.rsaudit.core.hunt.read.LogReader#read}; it becomes a {@link io.rsaudit.core.hunt.read.ReadProblem}.
 * SQL and any other field that can carry a secret goes through {@link io.rsaudit.core.redact.Redactor} before an
 * event is built. Formats and field mapping: docs/hunt-inputs.md.
 */
package io.rsaudit.core.hunt.read;
