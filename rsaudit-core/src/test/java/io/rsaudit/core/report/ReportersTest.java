package io.rsaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.scan.CheckRunner;
import io.rsaudit.core.testing.Estate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both reporters on one small run: a passing and a failing cluster, a malformed file, an unknown field, an
 * active and an expired suppression. The catalog holds one real check so the expectations stay put as the
 * built-in catalog grows.
 */
class ReportersTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final CheckCatalog CATALOG = new CheckCatalog(List.of(new ClusterRequiresSsl()));

    @TempDir
    Path dir;

    Report report;

    @BeforeEach
    void scan() throws Exception {
        String r = "111111111111/eu-west-1/";
        Inventory inv = Estate.in(dir.resolve("estate"))
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/auditor'}")
                .json(
                        r + "redshift/describe-clusters.json",
                        "{'Clusters': ["
                                + "{'ClusterIdentifier': 'open', 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]},"
                                + "{'ClusterIdentifier': 'legacy', 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]},"
                                + "{'ClusterIdentifier': 'tls', 'Colour': 'blue', 'ClusterParameterGroups': [{'ParameterGroupName': 'tls'}]}]}")
                .json(
                        r + "redshift/describe-cluster-parameters/tls.json",
                        "{'Parameters': [{'ParameterName': 'require_ssl', 'ParameterValue': 'true'}]}")
                .text(r + "redshift/describe-cluster-snapshots.json", "{\"Snapshots\": [")
                .load();
        Path policyFile = Files.writeString(dir.resolve("policy.yaml"), """
                suppressions:
                  - check: RS-TRANSIT-001
                    resource: legacy
                    reason: decommissioned in Q3 (CHG-7)
                    expires: 2026-12-31
                  - check: RS-TRANSIT-001
                    resource: "arn:aws:redshift:*:cluster:old-*"
                    reason: gone
                    expires: 2026-01-31
                """);
        Policy policy = new PolicyLoader(CATALOG.ids()).load(policyFile);
        CheckRunner.Run run = new CheckRunner(CATALOG).run(inv, policy, NOW);
        report = new Report(
                "1.2.3",
                NOW,
                NOW.plusSeconds(2),
                "estate",
                "policy.yaml",
                inv.scopes(),
                CATALOG.all(),
                inv.errors(),
                run.findings(),
                run.policyNotices(),
                run.internalErrors(),
                Severity.LOW);
    }

    @Test
    void jsonReportFollowsTheDocumentedSchema() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter().write(report, out);
        JsonNode json = new ObjectMapper().readTree(out.toString());

        assertThat(json.path("schema").asText()).isEqualTo("rsaudit-scan/1");
        assertThat(json.path("tool").path("version").asText()).isEqualTo("1.2.3");
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(json.path("failOn").asText()).isEqualTo("low");
        assertThat(json.path("verdict").asText()).isEqualTo("findings");
        JsonNode summary = json.path("summary");
        assertThat(summary.path("results").path("pass").asInt()).isEqualTo(1);
        assertThat(summary.path("results").path("fail").asInt()).isEqualTo(1);
        assertThat(summary.path("results").path("suppressed").asInt()).isEqualTo(1);
        assertThat(summary.path("failBySeverity").path("high").asInt()).isEqualTo(1);
        assertThat(summary.path("collectionErrors").asInt()).isPositive();
        assertThat(summary.path("collectionWarnings").asInt()).isEqualTo(1);

        assertThat(json.path("collectionErrors")).anySatisfy(e -> {
            assertThat(e.path("level").asText()).isEqualTo("error");
            assertThat(e.path("kind").asText()).isEqualTo("malformed");
            assertThat(e.path("location").asText())
                    .startsWith("111111111111/eu-west-1/redshift/describe-cluster-snapshots.json:");
        });
        assertThat(json.path("collectionErrors")).anySatisfy(e -> {
            assertThat(e.path("level").asText()).isEqualTo("warning");
            assertThat(e.path("message").asText()).contains("'Colour'");
        });
        assertThat(json.path("policyNotices"))
                .singleElement()
                .satisfies(n -> assertThat(n.asText()).contains("expired on 2026-01-31"));
        assertThat(json.path("checks")).singleElement().satisfies(c -> {
            assertThat(c.path("id").asText()).isEqualTo("RS-TRANSIT-001");
            assertThat(c.path("remediation").path("terraform").asText()).contains("aws_redshift_parameter_group");
            assertThat(c.path("references")).isNotEmpty();
        });

        JsonNode fail = finding(json, "open");
        assertThat(fail.path("check").asText()).isEqualTo("RS-TRANSIT-001");
        assertThat(fail.path("outcome").asText()).isEqualTo("fail");
        assertThat(fail.path("severity").asText()).isEqualTo("high");
        assertThat(fail.path("resource").path("arn").asText())
                .isEqualTo("arn:aws:redshift:eu-west-1:111111111111:cluster:open");
        assertThat(fail.path("resource").path("account").asText()).isEqualTo("111111111111");
        assertThat(fail.path("resource").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(fail.path("field").path("status").asText()).isEqualTo("defaulted");
        assertThat(fail.path("field").path("value").asText()).isEqualTo("false");
        assertThat(fail.path("field").path("source").path("location").asText())
                .isEqualTo("111111111111/eu-west-1/redshift/describe-clusters.json");
        assertThat(fail.path("field").path("source").path("pointer").asText())
                .isEqualTo("/Clusters/0/ClusterParameterGroups/0/ParameterGroupName");
        assertThat(fail.path("remediation").path("cli").asText())
                .contains("--cluster-identifier open")
                .contains("--region eu-west-1")
                .doesNotContain("{{");

        JsonNode ssl = finding(json, "tls").path("field");
        assertThat(ssl.path("value").asText()).isEqualTo("true");
        assertThat(ssl.has("provenance"))
                .as("provenance is given once, as source")
                .isFalse();

        JsonNode suppressed = finding(json, "legacy");
        assertThat(suppressed.path("suppressed").path("reason").asText()).isEqualTo("decommissioned in Q3 (CHG-7)");

        JsonNode pass = finding(json, "tls");
        assertThat(pass.path("outcome").asText()).isEqualTo("pass");
        assertThat(pass.has("remediation")).isFalse();
    }

    @Test
    void evidenceValuesArePlainData() throws IOException {
        var where = io.rsaudit.core.model.Provenance.of("f.json", "/Snapshots/0/AccountsWithRestoreAccess");
        var shared = io.rsaudit.core.model.Value.known(
                List.of(new io.rsaudit.core.model.RestoreAccess("999988887777", null, where.child(0))), where);
        var f = new io.rsaudit.core.check.Finding(
                CATALOG.all().get(0),
                report.findings().get(0).resource(),
                io.rsaudit.core.check.Outcome.fail("shared", shared),
                Severity.HIGH,
                null);
        Report one = new Report(
                "1",
                NOW,
                NOW,
                "e",
                "p",
                report.scopes(),
                report.checks(),
                List.of(),
                List.of(f),
                List.of(),
                List.of(),
                Severity.LOW);
        StringWriter out = new StringWriter();
        new JsonReporter().write(one, out);
        JsonNode value = new ObjectMapper()
                .readTree(out.toString())
                .path("findings")
                .get(0)
                .path("field")
                .path("value");
        assertThat(value.toString()).isEqualTo("[{\"accountId\":\"999988887777\",\"accountAlias\":null}]");
    }

    private static JsonNode finding(JsonNode json, String name) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("resource").path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + name);
    }

    /** Regenerate after an intended change with {@code -Dgolden.update=true}, then read the diff. */
    @Test
    void textReportMatchesTheGoldenFile() throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(false).write(report, out);
        String actual = out.toString().replace(dir.toString(), "<tmp>");
        Path golden = Path.of("src/test/resources/io/rsaudit/core/report/expected-text-report.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        StringWriter plain = new StringWriter();
        StringWriter coloured = new StringWriter();
        new TextReporter(false).write(report, plain);
        new TextReporter(true).write(report, coloured);
        assertThat(plain.toString()).doesNotContain("\u001b[");
        assertThat(coloured.toString()).contains("\u001b[31mFAIL");
    }

    @Test
    void verdictsFollowTheThreshold() {
        Report none = new Report(
                "1",
                NOW,
                NOW,
                "e",
                "p",
                report.scopes(),
                report.checks(),
                List.of(),
                report.findings(),
                List.of(),
                List.of(),
                null);
        assertThat(none.verdict()).isEqualTo(Verdict.CLEAN);
        Report critical = new Report(
                "1",
                NOW,
                NOW,
                "e",
                "p",
                report.scopes(),
                report.checks(),
                report.collectionErrors(),
                report.findings(),
                List.of(),
                List.of(),
                Severity.CRITICAL);
        assertThat(critical.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(report.verdict()).isEqualTo(Verdict.FINDINGS);
        Report broken = new Report(
                "1",
                NOW,
                NOW,
                "e",
                "p",
                report.scopes(),
                report.checks(),
                List.of(),
                report.findings(),
                List.of(),
                List.of("RS-X failed"),
                Severity.LOW);
        assertThat(broken.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
    }
}
