package io.rsaudit.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.report.formats.ExampleRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A previous JSON report as a baseline: the fingerprints it computes are the ones the writers print. */
class BaselineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The CSV report's fingerprints of open findings, the reference: every writer prints the same. */
    static List<String> openFingerprints(String csv) throws Exception {
        return io.rsaudit.core.report.formats.CsvReportTest.rows(csv).stream()
                .filter(r -> r.get("outcome").equals("fail") || r.get("outcome").equals("unknown"))
                .map(r -> r.get("fingerprint"))
                .toList();
    }

    @Test
    void aScanAgainstItsOwnReportIsAllUnchangedAndNothingResolved() throws Exception {
        Path previous = dir.resolve("scan.json");
        Files.writeString(previous, ExampleRuns.scan("json"));
        Baseline baseline = Baseline.read(previous);
        List<String> open = openFingerprints(ExampleRuns.scan("csv"));
        assertThat(baseline.size()).isEqualTo(open.size()).isPositive();
        assertThat(open).allSatisfy(fp -> assertThat(baseline.mark(fp)).isEqualTo(Baseline.State.UNCHANGED));
        assertThat(baseline.resolved()).isEmpty();
    }

    @Test
    void aFindingMissingFromThePreviousReportIsNewAndOneGoneIsResolved() throws Exception {
        ObjectNode report = (ObjectNode) JSON.readTree(ExampleRuns.scan("json"));
        ArrayNode findings = (ArrayNode) report.path("findings");
        int firstFail = 0;
        while (!findings.get(firstFail).path("outcome").asText().equals("fail")) {
            firstFail++;
        }
        JsonNode dropped = findings.remove(firstFail);
        ObjectNode gone = findings.addObject();
        gone.put("check", "RS-NET-001").put("outcome", "fail").put("severity", "high");
        gone.putObject("resource")
                .put("arn", "arn:aws:redshift:eu-west-1:111111111111:cluster:deleted")
                .put("account", "111111111111")
                .put("region", "eu-west-1");
        Path previous = dir.resolve("scan.json");
        JSON.writeValue(previous.toFile(), report);
        Baseline baseline = Baseline.read(previous);
        Map<String, Long> states = new java.util.TreeMap<>();
        for (String fp : openFingerprints(ExampleRuns.scan("csv"))) {
            states.merge(baseline.mark(fp).label(), 1L, Long::sum);
        }
        assertThat(states.get("new")).isEqualTo(1L);
        assertThat(baseline.resolved()).hasSize(1);
        assertThat(baseline.resolved().get(0).description()).contains("cluster:deleted");
        String droppedFp = Fingerprint.ofFinding(
                dropped.path("check").asText(),
                dropped.path("resource").path("account").asText(),
                dropped.path("resource").path("region").asText(null),
                dropped.path("resource").path("arn").asText());
        assertThat(baseline.mark(droppedFp)).isEqualTo(Baseline.State.NEW);
    }

    @Test
    void aHuntAgainstItsOwnReportIsAllUnchanged() throws Exception {
        Path previous = dir.resolve("hunt.json");
        Files.writeString(previous, ExampleRuns.hunt("json"));
        Baseline baseline = Baseline.read(previous);
        List<String> fps = io.rsaudit.core.report.formats.CsvReportTest.rows(ExampleRuns.hunt("csv")).stream()
                .map(r -> r.get("fingerprint"))
                .toList();
        assertThat(baseline.size()).isEqualTo(fps.size()).isPositive();
        assertThat(fps).allSatisfy(fp -> assertThat(baseline.mark(fp)).isEqualTo(Baseline.State.UNCHANGED));
    }

    @Test
    void aFileThatIsNoRsauditReportIsRejectedByName() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"schema\":\"something/2\"}");
        assertThatThrownBy(() -> Baseline.read(other))
                .hasMessageContaining(other.toString())
                .hasMessageContaining("expected rsaudit-scan/1 or rsaudit-hunt/1");
        Files.writeString(other, "{\"schema\":\"rsaudit-scan/1\",\"findings\":[{\"outcome\":\"fail\"}]}");
        assertThatThrownBy(() -> Baseline.read(other)).hasMessageContaining("findings[0]: no 'check'");
    }
}
