/**
 * Hunt's inputs that live in AWS: Redshift audit logs and CloudTrail log files under an {@code s3://bucket/prefix},
 * and Redshift audit logs in CloudWatch Logs groups ({@code cloudwatch:/aws/redshift/cluster/<cluster>/<logtype>} and
 * the Serverless groups), turned into {@link io.rsaudit.core.hunt.read.LogInput}s that
 * {@link io.rsaudit.core.hunt.read.LogReader} reads like local files.
 *
 * <p>In: the command line's {@code s3://} and {@code cloudwatch:} arguments and {@link
 * io.rsaudit.aws.hunt.AwsLogOptions} (credentials, region, endpoint, and the {@link
 * io.rsaudit.core.hunt.read.ReadOptions} whose window and account/region/cluster filters narrow what is downloaded).
 * Out: {@link io.rsaudit.aws.hunt.AwsLogInputs} holding the inputs (S3 objects streamed by GetObject, CloudWatch
 * streams paged by FilterLogEvents, both only when read), what was left out before downloading (by reason) and every
 * problem met while listing, as {@link io.rsaudit.core.hunt.read.ReadProblem}s. Calls are read-only: ListObjectsV2,
 * GetObject, DescribeLogStreams, FilterLogEvents (docs/iam-policy.json, statement RsauditHuntReadOnly). Nothing here
 * throws for what AWS answers; a denied, missing or throttled resource is a problem naming it and the action.
 * Usage: docs/hunt-aws-inputs.md.
 */
package io.rsaudit.aws.hunt;
