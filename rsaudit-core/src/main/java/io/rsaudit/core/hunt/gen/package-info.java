/**
 * Synthetic logs for tests and the hunt benchmark: {@link io.rsaudit.core.hunt.gen.LogGenerator} writes the four
 * formats under Redshift's and CloudTrail's S3 names, benign traffic of any size with attack scenarios injected at
 * known places, and a manifest of the file and line of every injected record.
 *
 * <p>It lives in core, not in the CLI's bench package, so that core's tests (parsers, rules) can generate fixtures
 * with it as well as the benchmark. In: a {@link io.rsaudit.core.hunt.gen.LogGenerator.Spec}. Out: files under a
 * folder and {@code manifest.tsv}; deterministic for a seed.
 */
package io.rsaudit.core.hunt.gen;
