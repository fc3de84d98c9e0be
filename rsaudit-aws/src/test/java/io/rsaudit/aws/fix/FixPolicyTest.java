package io.rsaudit.aws.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.apply.FixClient;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Undo;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.ExportFacts;
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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/iam-policy-fix.json grants every call the fixer can make (plans with every flag, and their undo), the client
 * makes nothing else, and no Delete, Disable or Reboot action is granted outside the statement of the flag that
 * allows it.
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

    static Map<String, String> granted() throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode s : new ObjectMapper().readTree(POLICY.toFile()).path("Statement")) {
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
                        new ExportFacts(ESTATE))
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
                        "redshift-serverless:UpdateWorkgroup");
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
            assertThat(action)
                    .doesNotStartWith("Delete")
                    .doesNotStartWith("Put")
                    .doesNotStartWith("Reset");
        }
    }
}
