package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntCommandTest {

    static final String CORPUS = "src/test/resources/hunt";
    static final String BENIGN = "../rsaudit-core/src/test/resources/io/rsaudit/core/hunt/benign";

    /** Regenerate after an intended change with {@code -Dgolden.update=true}, then read the diff. */
    @Test
    void textReportMatchesTheGoldenFile() throws Exception {
        CliRun run = CliRun.of("hunt", CORPUS);
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        Path golden = Path.of("src/test/resources/hunt-expected-text-report.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, run.out());
        }
        assertThat(run.out()).isEqualTo(Files.readString(golden));
        // secrets go; the access key id is an identifier an investigation needs, and stays
        assertThat(run.out()).doesNotContain("Sup3rSecret1", "wJalrXUtnFEMI").contains("AKIAIOSFODNN7EXAMPLE");
    }

    /** An alert on a call that names no cluster (an S3 bucket's, a trail's) says where without a cluster. */
    @Test
    void anAlertWithoutAClusterSaysWhereWithoutOne() {
        CliRun run = CliRun.of("hunt", "../examples/logs", "--policy", "../examples/policy.yaml");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        String bucket = run.out().substring(run.out().indexOf("  RSH-CT-020  "));
        assertThat(bucket.lines().skip(3).findFirst()).hasValue("    where:    account 123456789012, region eu-west-1");
        assertThat(run.out()).doesNotContain("cluster -");
    }

    @Test
    void jsonReportCarriesAlertsEvidenceAndReadProblems() throws Exception {
        CliRun run = CliRun.of("hunt", CORPUS, "--format", "json", "--fail-on", "critical");
        assertThat(run.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("schema").asText()).isEqualTo("rsaudit-hunt/1");
        assertThat(json.path("verdict").asText()).isEqualTo("findings");
        assertThat(json.path("alerts"))
                .extracting(a -> a.path("rule").asText())
                .containsExactly(
                        "RSH-AUTH-003",
                        "RSH-CRED-001",
                        "RSH-CRED-001",
                        "RSH-USER-001",
                        "RSH-USER-001",
                        "RSH-AUTH-005",
                        "RSH-AUTH-005",
                        "RSH-AUTH-005");
        JsonNode burst = json.path("alerts").get(0);
        assertThat(burst.path("rule").asText()).isEqualTo("RSH-AUTH-003");
        assertThat(burst.path("level").asText()).isEqualTo("critical");
        assertThat(burst.path("sourceAddress").asText()).isEqualTo("198.51.100.10");
        assertThat(burst.path("evidence")).hasSize(6);
        assertThat(burst.path("evidence").get(5).path("line").asLong()).isEqualTo(6);
        assertThat(json.path("read").path("malformed").asLong()).isEqualTo(1);
        assertThat(json.path("read").path("problems"))
                .extracting(p -> p.path("kind").asText())
                .contains("unknown_type", "malformed");
        assertThat(run.out()).doesNotContain("Sup3rSecret1", "wJalrXUtnFEMI").contains("AKIAIOSFODNN7EXAMPLE");
    }

    static final String CT_008 = "../rsaudit-core/src/test/resources/io/rsaudit/core/hunt/rules/RSH-CT-008/";
    static final String CT_024 = "../rsaudit-core/src/test/resources/io/rsaudit/core/hunt/rules/RSH-CT-024/";

    @Test
    void anInventoryTellsWhichOpenedGroupIsRedshifts() throws Exception {
        String trail = CT_008 + "123456789012_CloudTrail_eu-west-1_20240501T1000Z_fixture.json";
        CliRun with = CliRun.of("hunt", trail, "--inventory", CT_008 + "inventory", "--format", "json");
        assertThat(with.err()).contains("inventory " + CT_008 + "inventory: 2 cluster(s), 1 workgroup(s)");
        JsonNode alerts = new ObjectMapper().readTree(with.out()).path("alerts");
        assertThat(alerts)
                .extracting(a -> a.path("rule").asText() + " " + a.path("level").asText() + " "
                        + a.path("cluster").asText())
                .containsExactly(
                        "RSH-CT-008 high prod-dw",
                        "RSH-CT-008 high analytics",
                        "RSH-CT-008 high legacy-dw",
                        "RSH-CT-013 low null",
                        // all traffic, and a port range over 5439; not 443, 8080, UDP or SSH (the fixture's lines 8-12)
                        "RSH-CT-008 high prod-dw",
                        "RSH-CT-008 high prod-dw");
        assertThat(alerts.get(0).path("evidence").get(0).toString())
                .contains("\"inventory.attachedTo\":\"cluster prod-dw\"");
        // without an inventory no EC2 group can be placed: each world-open one says so, at low
        CliRun without = CliRun.of("hunt", trail, "--format", "json");
        assertThat(new ObjectMapper().readTree(without.out()).path("alerts"))
                .extracting(a -> a.path("rule").asText())
                .containsExactly(
                        "RSH-CT-013",
                        "RSH-CT-013",
                        "RSH-CT-008",
                        "RSH-CT-013",
                        "RSH-CT-013",
                        // not knowing the group's users, it cannot know their ports either
                        "RSH-CT-013",
                        "RSH-CT-013",
                        "RSH-CT-013",
                        "RSH-CT-013",
                        "RSH-CT-013");
        CliRun missing = CliRun.of("hunt", trail, "--inventory", CT_008 + "nope");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--inventory " + CT_008 + "nope is not a directory");
    }

    @Test
    void exitCodesFollowScan() throws Exception {
        String policy = BENIGN + "/policy.yaml";
        String[] logs = Files.list(Path.of(BENIGN))
                .map(Path::toString)
                .filter(p -> !p.endsWith(".yaml"))
                .sorted()
                .toArray(String[]::new);
        String[] clean = new String[logs.length + 3];
        clean[0] = "hunt";
        clean[1] = "--policy";
        clean[2] = policy;
        System.arraycopy(logs, 0, clean, 3, logs.length);
        CliRun ok = CliRun.of(clean);
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(0);
        assertThat(ok.out()).contains("No alerts.", "Verdict: PASS");
        CliRun incomplete = CliRun.of("hunt", "--policy", policy, BENIGN);
        assertThat(incomplete.code()).isEqualTo(3);
        assertThat(incomplete.out()).contains("policy.yaml:0  unknown_type");
        CliRun quiet = CliRun.of("hunt", CORPUS, "--fail-on", "none");
        assertThat(quiet.code()).isEqualTo(3);
    }

    @Test
    void aFileTheWalkCannotReachIsAProblemAndTheRestIsHunted(@TempDir Path dir) throws Exception {
        // the corpus copied to an archive folder the logs folder links to
        Path archive = Files.createDirectories(dir.resolve("archive"));
        try (var files = Files.list(Path.of(CORPUS))) {
            for (Path f : files.toList()) {
                Files.copy(f, archive.resolve(f.getFileName().toString()));
            }
        }
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.createSymbolicLink(logs.resolve("AWSLogs"), archive);
        Files.createSymbolicLink(logs.resolve("gone.log"), dir.resolve("nowhere.log"));
        Files.writeString(logs.resolve(".notes"), "x");
        CliRun all = CliRun.of("hunt", CORPUS, "--format", "json", "--fail-on", "none");
        CliRun run = CliRun.of("hunt", logs.toString(), "--format", "json", "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        JsonNode read = new ObjectMapper().readTree(run.out()).path("read");
        assertThat(read.path("files").asLong())
                .isEqualTo(new ObjectMapper()
                        .readTree(all.out())
                        .path("read")
                        .path("files")
                        .asLong());
        assertThat(read.path("skippedFiles").path("hidden").asLong()).isEqualTo(1);
        assertThat(read.path("problems").toString()).contains("gone.log", "a symbolic link to nothing");
    }

    @Test
    void usageErrorsNameWhatIsWrong(@TempDir Path dir) throws Exception {
        CliRun badBucket = CliRun.of("hunt", "s3://Not_A_Bucket/AWSLogs/");
        assertThat(badBucket.err()).contains("not an S3 location: 's3://Not_A_Bucket/AWSLogs/'");
        assertThat(badBucket.code()).isEqualTo(2);
        assertThat(CliRun.of("hunt", dir.resolve("absent").toString()).err()).contains("no such file or directory");
        assertThat(CliRun.of("hunt", CORPUS, "--since", "yesterday").err())
                .contains("--since: 'yesterday' is neither an ISO-8601 time");
        Files.writeString(dir.resolve("mine.yaml"), "id: MY-1\ntitle: t\nlevel: urgent\n");
        CliRun bad = CliRun.of("hunt", CORPUS, "--rules", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains(
                        "mine.yaml:3: level: 'urgent' is not a severity",
                        "mine.yaml: description: required",
                        "mine.yaml: logsource: required");
        Path policy = Files.writeString(dir.resolve("p.yaml"), "hunt:\n  thresholds:\n    RSH-NOPE-001: 3\n");
        assertThat(CliRun.of("hunt", CORPUS, "--policy", policy.toString()).err())
                .contains("line 3: hunt.thresholds.RSH-NOPE-001: no rule has this id");
    }

    @Test
    void thePolicySetsRuleLevels(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "hunt:\n  levels: {RSH-AUTH-005: critical}\n");
        CliRun list = CliRun.of("hunt", CORPUS, "--list-rules", "--policy", policy.toString());
        assertThat(list.out().lines()).anyMatch(l -> l.matches("RSH-AUTH-005 +critical .*"));
        CliRun run = CliRun.of(
                "hunt", CORPUS, "--since", "2024-05-01T10:30:00Z", "--format", "json", "--policy", policy.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("alerts"))
                .extracting(a -> a.path("rule").asText() + " " + a.path("level").asText())
                .containsExactly("RSH-AUTH-005 critical");
        assertThat(json.path("rules"))
                .filteredOn(r -> r.path("id").asText().equals("RSH-AUTH-005"))
                .extracting(r -> r.path("level").asText())
                .containsExactly("critical");
    }

    @Test
    void sinceAndListRules() throws Exception {
        CliRun late = CliRun.of("hunt", CORPUS, "--since", "2024-05-01T10:30:00Z", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(late.out());
        assertThat(json.path("alerts")).extracting(a -> a.path("rule").asText()).containsExactly("RSH-AUTH-005");
        assertThat(json.path("read").path("filtered").path("since").asLong()).isEqualTo(15);
        CliRun list = CliRun.of("hunt", CORPUS, "--list-rules");
        assertThat(list.code()).isEqualTo(0);
        assertThat(list.out().lines())
                .hasSize(io.rsaudit.core.hunt.rule.RuleCatalog.builtIn().all().size())
                .anyMatch(l -> l.startsWith("RSH-CT-012"));
    }

    @Test
    void listRulesEscapesWhatARuleFileWritesAndNamesIdleRules(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("x.yaml"), """
                id: X-001
                title: "evil \\e]0;pwned\\a title"
                level: low
                description: d
                logsource:
                  type: cloudtrail
                detection:
                  sel:
                    eventName: DeleteCluster
                  condition: sel
                """);
        CliRun list = CliRun.of("hunt", "--list-rules", "--rules", rules.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("X-001").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(list.err())
                .contains("rsaudit: idle: RSH-CT-020, RSH-CT-021 match nothing: the policy's hunt.auditLogBuckets is"
                        + " empty");
    }

    @Test
    void listRulesNeedsNoPathAndHuntWithoutOneIsAUsageError() {
        CliRun list = CliRun.of("hunt", "--list-rules");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().filter(l -> l.startsWith("RSH-")).count())
                .isEqualTo(io.rsaudit.core.hunt.rule.RuleCatalog.builtIn().all().size());
        CliRun none = CliRun.of("hunt");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("hunt needs at least one PATH");
    }
}
