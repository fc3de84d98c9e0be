package io.rsaudit.fix.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Undo;
import io.rsaudit.fix.format.PlanFormat;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS-BACKUP-008's plan for the example estate's Serverless snapshot (shared with the untrusted 999988887777), given
 * the resource policy the live account would answer: the call, its rendering in every format, and the refusals.
 */
class ServerlessSharingTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String SNAPSHOT =
            "arn:aws:redshift-serverless:us-east-1:222222222222:snapshot/f0d72275-85b2-4b21-89ae-668c20f4b154";
    static final String MIXED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":[\"111111111111\",\"999988887777\"]},\"Action\":\"redshift:RestoreFromClusterSnapshot\"}]}";

    static Facts policy(String text) {
        Facts none = Facts.none();
        return new Facts() {
            @Override
            public Optional<String> parameterGroupFamily(Scope scope, String groupName) {
                return none.parameterGroupFamily(scope, groupName);
            }

            @Override
            public Optional<String> s3KeyPrefix(Scope scope, String clusterIdentifier) {
                return none.s3KeyPrefix(scope, clusterIdentifier);
            }

            @Override
            public Optional<String> maintenanceWindow(Scope scope, String clusterIdentifier) {
                return none.maintenanceWindow(scope, clusterIdentifier);
            }

            @Override
            public Optional<String> snapshotPolicy(Scope scope, String snapshotArn) {
                return snapshotArn.equals(SNAPSHOT) ? Optional.ofNullable(text) : Optional.empty();
            }
        };
    }

    static Plan plan(Facts facts) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(Path.of("..", "examples", "policy.yaml"));
        Inventory inventory = new CliJsonSource(ESTATE).load();
        FixOptions only = new FixOptions(Set.of("RS-BACKUP-008"), Set.of(), false, false, null, false);
        return new Planner(catalog, policy, only, facts).plan(inventory, "examples/estate", NOW);
    }

    static String write(PlanFormat format, Plan plan) throws Exception {
        StringWriter out = new StringWriter();
        format.write(plan, out);
        return out.toString();
    }

    @Test
    void thePolicyWithoutTheUntrustedAccountIsPutAndEveryFormatSaysSo() throws Exception {
        Plan plan = plan(policy(MIXED));
        assertThat(plan.refused()).isEmpty();
        ResourcePlan r = plan.resources().get(0);
        assertThat(r.checkIds()).containsExactly("RS-BACKUP-008");
        assertThat(r.remedies().get(0).does()).contains("999988887777");
        Call put = r.calls().get(0);
        assertThat(put.iamAction()).isEqualTo("redshift-serverless:PutResourcePolicy");
        assertThat(put.params()).containsEntry("resourceArn", SNAPSHOT);
        JsonNode written = new ObjectMapper().readTree((String) put.params().get("policy"));
        assertThat(written.path("Statement")
                        .get(0)
                        .path("Principal")
                        .path("AWS")
                        .asText())
                .isEqualTo("111111111111");
        assertThat(put.before()).containsEntry("policy", MIXED);

        assertThat(write(PlanFormat.TEXT, plan))
                .contains("1. redshift-serverless:PutResourcePolicy resourceArn=" + SNAPSHOT + " policy={");
        assertThat(write(PlanFormat.SHELL, plan))
                .contains("aws redshift-serverless put-resource-policy --region 'us-east-1' --resource-arn '" + SNAPSHOT
                        + "' --policy '{\"Version\":\"2012-10-17\"");
        assertThat(write(PlanFormat.TERRAFORM, plan))
                .contains(
                        "resource \"aws_redshiftserverless_resource_policy\" \"f0d72275-85b2-4b21-89ae-668c20f4b154\"")
                .contains("resource_arn = \"" + SNAPSHOT + "\"")
                .contains("policy       = \"{\\\"Version\\\"");
        JsonNode json = new ObjectMapper().readTree(write(PlanFormat.JSON, plan));
        JsonNode call = json.path("resources").get(0).path("calls").get(0);
        assertThat(call.path("action").asText()).isEqualTo("redshift-serverless:PutResourcePolicy");
        assertThat(call.path("before").path("policy").asText()).isEqualTo(MIXED);
    }

    @Test
    void theUndoPutsThePolicyReadBeforeBack(@TempDir Path tmp) throws Exception {
        Call put = plan(policy(MIXED)).resources().get(0).calls().get(0);
        JournalEntry done = new JournalEntry(
                NOW,
                JournalEntry.APPLY,
                "222222222222",
                "us-east-1",
                SNAPSHOT,
                put.iamAction(),
                put.params(),
                put.before(),
                "ok",
                "req",
                null,
                null,
                null);
        List<Call> made = new ArrayList<>();
        try (Journal journal = Journal.append(tmp.resolve("undo.jsonl"))) {
            new Undo(
                            call -> {
                                made.add(call);
                                return "req";
                            },
                            journal,
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            line -> {})
                    .undo(List.of(done));
        }
        Call inverse = made.get(0);
        assertThat(made).hasSize(1);
        assertThat(inverse.iamAction()).isEqualTo("redshift-serverless:PutResourcePolicy");
        assertThat(inverse.params()).containsEntry("resourceArn", SNAPSHOT).containsEntry("policy", MIXED);
    }

    @Test
    void whatCannotBeDoneIsRefusedAsFinalWithWhy() throws Exception {
        assertThat(plan(policy(null)).refused())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("resource policy was not read"));
        String untrustedOnly = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"999988887777\"},"
                + "\"Action\":\"redshift:RestoreFromClusterSnapshot\"}]}";
        assertThat(plan(policy(untrustedOnly)).refused()).singleElement().satisfies(r -> {
            assertThat(r.allowedByFlag()).isFalse();
            assertThat(r.reason())
                    .contains("no principal is left")
                    .contains("aws redshift-serverless delete-resource-policy --region us-east-1 --resource-arn "
                            + SNAPSHOT);
        });
        String elsewhere = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111111111111\","
                + "\"333333333333\"]},\"Action\":\"redshift-serverless:RestoreFromSnapshot\"}]}";
        assertThat(plan(policy(elsewhere)).refused())
                .singleElement()
                .satisfies(r -> assertThat(r.reason())
                        .contains("shared with 999988887777, which no restore statement of its resource policy names"));
        assertThat(plan(policy(untrustedOnly)).resources()).isEmpty();
    }
}
