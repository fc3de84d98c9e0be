package io.rsaudit.aws;

import io.rsaudit.core.model.Arns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshiftserverless.RedshiftServerlessClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one collection: one per (account, region, service), made on first use, reused, and closed at the
 * end, all sharing one pooled HTTP client. Every client retries with the SDK's adaptive retry (throttling and 5xx
 * back off, and the client slows down when AWS throttles it), within an attempt and a whole-call timeout.
 */
final class Clients implements AutoCloseable {

    static final String SESSION_NAME = "rsaudit";

    /** The longest back-off between two attempts: the SDK's own. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private record Key(String account, String region, String service) {}

    private final LiveOptions options;
    private final ErrorText errorText;
    private final SdkHttpClient http;
    private final ScheduledThreadPoolExecutor timers;
    private final ClientOverrideConfiguration config;
    private final AwsCredentialsProvider caller;
    private final String homeRegion;
    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AwsCredentialsProvider> roles = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    Clients(LiveOptions options, ErrorText errorText, List<ExecutionInterceptor> interceptors) {
        this.options = options;
        this.errorText = errorText;
        this.http = ApacheHttpClient.builder()
                .maxConnections(options.concurrency())
                .connectionTimeout(Duration.ofSeconds(10))
                // requests are small: waiting for "100 Continue" only adds a round trip (or, with a server that
                // never sends it, the client's wait for it) to every call
                .expectContinueEnabled(false)
                .build();
        // one timer pool for the timeouts of every client: by default each SDK client starts a pool of its own
        // (five threads, started one per call until there are five), which for hundreds of clients cost thousands of
        // thread starts per collection, and most of its CPU time
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rsaudit-aws-timeouts");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true); // a call that ends in time leaves no timer task behind
        this.config = ClientOverrideConfiguration.builder()
                .scheduledExecutorService(timers)
                .retryStrategy(retries(options.calls()))
                .apiCallAttemptTimeout(options.calls().attempt())
                .apiCallTimeout(options.calls().call())
                .executionInterceptors(interceptors)
                .build();
        this.caller = remembered(callerCredentials(options));
        this.homeRegion = homeRegion(options);
    }

    /** The SDK's adaptive or standard retry strategy, with the attempts and back-off of {@code limits}. */
    static RetryStrategy retries(LiveOptions.CallLimits limits) {
        RetryStrategy.Builder<?, ?> b = (limits.adaptive()
                        ? AwsRetryStrategy.adaptiveRetryStrategy()
                        : AwsRetryStrategy.standardRetryStrategy())
                .toBuilder().maxAttempts(limits.maxAttempts());
        if (limits.backoff() != null) {
            BackoffStrategy backoff = BackoffStrategy.exponentialDelay(limits.backoff(), MAX_BACKOFF);
            b.backoffStrategy(backoff).throttlingBackoffStrategy(backoff);
        }
        return b.build();
    }

    /** The region of the account-wide calls: --home-region, the first of --regions, the profile's, else us-east-1. */
    String homeRegion() {
        return homeRegion;
    }

    /** The caller's own credentials. */
    AwsCredentialsProvider caller() {
        return caller;
    }

    /** Credentials in {@code account}: the assumed role there, or the caller's own without a role. */
    AwsCredentialsProvider in(String account) {
        if (options.roleName() == null) {
            return caller;
        }
        return roles.computeIfAbsent(account, a -> {
            StsAssumeRoleCredentialsProvider p = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts(null, homeRegion, caller))
                    .refreshRequest(r ->
                            r.roleArn(roleArn(a)).roleSessionName(SESSION_NAME).externalId(options.externalId()))
                    .asyncCredentialUpdateEnabled(false)
                    .build();
            synchronized (closeables) {
                closeables.add(p);
            }
            return remembered(p);
        });
    }

    String roleArn(String account) {
        return "arn:" + Arns.partition(homeRegion) + ":iam::" + account + ":role/" + options.roleName();
    }

    /** STS in {@code account} ({@code null}: the caller's own credentials, for assuming roles). */
    StsClient sts(String account, String region, AwsCredentialsProvider credentials) {
        return client(account == null ? "(caller)" : account, region, "sts", credentials, StsClient::builder);
    }

    Ec2Client ec2(String account, String region) {
        return client(account, region, "ec2", in(account), Ec2Client::builder);
    }

    RedshiftClient redshift(String account, String region) {
        return client(account, region, "redshift", in(account), RedshiftClient::builder);
    }

    RedshiftServerlessClient serverless(String account, String region) {
        return client(account, region, "redshift-serverless", in(account), RedshiftServerlessClient::builder);
    }

    KmsClient kms(String account, String region) {
        return client(account, region, "kms", in(account), KmsClient::builder);
    }

    CloudTrailClient cloudTrail(String account, String region) {
        return client(account, region, "cloudtrail", in(account), CloudTrailClient::builder);
    }

    /**
     * S3 with the caller's credentials. A bucket in another region is followed there (S3 redirects); an endpoint
     * override (a local S3) is addressed path-style, as local S3 servers expect.
     */
    S3Client s3(String region) {
        return client(
                "(caller)",
                region,
                "s3",
                caller,
                () -> S3Client.builder()
                        .forcePathStyle(options.endpointOverride() != null)
                        .crossRegionAccessEnabled(true));
    }

    CloudWatchLogsClient logs(String region) {
        return client("(caller)", region, "logs", caller, CloudWatchLogsClient::builder);
    }

    /** Organizations is global: its endpoint sits in the partition's global region. */
    OrganizationsClient organizations() {
        Region global = switch (Arns.partition(homeRegion)) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            case "aws-iso" -> Region.AWS_ISO_GLOBAL;
            case "aws-iso-b" -> Region.AWS_ISO_B_GLOBAL;
            case "aws-iso-e" -> Region.AWS_ISO_E_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
        return client("(caller)", global.id(), "organizations", caller, OrganizationsClient::builder);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            String account, String region, String service, AwsCredentialsProvider credentials, Supplier<B> builder) {
        SdkClient c = clients.computeIfAbsent(new Key(account, region, service), k -> {
            B b = builder.get()
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .overrideConfiguration(config);
            if (options.endpointOverride() != null) {
                b.endpointOverride(options.endpointOverride());
            }
            return b.build();
        });
        @SuppressWarnings("unchecked")
        C typed = (C) c;
        return typed;
    }

    /** Masks every credential value handed out in the error texts, should a message ever echo one. */
    private AwsCredentialsProvider remembered(AwsCredentialsProvider p) {
        return () -> {
            AwsCredentials c = p.resolveCredentials();
            errorText.secret(c.secretAccessKey());
            if (c instanceof AwsSessionCredentials s) {
                errorText.secret(s.sessionToken());
            }
            return c;
        };
    }

    private static AwsCredentialsProvider callerCredentials(LiveOptions o) {
        if (o.credentials() != null) {
            return o.credentials();
        }
        if (o.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(o.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String homeRegion(LiveOptions o) {
        if (o.homeRegion() != null) {
            return o.homeRegion();
        }
        if (!o.regions().isEmpty()) {
            return o.regions().get(0);
        }
        // the environment, system properties and profile only: the SDK's default chain would also ask the EC2
        // instance metadata service, a network call that takes seconds to time out anywhere but on EC2
        AwsProfileRegionProvider profile = o.profile() == null
                ? new AwsProfileRegionProvider()
                : new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, o.profile());
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), profile)
                    .getRegion()
                    .id();
        } catch (SdkClientException e) {
            return "us-east-1"; // as the AWS CLI collector script does when no region is configured
        }
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        synchronized (closeables) {
            for (AutoCloseable c : closeables) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a credential provider frees nothing we still need
                }
            }
        }
        http.close();
        timers.shutdownNow(); // the SDK leaves an executor it was given running
    }
}
