package io.rsaudit.testkit.sim;

import java.util.Arrays;
import java.util.Optional;

/**
 * The services the simulator speaks, by SigV4 signing name, with what their wire protocol needs: the XML namespace
 * (Query and EC2) or the {@code X-Amz-Target} prefix (JSON 1.1), and the package of the SDK's model classes.
 */
enum SimService {
    STS("sts", Protocol.QUERY, "https://sts.amazonaws.com/doc/2011-06-15/", "sts"),
    REDSHIFT("redshift", Protocol.QUERY, "http://redshift.amazonaws.com/doc/2012-12-01/", "redshift"),
    EC2("ec2", Protocol.EC2, "http://ec2.amazonaws.com/doc/2016-11-15/", "ec2"),
    KMS("kms", Protocol.JSON, "TrentService", "kms"),
    CLOUDTRAIL("cloudtrail", Protocol.JSON, "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "cloudtrail"),
    REDSHIFT_SERVERLESS("redshift-serverless", Protocol.JSON, "RedshiftServerless", "redshiftserverless"),
    ORGANIZATIONS("organizations", Protocol.JSON, "AWSOrganizationsV20161128", "organizations");

    private final String signingName;
    private final Protocol protocol;
    private final String namespaceOrTarget;
    private final String modelPackage;

    SimService(String signingName, Protocol protocol, String namespaceOrTarget, String sdkPackage) {
        this.signingName = signingName;
        this.protocol = protocol;
        this.namespaceOrTarget = namespaceOrTarget;
        this.modelPackage = "software.amazon.awssdk.services." + sdkPackage + ".model.";
    }

    static Optional<SimService> bySigningName(String name) {
        return Arrays.stream(values()).filter(s -> s.signingName.equals(name)).findFirst();
    }

    String signingName() {
        return signingName;
    }

    Protocol protocol() {
        return protocol;
    }

    /** The XML namespace of a Query or EC2 answer. */
    String xmlNamespace() {
        return namespaceOrTarget;
    }

    /** The {@code X-Amz-Target} prefix of a JSON 1.1 service: {@code TrentService} in {@code TrentService.DescribeKey}. */
    String targetPrefix() {
        return namespaceOrTarget;
    }

    /** The SDK model class: {@code DescribeClustersResponse} of the Redshift package. */
    Class<?> modelClass(String simpleName) {
        try {
            return Class.forName(modelPackage + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the AWS SDK lacks " + modelPackage + simpleName, e);
        }
    }

    /** The code AWS throttles with: the same retryable family, spelt per protocol (and per service). */
    AwsError throttling() {
        return switch (this) {
            case EC2 -> new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503);
            case ORGANIZATIONS -> new AwsError("TooManyRequestsException", "Rate exceeded", 400);
            case STS, REDSHIFT -> new AwsError("Throttling", "Rate exceeded", 400);
            default -> new AwsError("ThrottlingException", "Rate exceeded", 400);
        };
    }

    /** A server-side failure, 500 or 503. */
    AwsError serverError(boolean unavailable) {
        return switch (protocol) {
            case EC2 ->
                unavailable
                        ? new AwsError("Unavailable", "The server is overloaded.", 503)
                        : new AwsError("InternalError", "An internal error has occurred.", 500);
            case QUERY ->
                unavailable
                        ? new AwsError("ServiceUnavailable", "Service is unavailable.", 503)
                        : new AwsError("InternalFailure", "An internal error has occurred.", 500);
            case JSON ->
                unavailable
                        ? new AwsError("ServiceUnavailableException", "Service is unavailable.", 503)
                        : new AwsError("InternalFailure", "An internal error has occurred.", 500);
        };
    }

    /** An explicit deny of {@code action} to the caller, the way each protocol says it. */
    AwsError accessDenied(String account, String action, String why) {
        String who = "User: arn:aws:sts::" + account + ":assumed-role/rsaudit/rsaudit is not authorized to perform: "
                + action + " " + why;
        return switch (protocol) {
            case EC2 ->
                new AwsError("UnauthorizedOperation", "You are not authorized to perform this operation. " + who, 403);
            case QUERY -> new AwsError("AccessDenied", who, 403);
            case JSON -> new AwsError("AccessDeniedException", who, 400);
        };
    }

    /** Credentials AWS does not know, which is also what a call into a region the account has not opted in to meets. */
    AwsError credentialsRejected() {
        return switch (protocol) {
            case EC2 ->
                new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
            case QUERY ->
                new AwsError(
                        "InvalidClientTokenId", "The security token included in the request is" + " invalid.", 403);
            case JSON ->
                new AwsError(
                        "UnrecognizedClientException",
                        "The security token included in the request" + " is invalid.",
                        400);
        };
    }

    /** A request the simulator cannot answer faithfully: it says so instead of guessing. */
    AwsError unsupported(String what) {
        return new AwsError(
                protocol == Protocol.JSON ? "ValidationException" : "InvalidParameterValue", "simulator: " + what, 400);
    }
}
