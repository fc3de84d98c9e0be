/**
 * Everything that talks to AWS (live inventory source, log readers, fix executor) will live here.
 *
 * <p>Today the module holds only the contract test that keeps the AWS CLI source's member table
 * ({@link io.rsaudit.core.source.AwsShapes}) equal to the AWS SDK for Java v2 model, the authority on member
 * names. The SDK is a test dependency until the live source lands.
 */
package io.rsaudit.aws;
