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
