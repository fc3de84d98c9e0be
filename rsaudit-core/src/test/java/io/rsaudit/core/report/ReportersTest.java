package io.rsaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.report.formats.Formats;
import io.rsaudit.core.report.json.ScanJsonWriter;
import io.rsaudit.core.report.text.ScanTextWriter;
import io.rsaudit.core.scan.Scan;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanInput;
import io.rsaudit.core.scan.ScanSummary;
import io.rsaudit.core.testing.Estate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    Policy policy;
    Inventory inventory;
    /** The run at threshold low, as the writers received it. */
    Reports.Done<ScanHeader, ScanSummary> low;

    Reports.Done<ScanHeader, ScanSummary> scan(Severity failOn, ReportWriter<ScanHeader, Finding, ScanSummary> writer)
            throws IOException {
        Scan scan = new Scan(CATALOG, policy, Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3");
        return Reports.scan(scan, new ScanInput("estate", () -> inventory), failOn, writer);
    }

    String write(Severity failOn, Format.Writers<ScanHeader, Finding, ScanSummary> format, boolean colour)
            throws IOException {
        StringWriter out = new StringWriter();
        scan(failOn, format.open(out, new Format.Style(colour)));
        return out.toString();
    }

    /** A writer that keeps nothing. */
    static final ReportWriter<ScanHeader, Finding, ScanSummary> NONE = new ReportWriter<>() {
        @Override
        public void header(ScanHeader header) {}

        @Override
        public void result(Finding result) {}

        @Override
        public void summary(ScanSummary summary) {}
    };

    @BeforeEach
    void setUp() throws Exception {
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
        policy = new PolicyLoader(CATALOG.ids()).load(policyFile);
        inventory = inv;
        low = scan(Severity.LOW, NONE);
    }

    @Test
    void jsonReportFollowsTheDocumentedSchema() throws IOException {
        JsonNode json =
                new ObjectMapper().readTree(write(Severity.LOW, (out, style) -> new ScanJsonWriter(out), false));

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
                .contains("--cluster-identifier 'open'")
                .contains("--region 'eu-west-1'")
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
        Finding one = first();
        var f = new Finding(
                CATALOG.all().get(0),
                one.resource(),
                io.rsaudit.core.check.Outcome.fail("shared", shared),
                Severity.HIGH,
                null);
        StringWriter out = new StringWriter();
        ScanJsonWriter writer = new ScanJsonWriter(out);
        writer.header(low.header());
        writer.result(f);
        writer.summary(low.summary());
        JsonNode value = new ObjectMapper()
                .readTree(out.toString())
                .path("findings")
                .get(0)
                .path("field")
                .path("value");
        assertThat(value.toString()).isEqualTo("[{\"accountId\":\"999988887777\",\"accountAlias\":null}]");
    }

    /**
     * {@code n} failing findings of the first finding's check on {@code n / 3} resources like the first finding's,
     * some of them with a secret.
     */
    private void many(ReportWriter<ScanHeader, Finding, ScanSummary> writer, int n) throws IOException {
        Finding one = first();
        ResourceId r = one.resource();
        writer.header(low.header());
        for (int i = 0; i < n; i++) {
            writer.result(new Finding(
                    one.check(),
                    new ResourceId(r.type(), r.scope(), name(r, i / 3), r.arn() + "-" + i / 3, r.origin()),
                    io.rsaudit.core.check.Outcome.fail(
                            "finding " + i + (i % 7 == 0 ? " password=hunter2 \u00e9\u2028\ud83d\ude00" : "")
                                    + (i % 1_000 == 999 ? " lone \ud800 surrogate" : ""),
                            io.rsaudit.core.model.Value.known(
                                    i, io.rsaudit.core.model.Provenance.of("f.json", "/Clusters/" + i + "/Port"))),
                    one.severity(),
                    null));
        }
        writer.summary(low.summary());
    }

    /** The name of the {@code k}th resource of {@link #many}: some with bits of what the redactor looks for. */
    private static String name(ResourceId first, int k) {
        String[] bits = {"", "-pwd", "-tok", "en", "=", "-secret", "//x@y", "-symmetric", "passw", "$"};
        return first.name() + "-" + k + bits[k % bits.length] + (k % 7 == 0 ? bits[k / 7 % bits.length] : "");
    }

    @Test
    void eachFixCommandShowsAsItsLinesRedactedAndEscaped() throws IOException {
        StringWriter out = new StringWriter();
        int n = 3_000;
        many(new ScanTextWriter(out, false), n);
        String report = out.toString();
        Finding one = first();
        ResourceId r = one.resource();
        // every tenth: each piece printed on a worker is still seen, without searching the whole report a thousand
        // times
        for (int k = 0; k < n / 3; k += 10) {
            Finding f = new Finding(
                    one.check(),
                    new ResourceId(r.type(), r.scope(), name(r, k), r.arn() + "-" + k, r.origin()),
                    one.outcome(),
                    one.severity(),
                    null);
            String shown = f.remediationCli()
                    .lines()
                    .map(line -> Terminal.escape(Redacted.safe(line)))
                    .collect(java.util.stream.Collectors.joining("\n                 "));
            assertThat(report).contains("            fix: " + shown + "\n");
        }
    }

    @Test
    void aJsonReportOfManyFindingsIsWhatOneGeneratorWouldWrite() throws IOException {
        StringWriter out = new StringWriter();
        int n = 1_300; // several of the pieces the writer prints on all cores
        many(new ScanJsonWriter(out), n);
        ObjectMapper json = new ObjectMapper();
        JsonNode report = json.readTree(out.toString());
        assertThat(report.path("findings")).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(report.path("findings").get(i).path("message").asText()).startsWith("finding " + i);
        }
        assertThat(out.toString()).doesNotContain("hunter2");
        assertThat(out.toString())
                .isEqualTo(json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
    }

    @Test
    void aReportIsTheSameBytesWhetherItsPiecesComeEncodedOrAsText() throws IOException {
        int n = 5_000; // several of the pieces the text and JSON writers print on all cores
        StringWriter jsonText = new StringWriter();
        many(new ScanJsonWriter(jsonText), n);
        ByteArrayOutputStream jsonBytes = new ByteArrayOutputStream();
        try (Utf8Writer w = new Utf8Writer(jsonBytes)) {
            many(new ScanJsonWriter(w), n);
        }
        assertThat(jsonBytes.toByteArray()).isEqualTo(jsonText.toString().getBytes(StandardCharsets.UTF_8));
        StringWriter text = new StringWriter();
        many(new ScanTextWriter(text, true), n);
        ByteArrayOutputStream textBytes = new ByteArrayOutputStream();
        try (Utf8Writer w = new Utf8Writer(textBytes)) {
            many(new ScanTextWriter(w, true), n);
        }
        assertThat(textBytes.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(text.toString()).contains("finding " + (n - 1)).doesNotContain("hunter2");
    }

    @Test
    void theTextReportSortsARegionNamedNullWithItsAccountAsTheScopeOrderDoes() throws IOException {
        Finding one = first();
        ResourceId r = one.resource();
        StringWriter out = new StringWriter();
        ScanTextWriter writer = new ScanTextWriter(out, false);
        writer.header(low.header());
        String[][] resources = {{null, "c"}, {"null", "a"}, {null, "b"}, {"eu-west-1", "0"}, {"null", "d"}};
        for (String[] at : resources) {
            Scope scope = new Scope("000000000000", at[0]);
            writer.result(new Finding(
                    one.check(),
                    new ResourceId(r.type(), scope, at[1], "arn:" + at[1], r.origin()),
                    one.outcome(),
                    one.severity(),
                    null));
        }
        writer.summary(low.summary());
        String report = out.toString();
        assertThat(report.indexOf("arn:a")).isPositive();
        assertThat(report.indexOf("arn:a")).isLessThan(report.indexOf("arn:b"));
        assertThat(report.indexOf("arn:b")).isLessThan(report.indexOf("arn:c"));
        assertThat(report.indexOf("arn:c")).isLessThan(report.indexOf("arn:d"));
        assertThat(report.indexOf("arn:0")).isLessThan(report.indexOf("arn:a"));
    }

    @Test
    void theTextReportNamesTheKindOfAnUnknownsCause() throws IOException {
        var where = io.rsaudit.core.model.Provenance.of(
                "111111111111/eu-west-1/redshift/describe-logging-status/open.error", "");
        var failed = io.rsaudit.core.model.Value.unknown(
                where, io.rsaudit.core.model.Reason.Kind.CALL_FAILED, "collection failed (AccessDenied)");
        Finding unknown = new Finding(
                CATALOG.all().get(0),
                first().resource(),
                io.rsaudit.core.check.Outcome.unknown("cannot tell", failed),
                Severity.HIGH,
                null);
        StringWriter out = new StringWriter();
        ScanTextWriter writer = new ScanTextWriter(out, false);
        writer.header(low.header());
        writer.result(unknown);
        writer.summary(low.summary());
        assertThat(out.toString())
                .contains("UNKNOWN high     RS-TRANSIT-001")
                .contains("cannot tell: collection failed (AccessDenied)")
                .contains("open.error# (unknown: call failed)");
    }

    private Finding first() throws IOException {
        List<Finding> all = new java.util.ArrayList<>();
        scan(Severity.LOW, new ReportWriter<>() {
            @Override
            public void header(ScanHeader header) {}

            @Override
            public void result(Finding result) {
                all.add(result);
            }

            @Override
            public void summary(ScanSummary summary) {}
        });
        return all.get(0);
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
        String actual = write(Severity.LOW, (out, style) -> new ScanTextWriter(out, style.colour()), false)
                .replace(dir.toString(), "<tmp>");
        Path golden = Path.of("src/test/resources/io/rsaudit/core/report/expected-text-report.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        Format.Writers<ScanHeader, Finding, ScanSummary> text = (out, style) -> new ScanTextWriter(out, style.colour());
        assertThat(write(Severity.LOW, text, false)).doesNotContain("\u001b[");
        assertThat(write(Severity.LOW, text, true)).contains("\u001b[31mFAIL");
    }

    @Test
    void verdictsFollowTheThreshold() throws IOException {
        assertThat(scan(null, NONE).summary().verdict())
                .as("no threshold, but collection errors")
                .isEqualTo(Verdict.INCOMPLETE);
        Inventory withErrors = inventory;
        inventory = inventory.withErrors(List.of());
        assertThat(scan(null, NONE).summary().verdict()).isEqualTo(Verdict.CLEAN);
        inventory = withErrors;
        assertThat(scan(Severity.CRITICAL, NONE).summary().verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(low.summary().verdict()).isEqualTo(Verdict.FINDINGS);
        assertThat(low.summary().failsAtThreshold()).isEqualTo(1);
        assertThat(ScanSummary.verdict(true, 1, 1, 1)).isEqualTo(Verdict.INTERNAL_ERROR);
    }

    @Test
    void everyWriterOfEveryFormatGetsTheSameRun() throws IOException {
        List<StringWriter> outs = new java.util.ArrayList<>();
        List<ReportWriter<ScanHeader, Finding, ScanSummary>> writers = new java.util.ArrayList<>();
        for (Format f : io.rsaudit.core.report.formats.Formats.all()) {
            StringWriter out = new StringWriter();
            outs.add(out);
            writers.add(f.forScan().orElseThrow().open(out, Format.Style.PLAIN));
        }
        scan(Severity.LOW, ReportWriter.all(writers));
        assertThat(outs).allSatisfy(o -> assertThat(o.toString()).contains("RS-TRANSIT-001"));
        assertThat(outs.get(0).toString())
                .isEqualTo(write(Severity.LOW, Formats.all().get(0).forScan().orElseThrow(), false));
    }
}
