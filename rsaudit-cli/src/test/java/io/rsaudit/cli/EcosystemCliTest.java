package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ecosystem formats, compliance and baselines from the command line, on the example estate and logs. */
class EcosystemCliTest {

    private static final String ESTATE = "../examples/estate";
    private static final String LOGS = "../examples/logs";
    private static final String POLICY = "../examples/policy.yaml";

    @TempDir
    Path dir;

    @Test
    void everyFormatGoesToItsFileForScanAndHunt() throws Exception {
        String all = "json,csv,junit,sarif,ocsf,asff";
        CliRun scan = CliRun.of(
                "scan", "--input", ESTATE, "--policy", POLICY, "--format", all, "--output-dir", dir.toString());
        assertThat(scan.code()).as(scan.err()).isEqualTo(1);
        for (String file : new String[] {
            "rsaudit-scan.json",
            "rsaudit-scan.csv",
            "rsaudit-scan.junit.xml",
            "rsaudit-scan.sarif",
            "rsaudit-scan.ocsf.jsonl",
            "rsaudit-scan.asff.jsonl"
        }) {
            assertThat(dir.resolve(file)).isNotEmptyFile();
        }
        CliRun hunt = CliRun.of("hunt", LOGS, "--policy", POLICY, "--format", all, "--output-dir", dir.toString());
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        assertThat(dir.resolve("rsaudit-hunt.sarif")).isNotEmptyFile();
        assertThat(dir.resolve("rsaudit-hunt.ocsf.jsonl")).isNotEmptyFile();
    }

    @Test
    void complianceJudgesEachRequirementAndNamesTheFailingResources() {
        CliRun run = CliRun.of("scan", "--input", ESTATE, "--policy", POLICY, "--compliance", "fsbp");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("Compliance: AWS Foundational Security Best Practices")
                .containsPattern("FAIL +Redshift\\.1 ")
                .containsPattern("- fail RS-NET-001 arn:aws:redshift:")
                .containsPattern("MANUAL +Redshift\\.9 ")
                .contains("manual: rsaudit has no check for the database name");
        CliRun bad = CliRun.of("scan", "--input", ESTATE, "--compliance", "sox");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown framework 'sox'").contains("fsbp");
    }

    @Test
    void complianceGoesToStderrWhenStdoutHoldsJson() throws Exception {
        CliRun run =
                CliRun.of("scan", "--input", ESTATE, "--policy", POLICY, "--compliance", "fsbp", "--format", "json");
        assertThat(new ObjectMapper().readTree(run.out()).path("schema").asText())
                .isEqualTo("rsaudit-scan/1");
        assertThat(run.err()).contains("Compliance: AWS Foundational Security Best Practices");
    }

    @Test
    void checksListByFrameworkShowsTheMappedChecksAndTheManualRequirements() {
        CliRun run = CliRun.of("checks", "list", "--framework", "fsbp");
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .containsPattern("RS-NET-001 +high +Redshift\\.1 ")
                .contains("Manual")
                .contains("Redshift.9");
    }

    @Test
    void aBaselineMarksNewAndResolvedAndFailOnNewLooksOnlyAtNew() throws Exception {
        Path previous = dir.resolve("previous.json");
        CliRun first = CliRun.of(
                "scan", "--input", ESTATE, "--policy", POLICY, "--format", "json", "--output", previous.toString());
        assertThat(first.code()).isEqualTo(1);

        CliRun same = CliRun.of(
                "scan",
                "--input",
                ESTATE,
                "--policy",
                POLICY,
                "--baseline",
                previous.toString(),
                "--fail-on-new",
                "low");
        assertThat(same.err()).contains("0 new failing finding(s)").contains("0 resolved");
        assertThat(same.code())
                .as("nothing new; the example has a collection error: incomplete")
                .isEqualTo(3);

        ObjectMapper json = new ObjectMapper();
        ObjectNode report = (ObjectNode) json.readTree(previous.toFile());
        ArrayNode findings = (ArrayNode) report.path("findings");
        int i = 0;
        while (!(findings.get(i).path("outcome").asText().equals("fail")
                && findings.get(i).path("severity").asText().equals("high")
                && !findings.get(i).has("suppressed"))) {
            i++;
        }
        findings.remove(i);
        json.writeValue(previous.toFile(), report);
        CliRun oneNew = CliRun.of(
                "scan",
                "--input",
                ESTATE,
                "--policy",
                POLICY,
                "--baseline",
                previous.toString(),
                "--fail-on-new",
                "high");
        assertThat(oneNew.err()).contains("1 new failing finding(s) (1 high)");
        assertThat(oneNew.code()).isEqualTo(1);
        Path sarif = dir.resolve("marked.sarif");
        CliRun marked = CliRun.of(
                "scan",
                "--input",
                ESTATE,
                "--policy",
                POLICY,
                "--baseline",
                previous.toString(),
                "--format",
                "sarif",
                "--output",
                sarif.toString());
        assertThat(marked.code()).isEqualTo(1);
        java.util.List<String> states = json.readTree(sarif.toFile())
                .path("runs")
                .get(0)
                .path("results")
                .findValuesAsText("baselineState");
        assertThat(states).containsOnly("new", "unchanged");
        assertThat(states.stream().filter("new"::equals).count()).isEqualTo(1);
        CliRun aboveIt = CliRun.of(
                "scan",
                "--input",
                ESTATE,
                "--policy",
                POLICY,
                "--baseline",
                previous.toString(),
                "--fail-on-new",
                "critical");
        assertThat(aboveIt.code()).isEqualTo(3);
    }

    @Test
    void aBaselineOfTheWrongKindOrWithoutFileIsAUsageError() throws Exception {
        Path hunt = dir.resolve("hunt.json");
        CliRun h = CliRun.of("hunt", LOGS, "--policy", POLICY, "--format", "json", "--output", hunt.toString());
        assertThat(h.code()).isEqualTo(1);
        CliRun wrong = CliRun.of("scan", "--input", ESTATE, "--baseline", hunt.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("is a rsaudit-hunt/1 report");
        CliRun alone = CliRun.of("scan", "--input", ESTATE, "--fail-on-new", "high");
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err()).contains("--fail-on-new needs --baseline");
        CliRun sameHunt =
                CliRun.of("hunt", LOGS, "--policy", POLICY, "--baseline", hunt.toString(), "--fail-on-new", "info");
        assertThat(sameHunt.err()).contains("0 new alert(s)");
        assertThat(sameHunt.code()).isIn(0, 3);
        Files.writeString(dir.resolve("x.json"), "not json");
        CliRun notJson = CliRun.of(
                "scan", "--input", ESTATE, "--baseline", dir.resolve("x.json").toString());
        assertThat(notJson.code()).isEqualTo(2);
        assertThat(notJson.err()).contains("x.json: not JSON");
    }
}
