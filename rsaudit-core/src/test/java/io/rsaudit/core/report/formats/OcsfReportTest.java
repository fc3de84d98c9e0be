package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OCSF reports of the example runs, one event per line, against the OCSF 1.5.0 dictionary: every attribute the
 * classes require is present with the dictionary's type.
 */
class OcsfReportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> lines(String jsonl) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            assertThat(line).isNotBlank();
            events.add(JSON.readTree(line));
        }
        return events;
    }

    /** The attributes Base Event and Finding require, typed as the dictionary says. */
    static void requiredOfEveryFinding(JsonNode e, int classUid) {
        assertThat(e.path("class_uid").isInt()).isTrue();
        assertThat(e.path("class_uid").asInt()).isEqualTo(classUid);
        assertThat(e.path("category_uid").asInt()).isEqualTo(2);
        assertThat(e.path("activity_id").isInt()).isTrue();
        assertThat(e.path("type_uid").isIntegralNumber()).isTrue();
        assertThat(e.path("type_uid").asLong())
                .isEqualTo(classUid * 100L + e.path("activity_id").asInt());
        assertThat(e.path("severity_id").isInt()).isTrue();
        assertThat(e.path("severity_id").asInt()).isBetween(0, 6);
        assertThat(e.path("status_id").isInt()).isTrue();
        assertThat(e.path("time").isIntegralNumber())
                .as("time is a timestamp in ms")
                .isTrue();
        assertThat(e.path("time").asLong()).isGreaterThan(1_600_000_000_000L);
        JsonNode metadata = e.path("metadata");
        assertThat(metadata.path("version").asText()).isEqualTo("1.5.0");
        assertThat(metadata.path("product").isObject()).isTrue();
        assertThat(metadata.path("product").path("name").asText()).isEqualTo("rsaudit");
        assertThat(metadata.path("product").path("version").isTextual()).isTrue();
        JsonNode info = e.path("finding_info");
        assertThat(info.path("uid").isTextual()).isTrue();
        assertThat(info.path("uid").asText()).matches("[0-9a-f]{32}");
        assertThat(info.path("title").isTextual()).isTrue();
        assertThat(e.path("cloud").path("provider").asText()).isEqualTo("AWS");
    }

    @Test
    void everyScanFindingIsAComplianceFinding() throws Exception {
        List<JsonNode> events = lines(ExampleRuns.scan("ocsf"));
        JsonNode json = JSON.readTree(ExampleRuns.scan("json"));
        assertThat(events).hasSize(json.path("findings").size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            JsonNode f = json.path("findings").get(i);
            requiredOfEveryFinding(e, 2003);
            JsonNode compliance = e.path("compliance");
            assertThat(compliance.isObject())
                    .as("compliance is required of 2003")
                    .isTrue();
            assertThat(compliance.path("control").asText())
                    .isEqualTo(f.path("check").asText());
            assertThat(compliance.path("standards").isArray()).isTrue();
            assertThat(compliance.path("standards")).isNotEmpty();
            assertThat(compliance.path("status_id").isInt()).isTrue();
            int expected = switch (f.path("outcome").asText()) {
                case "pass" -> 1;
                case "fail" -> 3;
                case "unknown" -> 0;
                default -> 99;
            };
            assertThat(compliance.path("status_id").asInt()).isEqualTo(expected);
            assertThat(e.path("resources").get(0).path("uid").asText())
                    .isEqualTo(f.path("resource").path("arn").asText());
            assertThat(e.path("remediation").path("desc").isTextual()).isTrue();
            assertThat(e.path("status_id").asInt()).isEqualTo(f.has("suppressed") ? 3 : 1);
        }
        assertThat(events)
                .filteredOn(e -> e.path("compliance").path("control").asText().equals("RS-NET-001"))
                .allSatisfy(e -> assertThat(
                                e.path("compliance").path("requirements").toString())
                        .contains("fsbp:Redshift.1"));
    }

    @Test
    void everyHuntAlertIsADetectionFindingWithEvidenceAttacksAndObservables() throws Exception {
        List<JsonNode> events = lines(ExampleRuns.hunt("ocsf"));
        JsonNode json = JSON.readTree(ExampleRuns.hunt("json"));
        assertThat(events).hasSize(json.path("alerts").size());
        Set<Integer> observableTypes = new java.util.HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            JsonNode a = json.path("alerts").get(i);
            requiredOfEveryFinding(e, 2004);
            assertThat(e.path("finding_info").path("analytic").path("uid").asText())
                    .isEqualTo(a.path("rule").asText());
            assertThat(e.path("evidences")).hasSize(a.path("evidence").size());
            assertThat(e.path("finding_info").path("attacks")).isNotEmpty();
            for (JsonNode attack : e.path("finding_info").path("attacks")) {
                assertThat(attack.path("tactic").path("uid").asText()).matches("TA\\d{4}");
            }
            for (JsonNode o : e.path("observables")) {
                assertThat(o.path("name").isTextual()).isTrue();
                assertThat(o.path("type_id").isInt()).isTrue();
                observableTypes.add(o.path("type_id").asInt());
            }
        }
        assertThat(observableTypes).as("user names, IP addresses and resources").contains(2, 4, 10);
    }
}
