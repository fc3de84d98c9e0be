/**
 * The benchmarks (not tests, never in the product jar): {@code rsaudit-bench generate|run|live|hunt|rules|s3-listing},
 * its own runnable jar, run by {@code ./rsaudit-bench}; {@code scripts/bench*.sh} run the standard cases.
 *
 * <p>In: sizes and a seed for the test kit's generators (estates, logs), or an export or log folder. Out: on stdout,
 * the times of each measured part next to a floor measured in the same run (for a scan, a
 * {@link io.rsaudit.bench.BenchResult}: Jackson {@code readTree} of every file, the load and the checks; for the live
 * collection, the longest chain of dependent calls times the simulator's latency; for hunt, reading the same bytes
 * and inflating them; for a hunt's S3 listing, the whole bucket's), their ratios, heap peaks and counts.
 * Performance claims are these ratios, measured in one run; tests never assert timings. It drives rsaudit-core and
 * rsaudit-aws as the CLI does, and the test kit's generators and simulator; nothing depends on it.
 */
package io.rsaudit.bench;
