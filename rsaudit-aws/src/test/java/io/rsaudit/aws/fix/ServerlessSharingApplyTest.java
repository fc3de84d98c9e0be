package io.rsaudit.aws.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.scan.CheckRunner;
import io.rsaudit.fix.apply.Applier;
import io.rsaudit.fix.apply.ApplyReport;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Undo;
import io.rsaudit.fix.apply.Waiter;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS-BACKUP-008's remedy against the simulator serving the example estate, whose Serverless snapshot
 * analytics-explore-handover-2026-10-15 (account 222222222222, us-east-1) may be restored to a cluster by the
 * untrusted 999988887777: the resource policy is rewritten without the untrusted principals and verified, undone to
 * the policy read before, refused when no principal would be left, and resumed after a failed put.
 */
class ServerlessSharingApplyTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Scope ANALYTICS_US = new Scope("222222222222", "us-east-1");
    static final String SNAPSHOT =
            "arn:aws:redshift-serverless:us-east-1:222222222222:snapshot/f0d72275-85b2-4b21-89ae-668c20f4b154";
    static final String CHECK = "RS-BACKUP-008";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final FixOptions SHARING = new FixOptions(Set.of(CHECK), Set.of(SNAPSHOT), false, false, null, false);
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Shared with the trusted 111111111111 (to a namespace) and with the untrusted 999988887777 (to a namespace, as
     * an IAM ARN, and to a cluster, on its own), beside a Deny that has nothing to do with trust.
     */
    static final String MIXED = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Namespace\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111111111111\","
            + "\"arn:aws:iam::999988887777:root\"]},\"Action\":\"redshift-serverless:RestoreFromSnapshot\"},"
            + "{\"Sid\":\"Cluster\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"999988887777\"},"
            + "\"Action\":[\"redshift:RestoreFromClusterSnapshot\"]},"
            + "{\"Sid\":\"NoCopies\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"redshift-serverless:*\","
            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

    static Policy policy(CheckCatalog catalog) throws Exception {
        return new PolicyLoader(catalog.ids()).load(Path.of("..", "examples", "policy.yaml"));
    }

    static void share(AwsFixClient client, String policy) throws Exception {
        client.call(new Call(
                "redshift-serverless",
                "PutResourcePolicy",
                ANALYTICS_US,
                Map.of("resourceArn", SNAPSHOT, "policy", policy),
                Map.of()));
    }

    static Plan plan(AwsFixClient client) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        return new Planner(catalog, policy(catalog), SHARING, client).plan(client.read(ANALYTICS_US), "sim", NOW);
    }

    static ApplyReport apply(AwsFixClient client, Plan plan, Path journal, Set<String> done) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        try (Journal j = Journal.append(journal)) {
            return new Applier(
                            catalog,
                            policy(catalog),
                            SHARING,
                            client,
                            client,
                            client,
                            j,
                            new Waiter(client, d -> {}, Waiter.Backoff.DEFAULT),
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            line -> {})
                    .apply(plan, done);
        }
    }

    static Result result(AwsFixClient client) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        for (Finding f : new CheckRunner(catalog)
                .run(client.read(ANALYTICS_US), policy(catalog), NOW)
                .findings()) {
            if (f.check().id().equals(CHECK) && f.resource().arn().equals(SNAPSHOT)) {
                return f.result();
            }
        }
        throw new AssertionError("no " + CHECK + " finding for " + SNAPSHOT);
    }

    static List<String> outcomes(Path journal) throws Exception {
        return Journal.read(journal).stream()
                .map(e -> (e.isCall() ? e.action() + ":" : "") + e.outcome())
                .toList();
    }

    static JsonNode currentPolicy(AwsFixClient client) throws Exception {
        return JSON.readTree(client.snapshotPolicy(ANALYTICS_US, SNAPSHOT).orElseThrow());
    }

    @Test
    void theUntrustedPrincipalsLeaveThePolicyTheRestStaysAndUndoPutsItBack(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            share(client, MIXED);
            assertThat(result(client)).isEqualTo(Result.FAIL);
            Plan plan = plan(client);
            assertThat(plan.refused()).isEmpty();
            Call put = plan.resources().get(0).calls().get(0);
            assertThat(put.iamAction()).isEqualTo("redshift-serverless:PutResourcePolicy");
            assertThat(put.before()).containsEntry("policy", MIXED);

            Path file = tmp.resolve("fix.jsonl");
            ApplyReport report = apply(client, plan, file, Set.of());
            assertThat(report.anyFailed()).as(report.outcomes().toString()).isFalse();
            assertThat(outcomes(file)).containsExactly("redshift-serverless:PutResourcePolicy:ok", "verified");
            assertThat(result(client)).isEqualTo(Result.PASS);
            JsonNode now = currentPolicy(client);
            assertThat(now.path("Statement")).hasSize(2);
            assertThat(now.path("Statement")
                            .get(0)
                            .path("Principal")
                            .path("AWS")
                            .asText())
                    .isEqualTo("111111111111");
            assertThat(now.path("Statement").get(1))
                    .isEqualTo(JSON.readTree(MIXED).path("Statement").get(2));
            // the journal keeps the policy before, which the undo puts back
            assertThat(Journal.read(file).get(0).before()).containsEntry("policy", MIXED);

            List<JournalEntry> entries = Journal.read(file);
            try (Journal j = Journal.append(file)) {
                ApplyReport undone = new Undo(client, j, Clock.fixed(NOW, ZoneOffset.UTC), line -> {}).undo(entries);
                assertThat(undone.anyFailed()).isFalse();
                assertThat(undone.callsMade()).isEqualTo(1);
            }
            assertThat(currentPolicy(client)).isEqualTo(JSON.readTree(MIXED));
            assertThat(result(client)).isEqualTo(Result.FAIL);
        }
    }

    @Test
    void aPolicyLeftWithNoPrincipalIsRefusedWithWhatToDoByHandAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            // as the example is: only 999988887777, to a cluster
            Plan plan = plan(client);
            assertThat(plan.resources()).isEmpty();
            assertThat(plan.refused()).singleElement().satisfies(r -> {
                assertThat(r.checkId()).isEqualTo(CHECK);
                assertThat(r.allowedByFlag()).isFalse();
                assertThat(r.reason())
                        .contains("only with untrusted accounts (999988887777)")
                        .contains("rsaudit never does")
                        .contains("aws redshift-serverless delete-resource-policy --region us-east-1 --resource-arn "
                                + SNAPSHOT);
            });
            Path file = tmp.resolve("fix.jsonl");
            apply(client, plan, file, Set.of());
            assertThat(sim.requests())
                    .extracting(SimRequest::operation)
                    .contains("GetResourcePolicy")
                    .doesNotContain("PutResourcePolicy");
            assertThat(result(client)).isEqualTo(Result.FAIL);
        }
    }

    @Test
    void aFailedPutStopsTheSnapshotAndResumeFinishesIt(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            share(client, MIXED);
            sim.failNext("redshift-serverless:PutResourcePolicy", "AccessDeniedException", 400, 1);
            Path file = tmp.resolve("fix.jsonl");
            Plan planned = plan(client);
            ApplyReport first = apply(client, planned, file, Set.of());
            assertThat(first.anyFailed()).isTrue();
            assertThat(outcomes(file)).containsExactly("redshift-serverless:PutResourcePolicy:error", "failed");
            assertThat(currentPolicy(client)).isEqualTo(JSON.readTree(MIXED));

            List<JournalEntry> entries = Journal.read(file);
            ApplyReport resumed = apply(client, plan(client), file, Applier.done(entries));
            assertThat(resumed.anyFailed()).as(resumed.outcomes().toString()).isFalse();
            assertThat(outcomes(file).subList(entries.size(), outcomes(file).size()))
                    .containsExactly("redshift-serverless:PutResourcePolicy:ok", "verified");
            assertThat(result(client)).isEqualTo(Result.PASS);

            // a run resumed after it finished changes nothing
            int writes = puts(sim);
            ApplyReport again = apply(client, plan(client), file, Applier.done(Journal.read(file)));
            assertThat(again.callsMade()).isZero();
            assertThat(puts(sim)).isEqualTo(writes);
        }
    }

    @Test
    void everyReadTheApplyMakesIsInTheReadOnlyPolicy(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            share(client, MIXED);
            apply(client, plan(client), tmp.resolve("fix.jsonl"), Set.of());
            Set<String> granted = new HashSet<>(FixPolicyTest.granted(Path.of("..", "docs", "iam-policy.json"))
                    .keySet());
            granted.addAll(FixPolicyTest.granted().keySet());
            granted.addAll(FixPolicyTest.granted(Path.of("..", "docs", "iam-policy-caller.json"))
                    .keySet());
            assertThat(sim.requests())
                    .extracting(SimRequest::iamAction)
                    .contains("redshift-serverless:GetResourcePolicy")
                    .allSatisfy(a -> assertThat(granted).contains(a));
        }
    }

    static int puts(AwsSimulator sim) {
        return (int) sim.requests().stream()
                .filter(r -> r.operation().equals("PutResourcePolicy"))
                .count();
    }
}
