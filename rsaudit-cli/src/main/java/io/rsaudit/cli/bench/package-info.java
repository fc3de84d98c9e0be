/**
 * The benchmark (not a test): a generator of large, realistic exported estates and the code that measures a scan
 * of one. Behind the hidden {@code rsaudit bench generate|run}; {@code scripts/bench.sh} runs the standard case.
 *
 * <p>In: an {@link io.rsaudit.cli.bench.EstateSpec} (sizes and a seed) or an export folder. Out: an export in
 * exactly the layout {@link io.rsaudit.core.source.CliJsonSource} reads (paths come from
 * {@link io.rsaudit.core.source.AwsCliCall}), deterministic for a seed; and a {@link io.rsaudit.cli.bench.BenchResult}
 * with the times of the baseline (Jackson {@code readTree} of every file, the floor), the load and the checks,
 * their ratios, the heap peak and the resource and finding counts. Performance claims are these ratios, measured
 * in one run; tests never assert timings.
 */
package io.rsaudit.cli.bench;
