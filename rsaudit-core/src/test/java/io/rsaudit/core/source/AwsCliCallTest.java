package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsCliCallTest {

    @Test
    void everyFileOfTheLayoutNamesItsCall() {
        for (AwsCliCall c : AwsCliCall.values()) {
            String folder = c.regional() ? "111111111111/eu-west-1/" : "111111111111/";
            String file = folder + (c.perResource() == null ? c.file() : c.file("alias/my key"));
            assertThat(AwsCliCall.ofLocation(file)).as(file).contains(c);
            if (c.pageToken() != null) {
                String page = file.replace(".json", ".page-3.json");
                assertThat(AwsCliCall.ofLocation(page)).as(page).contains(c);
            }
        }
        assertThat(AwsCliCall.ofLocation(
                        "111111111111/eu-west-1/redshift/describe-cluster-parameters/" + "default.redshift-1.0.json"))
                .contains(AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS);
    }

    @Test
    void everyLiveLocationNamesItsCall() {
        for (AwsCliCall c : AwsCliCall.values()) {
            String location =
                    c.liveLocation("111111111111", "eu-west-1", c.perResource() == null ? null : "alias/my key");
            assertThat(location)
                    .startsWith(AwsCliCall.LIVE + "111111111111/")
                    .contains(c.iamAction())
                    .doesNotContain(" ");
            assertThat(AwsCliCall.ofLocation(location)).as(location).contains(c);
            assertThat(AwsCliCall.ofLocation(location + "?page=2&request-id=7f2c-11"))
                    .as(location)
                    .contains(c);
        }
        assertThat(AwsCliCall.DESCRIBE_LOGGING_STATUS.liveLocation("111111111111", "eu-west-1", "prod-dw"))
                .isEqualTo("aws://111111111111/eu-west-1/redshift:DescribeLoggingStatus/prod-dw");
        assertThat(AwsCliCall.STS_GET_CALLER_IDENTITY.liveLocation("111111111111", "eu-west-1", null))
                .isEqualTo("aws://111111111111/sts:GetCallerIdentity");
        assertThat(AwsCliCall.KMS_DESCRIBE_KEY.liveLocation("111111111111", "eu-west-1", "alias/x"))
                .isEqualTo("aws://111111111111/eu-west-1/kms:DescribeKey/alias%2Fx");
    }

    @Test
    void otherLiveLocationsNameNone() {
        assertThat(AwsCliCall.ofLocation("aws://111111111111/eu-west-1/redshift:DescribeEvents"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws://111111111111/eu-west-1/redshift:DescribeLoggingStatus"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws://111111111111/eu-west-1/sts:GetCallerIdentity"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws://111111111111/*/cloudtrail:DescribeTrails"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws")).isEmpty();
    }

    @Test
    void otherPathsNameNone() {
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/redshift/describe-events.json"))
                .isEmpty();
        // a per-resource call's file without its resource, and a list call's with one
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/redshift/describe-logging-status.json"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/redshift/describe-clusters/x.json"))
                .isEmpty();
        // the account-wide call inside a region folder, and a regional one outside
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/sts/get-caller-identity.json"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("111111111111/redshift/describe-clusters.json"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("policy.yaml")).isEmpty();
    }
}
