/**
 * Everything that talks to AWS, on the AWS SDK for Java v2.
 *
 * <p>The live collector: in, {@link io.rsaudit.aws.LiveOptions} (credentials, target accounts, regions, endpoint,
 * concurrency); out, the answers to the calls of the export layout ({@code docs/input-layout.md}, the table
 * {@link io.rsaudit.core.source.AwsCliCall}) and a {@link io.rsaudit.aws.LiveCollector.Result} counting calls,
 * answers and failures. {@link io.rsaudit.aws.LiveCollector} hands each answer, as it arrives, to where the caller
 * wants it: kept in memory as the SDK returned it, an {@link io.rsaudit.core.source.Export} that core's readers read
 * through {@link io.rsaudit.aws.SdkObject} (a live scan: {@link io.rsaudit.aws.LiveInventorySource}, every value's
 * provenance naming the API call, page and request id), or written as the AWS CLI prints it into an export folder
 * ({@code rsaudit export}), or both. A failed call is data: its error line (action, account, region, AWS's error
 * code) becomes a collection error, or the folder's {@code .error} file. {@link io.rsaudit.aws.OperationRecorder}
 * lets tests see every AWS operation invoked.
 *
 * <p>The contract test keeps the readers' member table ({@link io.rsaudit.core.source.AwsShapes}) equal to the SDK
 * model, the authority on member names: that is what lets one reader read a CLI file and an SDK response alike.
 * The tests point the SDK at the local AWS simulator of rsaudit-testkit ({@code io.rsaudit.testkit.sim}).
 */
package io.rsaudit.aws;
