/**
 * Everything that talks to AWS (live inventory source, log readers, fix executor) lives here, on the AWS SDK for
 * Java v2.
 *
 * <p>The contract test keeps the AWS CLI source's member table ({@link io.rsaudit.core.source.AwsShapes}) equal to
 * the SDK model, the authority on member names; {@link io.rsaudit.aws.sim} is the local AWS simulator that tests
 * and the benchmark point the SDK at.
 */
package io.rsaudit.aws;
