package io.rsaudit.aws.hunt;

import io.rsaudit.aws.CallerClients;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.core.hunt.read.ReadOptions;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How hunt reaches its AWS inputs and what it wants of them.
 *
 * @param profile the AWS profile (--profile), or {@code null} for the default credential chain
 * @param credentials credentials overriding {@code profile} and the default chain; {@code null} unless embedding code
 *     (or a test) supplies its own
 * @param region the region of CloudWatch Logs calls and the first S3 call (--region); {@code null} for the profile's
 *     or environment's region, else us-east-1. S3 follows a bucket to its own region.
 * @param endpointOverride one endpoint for S3 and CloudWatch Logs (a local S3, the tests' simulator; S3 is then
 *     addressed path-style), or {@code null}
 * @param interceptors added to every SDK client (tests record the calls made)
 * @param read the options the reader will get: its window (--since/--until) and account, region and cluster filters
 *     narrow what is listed before anything is downloaded
 * @param calls the timeouts, attempts and back-off of each call (--max-attempts)
 */
public record AwsLogOptions(
        String profile,
        AwsCredentialsProvider credentials,
        String region,
        URI endpointOverride,
        List<ExecutionInterceptor> interceptors,
        ReadOptions read,
        LiveOptions.CallLimits calls) {

    public AwsLogOptions {
        interceptors = List.copyOf(interceptors);
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(calls, "calls");
    }

    /** Default credentials and region, no endpoint override. */
    public static AwsLogOptions of(ReadOptions read) {
        return new AwsLogOptions(null, null, null, null, List.of(), read, LiveOptions.CallLimits.DEFAULT);
    }

    public AwsLogOptions withProfile(String name) {
        return new AwsLogOptions(name, credentials, region, endpointOverride, interceptors, read, calls);
    }

    public AwsLogOptions withCredentials(AwsCredentialsProvider provider) {
        return new AwsLogOptions(profile, provider, region, endpointOverride, interceptors, read, calls);
    }

    public AwsLogOptions withRegion(String name) {
        return new AwsLogOptions(profile, credentials, name, endpointOverride, interceptors, read, calls);
    }

    public AwsLogOptions withEndpoint(URI endpoint) {
        return new AwsLogOptions(profile, credentials, region, endpoint, interceptors, read, calls);
    }

    public AwsLogOptions withInterceptors(List<ExecutionInterceptor> added) {
        return new AwsLogOptions(profile, credentials, region, endpointOverride, added, read, calls);
    }

    public AwsLogOptions withCallLimits(LiveOptions.CallLimits limits) {
        return new AwsLogOptions(profile, credentials, region, endpointOverride, interceptors, read, limits);
    }

    /** The collector's options for the same caller: its credentials, region and endpoint rules apply unchanged. */
    LiveOptions live() {
        return CallerClients.callerOptions(profile, credentials, region, endpointOverride, interceptors)
                .withCallLimits(calls);
    }
}
