/**
 * Generated estates: {@link io.rsaudit.testkit.estate.EstateGenerator} writes a large, realistic export, every
 * account and region of an {@link io.rsaudit.testkit.estate.EstateSpec} (sizes and a seed), for the benchmarks and
 * for tests that need more than {@code examples/estate}.
 *
 * <p>Part of the test kit, never of the product jar. In: an {@code EstateSpec} and an absent or empty folder. Out:
 * an export in exactly the layout {@link io.rsaudit.core.source.CliJsonSource} reads (paths come from
 * {@link io.rsaudit.core.source.AwsCliCall}), printed as the AWS CLI prints it, deterministic for a seed; and an
 * {@link io.rsaudit.testkit.estate.EstateSummary} of what was written. The local AWS simulator can serve it.
 */
package io.rsaudit.testkit.estate;
