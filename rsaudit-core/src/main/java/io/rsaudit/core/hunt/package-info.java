/**
 * Hunt: what Redshift and CloudTrail recorded, read as {@link io.rsaudit.core.hunt.Event}s and judged by detection
 * rules.
 *
 * <p>This package holds the event record the others share ({@link io.rsaudit.core.hunt.Event}, its {@link
 * io.rsaudit.core.hunt.LogType}, {@link io.rsaudit.core.hunt.Origin} and {@link io.rsaudit.core.hunt.EventOutcome});
 * {@code read} turns log files into events, {@code rule} loads and compiles rules, {@code engine} turns events into
 * alerts, and {@code run} is the service that ties them together. In: log files (connection, user and user activity
 * logs as Redshift delivers them, plain or gzip; CloudTrail files), and rule files. Out: alerts, each with the exact
 * file and line of its evidence, and an account of what was read, including every malformed record with its
 * location. Nothing here throws on bad input. Depends on model and policy only.
 */
package io.rsaudit.core.hunt;
