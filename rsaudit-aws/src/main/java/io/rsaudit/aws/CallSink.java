package io.rsaudit.aws;

import io.rsaudit.core.source.AwsCliCall;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Where a collection's answers go, call by call, as each call ends: into memory for a live scan
 * ({@link Responses}), into an export folder for {@code rsaudit export} ({@link ExportFiles}), or both. Called from
 * many threads at once.
 */
interface CallSink {

    /** An account is about to be collected: whatever an earlier collection left of it goes. */
    void account(String account);

    /**
     * A call answered: every page, in order.
     *
     * @param region {@code null} for an account-wide call
     * @param resource what a per-resource call was made for, else {@code null}
     */
    void answered(String account, String region, AwsCliCall call, String resource, List<? extends SdkPojo> pages);

    /**
     * A call failed (after the SDK's retries), or was not made for a reason of its own.
     *
     * @param text one line shaped like the AWS CLI's error ({@link ErrorText}), naming the action, the account, the
     *     region and AWS's error code
     * @param requestId the request id of AWS's answer, or {@code null}
     */
    void failed(String account, String region, AwsCliCall call, String resource, String text, String requestId);

    /** The account's region list could not be read, so none of its regions was collected. */
    void regionsFailed(String account, String text);

    /** Both sinks, the first then the second, with the same answers. */
    static CallSink both(CallSink first, CallSink second) {
        return new CallSink() {
            @Override
            public void account(String account) {
                first.account(account);
                second.account(account);
            }

            @Override
            public void answered(
                    String account, String region, AwsCliCall call, String resource, List<? extends SdkPojo> pages) {
                first.answered(account, region, call, resource, pages);
                second.answered(account, region, call, resource, pages);
            }

            @Override
            public void failed(
                    String account, String region, AwsCliCall call, String resource, String text, String requestId) {
                first.failed(account, region, call, resource, text, requestId);
                second.failed(account, region, call, resource, text, requestId);
            }

            @Override
            public void regionsFailed(String account, String text) {
                first.regionsFailed(account, text);
                second.regionsFailed(account, text);
            }
        };
    }
}
