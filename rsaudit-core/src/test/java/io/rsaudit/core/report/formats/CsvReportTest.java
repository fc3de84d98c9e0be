package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.rsaudit.core.report.csv.HuntCsvWriter;
import io.rsaudit.core.report.csv.ScanCsvWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CSV reports of the example runs read back with a CSV parser: a row per result, the same as the JSON. */
public class CsvReportTest {

    public static List<Map<String, String>> rows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader().withStrictHeaders(false))
                .readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void theScanHasOneRowPerFindingWithTheJsonOutcomes() throws Exception {
        String csv = ExampleRuns.scan("csv");
        JsonNode json = new ObjectMapper().readTree(ExampleRuns.scan("json"));
        assertThat(csv).startsWith(String.join(",", ScanCsvWriter.COLUMNS) + "\r\n");
        List<Map<String, String>> rows = rows(csv);
        assertThat(rows).hasSize(json.path("findings").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode f = json.path("findings").get(i);
            Map<String, String> row = rows.get(i);
            assertThat(row.get("check")).isEqualTo(f.path("check").asText());
            assertThat(row.get("arn")).isEqualTo(f.path("resource").path("arn").asText());
            assertThat(row.get("outcome")).isEqualTo(f.path("outcome").asText());
            assertThat(row.get("severity")).isEqualTo(f.path("severity").asText());
            assertThat(row.get("fingerprint")).matches("[0-9a-f]{32}");
            assertThat(row.get("suppressed").isEmpty())
                    .isEqualTo(f.path("suppressed").isMissingNode());
            if (row.get("outcome").equals("fail")) {
                assertThat(row.get("fix")).as(row.toString()).contains("aws ");
                assertThat(row.get("evidence")).contains("#/");
            }
        }
        Map<String, Long> outcomes =
                rows.stream().collect(Collectors.groupingBy(r -> r.get("outcome"), Collectors.counting()));
        assertThat(outcomes.get("fail")
                        + outcomes.get("unknown")
                        + outcomes.get("pass")
                        + outcomes.get("not_applicable"))
                .isEqualTo(rows.size());
        assertThat(rows)
                .filteredOn(r -> r.get("check").equals("RS-NET-001"))
                .allSatisfy(r -> assertThat(r.get("compliance").split(" ")).contains("fsbp:Redshift.1"));
        assertThat(rows.stream().map(r -> r.get("fingerprint")).distinct()).hasSize(rows.size());
    }

    @Test
    void theHuntHasOneRowPerAlert() throws Exception {
        String csv = ExampleRuns.hunt("csv");
        JsonNode json = new ObjectMapper().readTree(ExampleRuns.hunt("json"));
        assertThat(csv).startsWith(String.join(",", HuntCsvWriter.COLUMNS) + "\r\n");
        List<Map<String, String>> rows = rows(csv);
        assertThat(rows).hasSize(json.path("alerts").size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode a = json.path("alerts").get(i);
            assertThat(rows.get(i).get("rule")).isEqualTo(a.path("rule").asText());
            assertThat(rows.get(i).get("events")).isEqualTo(a.path("eventCount").asText());
            assertThat(rows.get(i).get("evidence"))
                    .contains(":" + a.path("evidence").get(0).path("line").asText());
        }
    }
}
