/**
 * {@code rsaudit fix} over the AWS SDK: the write calls of a plan ({@link io.rsaudit.aws.fix.AwsFixClient}), the
 * re-reads of an account and region before and after them, and the facts a plan needs that the inventory does not
 * keep. In: plan calls and {@link io.rsaudit.aws.LiveOptions}. Out: AWS request ids, call failures, inventories.
 */
package io.rsaudit.aws.fix;
