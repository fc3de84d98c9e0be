package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.report.sarif.HuntSarifWriter;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SARIF reports of the example runs against the SARIF 2.1.0 JSON schema, and what code scanning reads. */
class SarifReportTest {

    static Schema schema;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("sarif-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        }
    }

    static JsonNode valid(String sarif) throws Exception {
        JsonNode log = JSON.readTree(sarif);
        List<Error> errors = schema.validate(log);
        assertThat(errors).as("schema errors").isEmpty();
        return log;
    }

    @Test
    void theSchemaCatchesABrokenLog() throws Exception {
        JsonNode broken = JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}}}]}");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void theScanIsValidSarifWithARulePerCheckAndAResultPerOpenFinding() throws Exception {
        JsonNode run = valid(ExampleRuns.scan("sarif")).path("runs").get(0);
        JsonNode json = JSON.readTree(ExampleRuns.scan("json"));
        assertThat(run.path("tool").path("driver").path("rules"))
                .hasSize(json.path("checks").size());
        JsonNode summary = json.path("summary").path("results");
        long open = summary.path("fail").asLong()
                + summary.path("unknown").asLong()
                + summary.path("suppressed").asLong();
        assertThat(run.path("results")).hasSize((int) open);
        Set<String> fingerprints = new HashSet<>();
        int withLine = 0;
        for (JsonNode r : run.path("results")) {
            assertThat(r.path("kind").asText()).isIn("fail", "open");
            fingerprints.add(r.path("partialFingerprints").path("rsaudit/v1").asText());
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertThat(uri).startsWith("../examples/estate/");
            Path file = Path.of(uri);
            if (physical.path("region").isMissingNode()) {
                continue; // a field or file the export does not have (an unknown finding) has no line
            }
            assertThat(file).exists();
            withLine++;
            int line = physical.path("region").path("startLine").asInt();
            String pointer = r.path("properties").path("jsonPointer").asText();
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (!field.matches("\\d+") && !pointer.isEmpty()) {
                assertThat(Files.readAllLines(file).get(line - 1)).as(pointer).contains("\"" + field + "\"");
            }
        }
        assertThat(fingerprints).hasSize(run.path("results").size());
        assertThat(withLine)
                .as("results with a line")
                .isGreaterThan(run.path("results").size() / 2);
        JsonNode rule = run.path("tool").path("driver").path("rules").get(0);
        assertThat(rule.path("help").path("markdown").asText()).contains("### Risk");
        assertThat(rule.path("properties").path("security-severity").asText()).matches("\\d+\\.\\d");
        JsonNode net001 = null;
        for (JsonNode r : run.path("tool").path("driver").path("rules")) {
            if (r.path("id").asText().equals("RS-NET-001")) {
                net001 = r;
            }
        }
        assertThat(net001.path("properties").path("tags").toString()).contains("fsbp:Redshift.1");
    }

    @Test
    void fingerprintsAreTheSameInTheNextRun() throws Exception {
        assertThat(fingerprints(ExampleRuns.scan("sarif"))).isEqualTo(fingerprints(ExampleRuns.scan("sarif")));
        assertThat(fingerprints(ExampleRuns.hunt("sarif"))).isEqualTo(fingerprints(ExampleRuns.hunt("sarif")));
    }

    static List<String> fingerprints(String sarif) throws Exception {
        return JSON.readTree(sarif).path("runs").get(0).path("results").findValuesAsText("rsaudit/v1");
    }

    @Test
    void theScansCollectionErrorIsAToolExecutionNotification() throws Exception {
        JsonNode invocation = valid(ExampleRuns.scan("sarif"))
                .path("runs")
                .get(0)
                .path("invocations")
                .get(0);
        JsonNode errors = JSON.readTree(ExampleRuns.scan("json")).path("collectionErrors");
        assertThat(errors).hasSize(1);
        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.path("toolExecutionNotifications"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.path("level").asText()).isEqualTo("error");
                    assertThat(n.path("message").path("text").asText())
                            .contains(errors.get(0).path("message").asText());
                });
    }

    /** What a hunt could not read or judge reaches code scanning as notifications, at their file and line. */
    @Test
    void aHuntsReadProblemsAndNotesAreToolExecutionNotifications() throws Exception {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        StringWriter out = new StringWriter();
        HuntSarifWriter w = new HuntSarifWriter(out);
        w.header(new HuntHeader("1.2.3", now, List.of("logs"), "policy", List.of(), java.util.Map.of(), Severity.INFO));
        ReadSummary read = Reads.read(
                Map.of("unreadable", 1L),
                Map.of(),
                new ReadProblem(
                        new Origin("s3://b/AWSLogs/x y.gz", 0, 0),
                        ReadProblem.Kind.UNREADABLE,
                        "cannot read s3://b/AWSLogs/x y.gz: AccessDenied"),
                new ReadProblem(
                        new Origin("logs/a.log", 7, 0),
                        ReadProblem.Kind.MALFORMED,
                        "bad record: alter user u password 'hunter2'"));
        w.summary(new HuntSummary(
                now, read, List.of("RSH-AUTH-001: 3 event(s) without a time"), 0, 0, Verdict.INCOMPLETE));
        JsonNode notifications = valid(out.toString())
                .path("runs")
                .get(0)
                .path("invocations")
                .get(0)
                .path("toolExecutionNotifications");
        assertThat(notifications).hasSize(3);
        assertThat(notifications.get(0).path("level").asText()).isEqualTo("error");
        assertThat(notifications
                        .get(0)
                        .at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("s3://b/AWSLogs/x%20y.gz");
        assertThat(notifications
                        .get(0)
                        .at("/locations/0/physicalLocation/region")
                        .isMissingNode())
                .isTrue();
        assertThat(notifications.get(1).path("level").asText()).isEqualTo("warning");
        assertThat(notifications
                        .get(1)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .asLong())
                .isEqualTo(7);
        assertThat(notifications.get(1).path("message").path("text").asText()).doesNotContain("hunter2");
        assertThat(notifications.get(2).path("message").path("text").asText())
                .isEqualTo("RSH-AUTH-001: 3 event(s) without a time");
    }

    @Test
    void theHuntIsValidSarifWithAResultPerAlertAtItsEvidenceLine() throws Exception {
        JsonNode run = valid(ExampleRuns.hunt("sarif")).path("runs").get(0);
        JsonNode json = JSON.readTree(ExampleRuns.hunt("json"));
        assertThat(run.path("results")).hasSize(json.path("alerts").size());
        for (int i = 0; i < json.path("alerts").size(); i++) {
            JsonNode alert = json.path("alerts").get(i);
            JsonNode result = run.path("results").get(i);
            assertThat(result.path("ruleId").asText())
                    .isEqualTo(alert.path("rule").asText());
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("region").path("startLine").asLong())
                    .isEqualTo(alert.path("evidence").get(0).path("line").asLong());
        }
    }
}
