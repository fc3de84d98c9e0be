package io.rsaudit.testkit.sim;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshiftserverless.RedshiftServerlessClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Raw SDK v2 clients of one account and region, pointed at a simulator. */
record SimClients(
        RedshiftClient redshift,
        RedshiftServerlessClient serverless,
        Ec2Client ec2,
        KmsClient kms,
        CloudTrailClient cloudtrail,
        StsClient sts,
        OrganizationsClient organizations)
        implements AutoCloseable {

    static SimClients of(URI endpoint, String account, String region) {
        return of(
                endpoint, account, region, ClientOverrideConfiguration.builder().build());
    }

    /** Clients that do not retry, so that a test sees the first answer. */
    static SimClients noRetries(URI endpoint, String account, String region) {
        return of(
                endpoint,
                account,
                region,
                ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1))
                        .build());
    }

    static SimClients withAttemptTimeout(URI endpoint, String account, String region, Duration timeout) {
        return of(
                endpoint,
                account,
                region,
                ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(timeout)
                        .retryStrategy(b -> b.maxAttempts(2))
                        .build());
    }

    static SimClients of(URI endpoint, String account, String region, ClientOverrideConfiguration config) {
        return new SimClients(
                configure(RedshiftClient.builder(), endpoint, account, region, config)
                        .build(),
                configure(RedshiftServerlessClient.builder(), endpoint, account, region, config)
                        .build(),
                configure(Ec2Client.builder(), endpoint, account, region, config)
                        .build(),
                configure(KmsClient.builder(), endpoint, account, region, config)
                        .build(),
                configure(CloudTrailClient.builder(), endpoint, account, region, config)
                        .build(),
                configure(StsClient.builder(), endpoint, account, region, config)
                        .build(),
                configure(OrganizationsClient.builder(), endpoint, account, "us-east-1", config)
                        .build());
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, URI endpoint, String account, String region, ClientOverrideConfiguration config) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .overrideConfiguration(config)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM" + account, "any-secret")));
    }

    @Override
    public void close() {
        redshift.close();
        serverless.close();
        ec2.close();
        kms.close();
        cloudtrail.close();
        sts.close();
        organizations.close();
    }
}
