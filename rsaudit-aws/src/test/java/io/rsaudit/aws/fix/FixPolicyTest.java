package io.rsaudit.aws.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.apply.FixClient;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Undo;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.ExportFacts;
import io.rsaudit.fix.plan.Facts;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/iam-policy-fix.json grants every call the fixer can make (plans with every flag, and their undo), the client
 * makes nothing else, and no Delete, Disable or Reboot action is granted outside the statement of the flag that
 * allows it; docs/iam-policy.json grants the reads the fixer makes beyond a scan's.
 */
class FixPolicyTest {

    static final Path POLICY = Path.of("..", "docs", "iam-policy-fix.json");
    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    /** The statement that may grant a destructive-sounding action, by the flag the fixer needs for it. */
    static final Map<String, String> FLAGGED = Map.of(
            "redshift:RebootCluster", "RsauditFixAllowReboot",
            "redshift:DisableSnapshotCopy", "RsauditFixAllowStopCopy",
            "redshift:RotateEncryptionKey", "RsauditFixAllowKeyRotation");

    /** The one Put the fixer makes: it rewrites a Serverless snapshot's sharing, and its undo puts the old one back. */
    static final String PUT_POLICY = "redshift-serverless:PutResourcePolicy";

    /**
     * The example estate's facts, and for every Serverless snapshot a resource policy that shares it with the owner's
     * trusted account 222222222222 and with the untrusted 999988887777 (as the example's shared snapshot is).
     */
    static Facts withSnapshotPolicies() {
        ExportFacts export = new ExportFacts(ESTATE);
        return new Facts() {
            @Override
            public Optional<String> parameterGroupFamily(Scope scope, String groupName) {
                return export.parameterGroupFamily(scope, groupName);
            }

            @Override
            public Optional<String> s3KeyPrefix(Scope scope, String clusterIdentifier) {
                return export.s3KeyPrefix(scope, clusterIdentifier);
            }

            @Override
            public Optional<String> maintenanceWindow(Scope scope, String clusterIdentifier) {
                return export.maintenanceWindow(scope, clusterIdentifier);
            }

            @Override
            public Optional<String> snapshotPolicy(Scope scope, String snapshotArn) {
                return Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":[\"222222222222\",\"999988887777\"]},"
                        + "\"Action\":[\"redshift-serverless:RestoreFromSnapshot\","
                        + "\"redshift:RestoreFromClusterSnapshot\"]}]}");
            }
        };
    }

    static Map<String, String> granted() throws Exception {
        return granted(POLICY);
    }

    static Map<String, String> granted(Path file) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode s : new ObjectMapper().readTree(file.toFile()).path("Statement")) {
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            for (JsonNode a : s.path("Action")) {
                out.put(a.asText(), s.path("Sid").asText());
            }
        }
        return out;
    }

    /** Every IAM action of the plans of the example estate with every flag on, and of their undo. */
    static Set<String> everyCallTheFixerMakes(Path tmp) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(Path.of("..", "examples", "policy.yaml"));
        Inventory inventory = new CliJsonSource(ESTATE).load();
        Plan plan = new Planner(
                        catalog,
                        policy,
                        new FixOptions(Set.of(), Set.of(), true, true, "alias/rsaudit-test", true),
                        withSnapshotPolicies())
                .plan(inventory, "examples", NOW);
        Set<String> actions = new TreeSet<>();
        List<JournalEntry> entries = new ArrayList<>();
        for (var r : plan.resources()) {
            for (Call c : r.calls()) {
                actions.add(c.iamAction());
                entries.add(new JournalEntry(
                        NOW,
                        JournalEntry.APPLY,
                        c.scope().account(),
                        c.scope().region(),
                        r.resource().arn(),
                        c.iamAction(),
                        c.params(),
                        c.before(),
                        "ok",
                        "req",
                        null,
                        null,
                        null));
            }
        }
        FixClient recording = call -> {
            actions.add(call.iamAction());
            return "req";
        };
        try (Journal journal = Journal.append(tmp.resolve("undo.jsonl"))) {
            new Undo(recording, journal, Clock.fixed(NOW, ZoneOffset.UTC), line -> {}).undo(entries);
        }
        return actions;
    }

    @Test
    void thePolicyGrantsEveryCallTheFixerMakesAndTheClientMakesNothingElse(@TempDir Path tmp) throws Exception {
        Set<String> calls = everyCallTheFixerMakes(tmp);
        assertThat(calls)
                .contains(
                        "redshift:ModifyCluster",
                        "redshift:CreateClusterParameterGroup",
                        "redshift:RevokeSnapshotAccess",
                        "redshift:AuthorizeSnapshotAccess",
                        "kms:EnableKeyRotation",
                        "redshift-serverless:UpdateWorkgroup",
                        PUT_POLICY);
        assertThat(granted().keySet()).containsAll(calls).containsAll(AwsFixClient.ACTIONS);
        assertThat(AwsFixClient.ACTIONS).containsAll(calls);
        assertThat(AwsFixClient.ACTIONS)
                .containsExactlyInAnyOrderElementsOf(granted().keySet());
    }

    @Test
    void noDeleteDisableOrRebootOutsideTheStatementOfItsFlag() throws Exception {
        for (Map.Entry<String, String> a : granted().entrySet()) {
            String action = a.getKey().substring(a.getKey().indexOf(':') + 1);
            if (action.startsWith("Delete")
                    || action.startsWith("Disable")
                    || action.startsWith("Reboot")
                    || FLAGGED.containsKey(a.getKey())) {
                assertThat(FLAGGED).as(a.getKey()).containsEntry(a.getKey(), a.getValue());
            }
            assertThat(action).doesNotStartWith("Delete").doesNotStartWith("Reset");
            if (!a.getKey().equals(PUT_POLICY)) {
                assertThat(action).doesNotStartWith("Put");
            }
        }
    }

    @Test
    void theReadOnlyPolicyGrantsTheReadsTheFixerMakesBeyondAScan() throws Exception {
        Map<String, String> reads = granted(Path.of("..", "docs", "iam-policy.json"));
        Set<String> statement = new TreeSet<>();
        reads.forEach((action, sid) -> {
            if (sid.equals("RsauditFixReadOnly")) {
                statement.add(action);
            }
        });
        assertThat(statement).containsExactlyInAnyOrderElementsOf(AwsFixClient.READS);
    }
}
