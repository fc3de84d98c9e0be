package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.source.AwsCliCall;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.redshift.model.RedshiftException;
import software.amazon.awssdk.services.sts.model.StsException;

/** A failed call's .error text: one CLI-shaped line naming action, account, region and AWS's error; no credentials. */
class ErrorTextTest {

    @Test
    void anAccessDeniedNamesCodeOperationActionAccountRegionAndMessage() {
        RedshiftException denied = (RedshiftException) RedshiftException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("User: arn:aws:sts::222222222222:assumed-role/audit/rsaudit is not authorized"
                                + " to perform: redshift:DescribeLoggingStatus")
                        .build())
                .build();
        String text =
                new ErrorText().of(Action.of(AwsCliCall.DESCRIBE_LOGGING_STATUS), "222222222222", "us-east-1", denied);
        assertThat(text)
                .isEqualTo("An error occurred (AccessDenied) when calling the DescribeLoggingStatus operation"
                        + " [redshift:DescribeLoggingStatus, account 222222222222, region us-east-1]: User:"
                        + " arn:aws:sts::222222222222:assumed-role/audit/rsaudit is not authorized to perform:"
                        + " redshift:DescribeLoggingStatus (HTTP 403)\n");
    }

    @Test
    void failuresOnOurSideNameTheirCause() {
        ErrorText errors = new ErrorText();
        String timeout = errors.of(
                Action.of(AwsCliCall.DESCRIBE_CLUSTERS),
                "111111111111",
                "eu-west-1",
                ApiCallTimeoutException.create(90_000));
        assertThat(timeout)
                .startsWith("An error occurred (ApiCallTimeoutException) when calling the DescribeClusters"
                        + " operation [redshift:DescribeClusters, account 111111111111, region eu-west-1]: ");
        String unknownHost = errors.of(
                Action.of(AwsCliCall.DESCRIBE_CLUSTERS),
                "111111111111",
                "eu-west-1",
                SdkClientException.create(
                        "Unable to execute HTTP request: nowhere.invalid",
                        new java.net.UnknownHostException("nowhere.invalid")));
        assertThat(unknownHost).contains("(UnknownHostException)").contains("nowhere.invalid");
    }

    @Test
    void anAssumeRoleFailureWrappedByTheCredentialProviderShowsStsAnswer() {
        StsException sts = (StsException) StsException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("not authorized to perform sts:AssumeRole")
                        .build())
                .build();
        String text = new ErrorText()
                .of(
                        Action.ASSUME_ROLE,
                        "333333333333",
                        null,
                        SdkClientException.create("Unable to load credentials", sts));
        assertThat(text)
                .startsWith("An error occurred (AccessDenied) when calling the AssumeRole operation"
                        + " [sts:AssumeRole, account 333333333333]: not authorized to perform sts:AssumeRole");
    }

    @Test
    void credentialsNeverAppear() {
        ErrorText errors = new ErrorText();
        errors.secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        errors.secret("short");
        String text = errors.of(
                Action.of(AwsCliCall.DESCRIBE_CLUSTERS),
                "111111111111",
                "eu-west-1",
                SdkClientException.create("echo AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
                        + " Credential=ASIAIOSFODNN7EXAMPLE/20260601/eu-west-1 Signature=abc123 short"));
        assertThat(text)
                .doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("abc123")
                .contains("<redacted:secret>")
                // access key ids are identifiers, visible in every output
                .contains("AKIAIOSFODNN7EXAMPLE")
                .contains("Credential=ASIAIOSFODNN7EXAMPLE/20260601/eu-west-1")
                .contains("short"); // too short to be a secret: ordinary words stay
    }

    @Test
    void secretsTheRedactorKnowsNeverAppearAndTheMessageIsOneLine() {
        String text = new ErrorText()
                .of(
                        Action.of(AwsCliCall.DESCRIBE_CLUSTERS),
                        "111111111111",
                        "eu-west-1",
                        SdkClientException.create("bad request\n  aws_secret_access_key=wJalrXUtnFEMI/K7MDENG\r\n"
                                + " X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE&x=1"));
        assertThat(text)
                .doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("FwoGZXIvYXdzEXAMPLE")
                .endsWith("\n")
                .contains("bad request aws_secret_access_key=<redacted:");
        assertThat(text.strip()).doesNotContain("\n").doesNotContain("\r");
    }
}
