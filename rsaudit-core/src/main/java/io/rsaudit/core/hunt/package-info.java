/**
 * Hunt: what Redshift and CloudTrail recorded, read as {@link io.rsaudit.core.hunt.Event}s and judged by detection
 * rules.
 *
 * <p>In: log files (connection, user and user activity logs as Redshift delivers them, plain or gzip; CloudTrail
 * files), and rule files. Out: a stream of events, each with the exact file and line it came from; alerts; and an
 * account of what was read, including every malformed record with its location. Nothing here throws on bad input.
 */
package io.rsaudit.core.hunt;
