package io.rsaudit.fix.apply;

import io.rsaudit.fix.plan.Call;

/**
 * Makes the write calls of a plan. rsaudit-aws implements it over the AWS SDK (with the SDK's retries of throttling
 * and 5xx); a failure that outlasts them, or is not retryable, is a {@link CallFailure}.
 */
public interface FixClient {

    /** Makes the call in its account and region; returns the AWS request id. */
    String call(Call call) throws CallFailure;
}
