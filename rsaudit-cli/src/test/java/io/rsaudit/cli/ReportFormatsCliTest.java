package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format with one or more formats, --output and --output-dir, for scan and hunt. */
class ReportFormatsCliTest {

    private static final String ESTATE = "../examples/estate";
    private static final String LOGS = "../examples/logs";
    private static final String POLICY = "../examples/policy.yaml";

    @TempDir
    Path dir;

    @Test
    void severalFormatsGoToOneFileEachInTheOutputFolder() throws Exception {
        Path out = dir.resolve("reports");
        CliRun both = CliRun.of(
                "scan", "--input", ESTATE, "--policy", POLICY, "--format", "text,json", "--output-dir", out.toString());
        assertThat(both.code()).as(both.err()).isEqualTo(1);
        assertThat(both.out()).isEmpty();
        assertThat(both.err())
                .contains("reports written to " + out.resolve("rsaudit-scan.txt") + ", "
                        + out.resolve("rsaudit-scan.json"));

        CliRun text = CliRun.of("scan", "--input", ESTATE, "--policy", POLICY);
        CliRun json = CliRun.of("scan", "--input", ESTATE, "--policy", POLICY, "--format", "json");
        assertThat(Files.readString(out.resolve("rsaudit-scan.txt"), StandardCharsets.UTF_8))
                .isEqualTo(text.out());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode fromFolder = mapper.readTree(out.resolve("rsaudit-scan.json").toFile());
        assertThat(fromFolder).isEqualTo(mapper.readTree(json.out()));
    }

    @Test
    void aHuntWritesItsOwnFilesToo() throws Exception {
        Path out = dir.resolve("hunt");
        CliRun run =
                CliRun.of("hunt", LOGS, "--policy", POLICY, "--format", "json,text", "--output-dir", out.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(new ObjectMapper()
                        .readTree(out.resolve("rsaudit-hunt.json").toFile())
                        .path("schema")
                        .asText())
                .isEqualTo("rsaudit-hunt/1");
        assertThat(Files.readString(out.resolve("rsaudit-hunt.txt"), StandardCharsets.UTF_8))
                .startsWith("rsaudit ")
                .contains("Verdict: FAIL");
    }

    @Test
    void severalFormatsNeedAFolder() {
        CliRun run = CliRun.of("scan", "--input", ESTATE, "--format", "text,json");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("more than one format needs --output-dir");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheKnownOnes() {
        CliRun run = CliRun.of("scan", "--input", ESTATE, "--format", "xml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'xml'").contains("text, json");
    }

    @Test
    void outputAndOutputDirExcludeEachOther() {
        CliRun run = CliRun.of(
                "scan", "--input", ESTATE, "--output", dir.resolve("a.txt").toString(), "--output-dir", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("give one or the other");
    }
}
