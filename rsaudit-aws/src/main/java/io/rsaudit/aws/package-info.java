/**
 * Everything that talks to AWS, on the AWS SDK for Java v2.
 *
 * <p>The live collector: in, {@link io.rsaudit.aws.LiveOptions} (credentials, target accounts, regions, endpoint,
 * concurrency); out, the export layout the offline reader takes ({@code docs/input-layout.md}, the table
 * {@link io.rsaudit.core.source.AwsCliCall}), written by {@link io.rsaudit.aws.LiveCollector}: every response as
 * the AWS CLI prints it, every failed call its {@code .error} file, and a {@link io.rsaudit.aws.LiveCollector.Result}
 * counting calls, files and errors. A live scan is that export read by
 * {@link io.rsaudit.core.source.CliJsonSource}. {@link io.rsaudit.aws.OperationRecorder} lets tests see every AWS
 * operation invoked.
 *
 * <p>The contract test keeps the AWS CLI source's member table ({@link io.rsaudit.core.source.AwsShapes}) equal to
 * the SDK model, the authority on member names; the tests point the SDK at the local AWS simulator of rsaudit-testkit
 * ({@code io.rsaudit.testkit.sim}).
 */
package io.rsaudit.aws;
