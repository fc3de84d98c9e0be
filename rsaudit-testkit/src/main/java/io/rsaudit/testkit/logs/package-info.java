/**
 * Synthetic logs for tests and the hunt benchmarks: {@link io.rsaudit.testkit.logs.LogGenerator} writes the four
 * formats under Redshift's and CloudTrail's S3 names, benign traffic of any size with attack scenarios injected at
 * known places, and a manifest of the file and line of every injected record.
 *
 * <p>Part of the test kit, never of the product jar. In: a {@link io.rsaudit.testkit.logs.LogGenerator.Spec}. Out:
 * files under a folder and {@code manifest.tsv}; deterministic for a seed. It uses rsaudit-core only for the log
 * types; core's own tests cannot use it (the test kit depends on core), so tests of the reader on generated logs
 * live in this module's tests.
 */
package io.rsaudit.testkit.logs;
