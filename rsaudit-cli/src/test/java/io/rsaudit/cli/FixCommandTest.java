package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsaudit fix} against the simulator serving the example estate: plan, apply, verify, resume, undo. */
class FixCommandTest {

    static final String POLICY = "../examples/policy.yaml";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> READS = Set.of("Describe", "Get", "List", "Lookup", "Assume");

    @RegisterExtension
    final SimCaller caller = new SimCaller("111111111111");

    static String[] command(AwsSimulator sim, String... more) {
        List<String> all = new ArrayList<>(List.of(
                "--role-name",
                "rsaudit-fix",
                "--accounts",
                "111111111111,222222222222",
                "--aws-region",
                "us-east-1",
                "--endpoint-url",
                sim.endpoint().toString(),
                "--policy",
                POLICY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static CliRun fix(AwsSimulator sim, String... more) {
        List<String> args = new ArrayList<>(List.of("fix"));
        args.addAll(List.of(command(sim, more)));
        return CliRun.of(args.toArray(String[]::new));
    }

    static List<SimRequest> writes(AwsSimulator sim) {
        return sim.requests().stream()
                .filter(r -> READS.stream().noneMatch(r.operation()::startsWith))
                .toList();
    }

    /** check|resource name -> outcome of a live scan now. */
    static Map<String, String> scan(AwsSimulator sim) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan"));
        args.addAll(List.of(command(sim, "--format", "json")));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            out.put(
                    f.path("check").asText() + "|"
                            + f.path("resource").path("name").asText(),
                    f.path("outcome").asText());
        }
        return out;
    }

    static List<JsonNode> journal(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static int indexOf(List<JsonNode> entries, String action, String member, String value) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            if (e.path("action").asText().equals(action)
                    && e.path("outcome").asText().equals("ok")
                    && e.path("parameters").path(member).asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aDryRunPlansAndChangesNothing() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
            CliRun run = fix(sim);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("redshift:CreateClusterParameterGroup ParameterGroupName=rsaudit-prod-legacy")
                    .contains("Refused unless you allow it (rerun with the flag named):")
                    .contains("Refused, final (no flag allows it; the reason says why):")
                    .contains("Manual");
            // the Serverless snapshot shared only with an untrusted account: its resource policy is read, and
            // leaving it with no principal is refused with what to run by hand
            String refusal = run.out().substring(run.out().indexOf("Refused, final"));
            assertThat(refusal)
                    .contains("RS-BACKUP-008 serverless snapshot analytics-explore-handover-2026-10-15")
                    .contains("aws redshift-serverless delete-resource-policy --region us-east-1 --resource-arn"
                            + " arn:aws:redshift-serverless:us-east-1:222222222222:snapshot/"
                            + "f0d72275-85b2-4b21-89ae-668c20f4b154");
            assertThat(sim.requests()).extracting(SimRequest::operation).contains("GetResourcePolicy");
            assertThat(writes(sim)).isEmpty();
            CliRun shell = fix(sim, "--format", "shell");
            assertThat(shell.out())
                    .startsWith("#!/bin/sh")
                    .contains("aws redshift modify-cluster --region 'eu-west-1' --cluster-identifier 'prod-legacy'");
            assertThat(writes(sim)).isEmpty();
        }
    }

    /**
     * The key-age check reads CloudTrail (--cloudtrail); judged as of the export's collection time, prod-reporting's
     * key was last rotated 751 days before, and the rotation is planned only with --allow-key-rotation.
     */
    @Test
    void aClusterKeyTooLongUnrotatedIsRotatedOnlyWithItsFlag() {
        String[] args = {
            "fix",
            "--input",
            "../examples/estate",
            "--policy",
            POLICY,
            "--cloudtrail",
            "../examples/cloudtrail",
            "--resources",
            "prod-reporting"
        };
        CliRun refused = CliRun.of(args);
        assertThat(refused.code()).as(refused.err()).isZero();
        assertThat(refused.out())
                .contains("RS-ATREST-012 cluster prod-reporting")
                .contains("[--allow-key-rotation]")
                .doesNotContain("redshift:RotateEncryptionKey");
        List<String> allowed = new ArrayList<>(List.of(args));
        allowed.add("--allow-key-rotation");
        CliRun planned = CliRun.of(allowed.toArray(String[]::new));
        assertThat(planned.out()).contains("redshift:RotateEncryptionKey ClusterIdentifier=prod-reporting");
    }

    @Test
    void applyThenRescanPassesCopiesDefaultAndSharedGroupsAndTouchesNothingElse(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
            Map<String, String> before = scan(sim);
            Path journal = tmp.resolve("j.jsonl");
            CliRun run = fix(sim, "--apply", "--yes", "--allow-reboot", "--journal", journal.toString());
            // every resource verified but analytics-sandbox: the estate denies reading its logging status, so whether
            // it now writes the user activity log cannot be told (exit 3), where a check it cannot judge is not passed
            assertThat(run.code()).as(run.err()).isEqualTo(3);
            List<JsonNode> outcomes =
                    journal(journal).stream().filter(e -> !e.has("action")).toList();
            assertThat(outcomes)
                    .filteredOn(e -> !Set.of("verified", "refused", "waited")
                            .contains(e.path("outcome").asText()))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.path("resource").asText()).endsWith(":cluster:analytics-sandbox");
                        assertThat(e.path("outcome").asText()).isEqualTo("not-verified");
                        assertThat(e.path("note").asText())
                                .contains("cannot tell")
                                .contains("RS-LOG-003");
                    });
            Map<String, String> after = scan(sim);

            for (String fixed : List.of(
                    "RS-TRANSIT-001|prod-legacy",
                    "RS-LOG-001|prod-legacy",
                    "RS-LOG-003|prod-legacy",
                    "RS-NET-001|prod-legacy",
                    "RS-NET-003|prod-legacy",
                    "RS-BACKUP-002|prod-legacy",
                    "RS-LOG-003|analytics-main",
                    "RS-RES-002|prod-etl")) {
                assertThat(before.get(fixed)).as(fixed).isEqualTo("fail");
                assertThat(after.get(fixed)).as(fixed + run.err()).isEqualTo("pass");
            }
            List<JsonNode> entries = journal(journal);
            List<String> groupEdits = entries.stream()
                    .filter(e -> e.path("action").asText().equals("redshift:ModifyClusterParameterGroup"))
                    .map(e -> e.path("parameters").path("ParameterGroupName").asText())
                    .toList();
            // a default group is never edited: each cluster on one gets its own copy
            assertThat(groupEdits)
                    .contains("rsaudit-prod-legacy", "rsaudit-analytics-uk", "rsaudit-analytics-main")
                    .noneMatch(g -> g.startsWith("default."));
            // analytics-params was shared by analytics-main and analytics-staging: main moved to a copy first; the
            // group is edited in place only once the re-read shows staging alone on it
            int moved =
                    indexOf(entries, "redshift:ModifyCluster", "ClusterParameterGroupName", "rsaudit-analytics-main");
            int edited =
                    indexOf(entries, "redshift:ModifyClusterParameterGroup", "ParameterGroupName", "analytics-params");
            assertThat(moved).isNotNegative();
            assertThat(edited).isGreaterThan(moved);
            assertThat(entries)
                    .anySatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("verified"));
            assertThat(writes(sim)).extracting(SimRequest::operation).noneMatch(o -> o.startsWith("Delete"));

            // everything compliant now: a second apply makes no write call
            int writesSoFar = writes(sim).size();
            CliRun again = fix(
                    sim,
                    "--apply",
                    "--yes",
                    "--allow-reboot",
                    "--journal",
                    tmp.resolve("2.jsonl").toString());
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(writes(sim)).hasSize(writesSoFar);
        }
    }

    @Test
    void aResourceAlreadyCompliantWhenApplyRereadsItIsSkippedWithoutAWriteCall(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
            // fix prod-etl's version upgrades by hand between the plan and the apply: the apply's re-read sees it
            CliRun first = fix(
                    sim,
                    "--apply",
                    "--yes",
                    "--only",
                    "RS-RES-002",
                    "--journal",
                    tmp.resolve("a.jsonl").toString());
            assertThat(first.code()).as(first.err()).isZero();
            int count = writes(sim).size();
            assertThat(count).isPositive();
            CliRun second = fix(
                    sim,
                    "--apply",
                    "--yes",
                    "--only",
                    "RS-RES-002",
                    "--journal",
                    tmp.resolve("b.jsonl").toString());
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(writes(sim)).hasSize(count);
        }
    }

    @Test
    void aFaultMidwayIsJournaledAndResumeFinishes(@TempDir Path tmp) throws Exception {
        for (String[] fault :
                List.of(new String[] {"AccessDenied", "403"}, new String[] {"Throttling", "400"}, new String[] {
                    "InternalFailure", "500"
                })) {
            try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
                Path journal = tmp.resolve(fault[0] + ".jsonl");
                // one fault, and one attempt a call: the call fails for good (retried, it would have gone through)
                sim.failNext("redshift:EnableLogging", fault[0], Integer.parseInt(fault[1]), 1);
                CliRun run = fix(
                        sim,
                        "--apply",
                        "--yes",
                        "--max-attempts",
                        "1",
                        "--resources",
                        "prod-legacy",
                        "--journal",
                        journal.toString());
                assertThat(run.code()).as(run.err()).isEqualTo(3);
                List<JsonNode> entries = journal(journal);
                List<String> calls = entries.stream()
                        .filter(e -> e.has("action"))
                        .map(e -> e.path("action").asText() + ":"
                                + e.path("outcome").asText())
                        .toList();
                assertThat(calls)
                        .as(fault[0])
                        .containsExactly(
                                "redshift:CreateClusterParameterGroup:ok",
                                "redshift:ModifyClusterParameterGroup:ok",
                                "redshift:EnableLogging:error");
                assertThat(entries.get(2).path("errorCode").asText()).isEqualTo(fault[0]);

                sim.clearInjectedFaults();
                CliRun resumed =
                        fix(sim, "--apply", "--yes", "--resources", "prod-legacy", "--resume", journal.toString());
                assertThat(resumed.code()).as(resumed.err()).isZero();
                List<String> all = journal(journal).stream()
                        .map(e -> e.path("action").asText("-") + ":"
                                + e.path("outcome").asText())
                        .toList();
                assertThat(all.subList(calls.size() + 1, all.size()))
                        .as(resumed.err())
                        .contains("redshift:EnableLogging:ok", "redshift:ModifyCluster:ok")
                        .doesNotContain("redshift:CreateClusterParameterGroup:ok");
                assertThat(scan(sim).get("RS-LOG-001|prod-legacy")).isEqualTo("pass");
            }
        }
    }

    @Test
    void undoRestoresWhatTheApplyChanged(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
            Map<String, String> before = scan(sim);
            Path journal = tmp.resolve("j.jsonl");
            CliRun run = fix(
                    sim, "--apply", "--yes", "--resources", "prod-legacy,prod-etl", "--journal", journal.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(scan(sim).get("RS-NET-001|prod-legacy")).isEqualTo("pass");

            CliRun undo = fix(sim, "--undo", journal.toString(), "--yes");
            assertThat(undo.code()).as(undo.err()).isZero();
            Map<String, String> after = scan(sim);
            for (String restored : List.of(
                    "RS-NET-001|prod-legacy",
                    "RS-NET-003|prod-legacy",
                    "RS-BACKUP-002|prod-legacy",
                    "RS-RES-002|prod-etl",
                    "RS-TRANSIT-001|prod-legacy")) {
                assertThat(after.get(restored)).as(restored).isEqualTo(before.get(restored));
            }
            // audit logging stays on: turning it off is a Disable call, which the undo says it does not make
            assertThat(after.get("RS-LOG-001|prod-legacy")).isEqualTo("pass");
            assertThat(journal(journal))
                    .anySatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("not-undone"));
            assertThat(writes(sim)).extracting(SimRequest::operation).noneMatch(o -> o.startsWith("Disable"));
        }
    }

    @Test
    void aServerlessSnapshotsRetentionIsSetToThePolicyMaximumAndUndone(@TempDir Path tmp) throws Exception {
        String finding = "RS-BACKUP-011|analytics-explore-handover-2026-10-15";
        try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
            assertThat(scan(sim).get(finding)).isEqualTo("fail");
            Path journal = tmp.resolve("j.jsonl");
            CliRun run = fix(sim, "--apply", "--yes", "--only", "RS-BACKUP-011", "--journal", journal.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(scan(sim).get(finding)).isEqualTo("pass");
            JsonNode call = journal(journal).stream()
                    .filter(e -> e.path("action").asText().equals("redshift-serverless:UpdateSnapshot"))
                    .findFirst()
                    .orElseThrow();
            // examples/policy.yaml: backups.maxManualRetentionDays 365
            assertThat(call.path("parameters").path("retentionPeriod").asInt()).isEqualTo(365);
            assertThat(call.path("before").path("retentionPeriod").asInt()).isEqualTo(-1);

            CliRun undo = fix(sim, "--undo", journal.toString(), "--yes");
            assertThat(undo.code()).as(undo.err()).isZero();
            assertThat(scan(sim).get(finding)).isEqualTo("fail");
        }
    }

    @Test
    void aStaticParameterWithoutARebootIsPendingUntilTheNextMaintenanceWindow(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults())) {
            Path journal = tmp.resolve("j.jsonl");
            CliRun run = fix(
                    sim,
                    "--apply",
                    "--yes",
                    "--only",
                    "RS-TRANSIT-001",
                    "--resources",
                    "prod-legacy",
                    "--journal",
                    journal.toString());
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode pending = journal(journal).stream()
                    .filter(e -> e.path("outcome").asText().equals("pending"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(run.err()));
            // CliRun's clock is Monday 2026-06-01 12:00 UTC; prod-legacy's window is sat:23:30-sun:00:00
            assertThat(pending.path("takesEffect").asText()).isEqualTo("2026-06-06T23:30:00Z");
            assertThat(pending.path("note").asText())
                    .contains("require_ssl")
                    .contains("at the next reboot of the cluster")
                    .contains("2026-06-06T23:30:00Z (sat:23:30-sun:00:00 UTC)");
            assertThat(run.err()).contains("pending").contains("2026-06-06T23:30:00Z");
        }
    }
}
