package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ASFF reports of the example runs: batches of at most 100, every field BatchImportFindings requires. */
class AsffReportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> REQUIRED = List.of(
            "SchemaVersion",
            "Id",
            "ProductArn",
            "GeneratorId",
            "AwsAccountId",
            "Types",
            "CreatedAt",
            "UpdatedAt",
            "Severity",
            "Title",
            "Description",
            "Resources");

    static List<JsonNode> findings(String asff) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String[] lines = asff.split("\n");
        for (int i = 0; i < lines.length; i++) {
            JsonNode batch = JSON.readTree(lines[i]);
            assertThat(batch.isArray()).isTrue();
            assertThat(batch.size()).isBetween(1, 100);
            if (i < lines.length - 1) {
                assertThat(batch.size()).as("only the last batch is short").isEqualTo(100);
            }
            batch.forEach(all::add);
        }
        return all;
    }

    static void required(JsonNode f) {
        for (String field : REQUIRED) {
            assertThat(f.has(field)).as("%s in %s", field, f.path("Id")).isTrue();
        }
        assertThat(f.path("SchemaVersion").asText()).isEqualTo("2018-10-08");
        assertThat(f.path("AwsAccountId").asText()).matches("\\d{12}");
        assertThat(f.path("ProductArn").asText())
                .matches("arn:aws[a-z-]*:securityhub:[a-z0-9-]+:\\d{12}:product/\\d{12}/default");
        assertThat(f.path("Types")).isNotEmpty();
        assertThat(f.path("Severity").path("Label").asText())
                .isIn("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(f.path("Title").asText().length()).isBetween(1, 256);
        assertThat(f.path("Description").asText().length()).isBetween(1, 1024);
        JsonNode r = f.path("Resources").get(0);
        assertThat(r.path("Type").asText()).isNotBlank();
        assertThat(r.path("Id").asText()).isNotBlank();
        assertThat(f.path("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(f.path("Workflow").path("Status").asText()).isIn("NEW", "RESOLVED", "SUPPRESSED");
        assertThat(java.time.Instant.parse(f.path("CreatedAt").asText())).isNotNull();
    }

    @Test
    void theScanIsBatchesOfCompleteFindingsWithStableIds() throws Exception {
        List<JsonNode> findings = findings(ExampleRuns.scan("asff"));
        JsonNode json = JSON.readTree(ExampleRuns.scan("json"));
        assertThat(findings).hasSize(json.path("findings").size()).hasSizeGreaterThan(100);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode f = findings.get(i);
            JsonNode expected = json.path("findings").get(i);
            required(f);
            ids.add(f.path("Id").asText());
            String status = f.path("Compliance").path("Status").asText();
            String outcome = expected.path("outcome").asText();
            assertThat(status)
                    .isEqualTo(
                            switch (outcome) {
                                case "pass" -> "PASSED";
                                case "fail" -> "FAILED";
                                case "unknown" -> "WARNING";
                                default -> "NOT_AVAILABLE";
                            });
            assertThat(f.path("Resources").get(0).path("Id").asText())
                    .isEqualTo(expected.path("resource").path("arn").asText());
            if (expected.path("resource").path("type").asText().equals("cluster")) {
                assertThat(f.path("Resources").get(0).path("Type").asText()).isEqualTo("AwsRedshiftCluster");
            }
            if (outcome.equals("fail")) {
                assertThat(f.path("Remediation")
                                .path("Recommendation")
                                .path("Text")
                                .asText())
                        .isNotBlank();
            }
        }
        assertThat(ids).as("unique ids").hasSize(findings.size());
        assertThat(findings)
                .filteredOn(f -> f.path("GeneratorId").asText().equals("rsaudit/RS-NET-001"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(
                                f.path("Compliance").path("RelatedRequirements").toString())
                        .contains("fsbp:Redshift.1"));
        List<String> again = findings(ExampleRuns.scan("asff")).stream()
                .map(f -> f.path("Id").asText())
                .toList();
        assertThat(again)
                .isEqualTo(findings.stream().map(f -> f.path("Id").asText()).toList());
    }

    @Test
    void theHuntIsOneFindingPerAlert() throws Exception {
        List<JsonNode> findings = findings(ExampleRuns.hunt("asff"));
        JsonNode json = JSON.readTree(ExampleRuns.hunt("json"));
        assertThat(findings).hasSize(json.path("alerts").size());
        for (JsonNode f : findings) {
            required(f);
            assertThat(f.path("Types").get(0).asText()).matches("(TTPs|Unusual Behaviors)/.+");
        }
    }
}
