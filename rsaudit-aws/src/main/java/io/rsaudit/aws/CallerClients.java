package io.rsaudit.aws;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients of the caller's own credentials for code outside the collector (hunt reads logs with them): the
 * same credentials (--profile, the default chain, or embedding code's own), region, endpoint override, pooled HTTP
 * client, adaptive retries and timeouts as a live collection, and its redaction of credentials in error texts.
 * Roles and accounts of {@link LiveOptions} are not used: logs are read where the caller's credentials can read them.
 */
public final class CallerClients implements AutoCloseable {

    private final ErrorText errorText = new ErrorText();
    private final Clients clients;

    private CallerClients(LiveOptions options) {
        this.clients = new Clients(options, errorText, options.interceptors());
    }

    /** Clients for {@code options}' profile or credentials, {@code homeRegion} and endpoint override. */
    public static CallerClients open(LiveOptions options) {
        return new CallerClients(options);
    }

    /** The region calls go to unless told otherwise: --home-region, the profile's or environment's, else us-east-1. */
    public String region() {
        return clients.homeRegion();
    }

    public S3Client s3() {
        return clients.s3(region());
    }

    public CloudWatchLogsClient logs(String region) {
        return clients.logs(region);
    }

    /**
     * What went wrong in a call, for a message that names the call and its target itself: {@code AccessDenied: Access
     * Denied (HTTP 403)}, or the exception's class and message for a failure on this side; credentials masked.
     */
    public String explain(Throwable e) {
        return errorText.brief(e);
    }

    /** The options of a caller that reads with its own credentials: no roles, no account list. */
    public static LiveOptions callerOptions(
            String profile,
            AwsCredentialsProvider credentials,
            String region,
            URI endpoint,
            List<ExecutionInterceptor> interceptors) {
        return new LiveOptions(
                profile,
                credentials,
                null,
                null,
                List.of(),
                false,
                List.of(),
                region,
                endpoint,
                LiveOptions.DEFAULT_CONCURRENCY,
                interceptors,
                Progress.NONE);
    }

    @Override
    public void close() {
        clients.close();
    }
}
