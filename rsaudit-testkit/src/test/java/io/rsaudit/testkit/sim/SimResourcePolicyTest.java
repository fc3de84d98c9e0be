package io.rsaudit.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftserverless.model.RedshiftServerlessException;
import software.amazon.awssdk.services.redshiftserverless.model.Snapshot;

/**
 * A Serverless snapshot's sharing as the simulator serves it: GetResourcePolicy gives the policy last put, else one
 * made from the lists ListSnapshots reports; PutResourcePolicy changes those lists as the policy says.
 */
class SimResourcePolicyTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final String SHARED =
            "arn:aws:redshift-serverless:us-east-1:222222222222:snapshot/f0d72275-85b2-4b21-89ae-668c20f4b154";
    static final ObjectMapper JSON = new ObjectMapper();

    static Snapshot listed(SimClients c) {
        return c.serverless().listSnapshots(r -> r.maxResults(100)).snapshots().stream()
                .filter(s -> s.snapshotArn().equals(SHARED))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePolicyOfASharedSnapshotIsMadeFromItsListsAndAPutChangesThem() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                SimClients c = SimClients.of(sim.endpoint(), "222222222222", "us-east-1")) {
            JsonNode made = JSON.readTree(c.serverless()
                    .getResourcePolicy(r -> r.resourceArn(SHARED))
                    .resourcePolicy()
                    .policy());
            assertThat(made.path("Statement")).hasSize(1);
            assertThat(made.path("Statement").get(0).path("Principal").path("AWS"))
                    .isEqualTo(JSON.readTree("[\"999988887777\"]"));
            assertThat(made.path("Statement").get(0).path("Action").get(0).asText())
                    .isEqualTo("redshift:RestoreFromClusterSnapshot");

            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                    + "[\"arn:aws:iam::333333333333:root\",\"444444444444\"]},\"Action\":\"redshift-serverless:*\"},"
                    + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"555555555555\"},\"Action\":\"*\"}]}";
            c.serverless().putResourcePolicy(r -> r.resourceArn(SHARED).policy(policy));
            assertThat(listed(c).accountsWithRestoreAccess()).containsExactly("333333333333", "444444444444");
            assertThat(listed(c).accountsWithProvisionedRestoreAccess()).isEmpty();
            assertThat(c.serverless()
                            .getResourcePolicy(r -> r.resourceArn(SHARED))
                            .resourcePolicy()
                            .policy())
                    .isEqualTo(policy);
        }
    }

    @Test
    void aSnapshotSharedWithNoOneHasNoPolicyAndABadPolicyIsRefused() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                SimClients c = SimClients.of(sim.endpoint(), "222222222222", "eu-west-1")) {
            String unshared =
                    "arn:aws:redshift-serverless:eu-west-1:111111111111:snapshot/d460bc6c-16b0-4444-8f01-a5d217824d02";
            assertThatThrownBy(() -> c.serverless().getResourcePolicy(r -> r.resourceArn(unshared)))
                    .isInstanceOfSatisfying(
                            RedshiftServerlessException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
            assertThatThrownBy(() -> c.serverless()
                            .putResourcePolicy(r -> r.resourceArn(unshared).policy("not a policy")))
                    .isInstanceOfSatisfying(
                            RedshiftServerlessException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            // the shared snapshot lives in us-east-1: this region does not have it
            assertThatThrownBy(() -> c.serverless().getResourcePolicy(r -> r.resourceArn(SHARED)))
                    .isInstanceOfSatisfying(
                            RedshiftServerlessException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        }
    }
}
