package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command end to end: arguments, exit codes, where output goes. */
class ScanCommandTest {

    static final String R = "111111111111/eu-west-1/";

    @TempDir
    Path dir;

    /** Every call collected, nothing in it: a complete, empty estate. */
    private Estate emptyButComplete() {
        Estate e = Estate.in(dir.resolve("estate"))
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/a'}");
        for (AwsCliCall call : AwsCliCall.values()) {
            if (call.regional() && call.perResource() == null) {
                e.json(R + call.file(), "{'" + call.listMember() + "': []}");
            }
        }
        return e;
    }

    @Test
    void aCompleteEstateWithNothingFailingAtTheThresholdExitsZero() {
        Estate e = emptyButComplete();
        CliRun run = CliRun.of("scan", "--input", e.root().toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Verdict: PASS");
        assertThat(run.err()).contains("0 collection error(s)");
    }

    @Test
    void agesAreMeasuredFromAsOfOrTheRecordedCollectionTimeAndTheReportSaysWhich() throws Exception {
        Estate e =
                emptyButComplete().text("111111111111/collection.json", "{\"collectedAt\": \"2026-03-01T08:00:00Z\"}");
        CliRun recorded = CliRun.of("scan", "--input", e.root().toString(), "--fail-on", "none");
        assertThat(recorded.out()).contains("ages as of 2026-03-01T08:00:00Z (when the inventory was collected)");
        CliRun asOf = CliRun.of(
                "scan",
                "--input",
                e.root().toString(),
                "--fail-on",
                "none",
                "--as-of",
                "2026-04-02",
                "--format",
                "json");
        assertThat(asOf.code()).as(asOf.err()).isZero();
        JsonNode ages = new ObjectMapper().readTree(asOf.out()).path("agesAsOf");
        assertThat(ages.path("at").asText()).isEqualTo("2026-04-02T00:00:00Z");
        assertThat(ages.path("basis").asText()).isEqualTo("as-of");
        CliRun bad = CliRun.of("scan", "--input", e.root().toString(), "--as-of", "last tuesday\u001b[2J");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("--as-of: not an ISO 8601 time with a zone or a date: 'last tuesday\\x1b[2J'")
                .doesNotContain("\u001b");
    }

    @Test
    void failingFindingsExitOne() {
        Estate e = emptyButComplete()
                .json(
                        R + "redshift/describe-clusters.json",
                        "{'Clusters': [{'ClusterIdentifier': 'c1',"
                                + " 'Encrypted': false, 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]}]}");
        CliRun run = CliRun.of("scan", "--input", e.root().toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("RS-TRANSIT-001").contains("Verdict: FAIL");
    }

    @Test
    void collectionErrorsWithoutFailuresExitThree() {
        Estate e = emptyButComplete().text(R + "redshift/describe-clusters.json", "{\"Clusters\": [");
        CliRun run = CliRun.of("scan", "--input", e.root().toString(), "--fail-on", "none");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).contains("truncated").contains("Verdict: INCOMPLETE");
    }

    @Test
    void jsonGoesToTheOutputFileAndTalkToStderr() throws Exception {
        Estate e = emptyButComplete();
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of(
                "scan",
                "--input",
                e.root().toString(),
                "--format",
                "json",
                "--output",
                report.toString(),
                "--fail-on",
                "high");
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("report written to " + report);
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.path("schema").asText()).isEqualTo("rsaudit-scan/1");
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(json.path("failOn").asText()).isEqualTo("high");
    }

    @Test
    void usageErrorsExitTwoWithAClearMessage() {
        assertThat(CliRun.of("scan", "--input").code()).isEqualTo(2);
        CliRun badThreshold = CliRun.of("scan", "--input", dir.toString(), "--fail-on", "severe");
        assertThat(badThreshold.code()).isEqualTo(2);
        assertThat(badThreshold.err()).contains("'severe' is not a severity");
        CliRun noDir = CliRun.of("scan", "--input", dir.resolve("missing").toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("is not a directory");
        CliRun badFormat = CliRun.of("scan", "--input", dir.toString(), "--format", "xml");
        assertThat(badFormat.code()).isEqualTo(2);
    }

    @Test
    void aBrokenPolicyIsAUsageErrorNamingTheLine() throws Exception {
        Path policy =
                Files.writeString(dir.resolve("policy.yaml"), "version: 1\nbackups:\n  minAutomatedRetention: 7\n");
        CliRun run = CliRun.of("scan", "--input", dir.toString(), "--policy", policy.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("line 3").contains("unknown field 'minAutomatedRetention'");
    }

    @Test
    void anUnwritableOutputIsAUsageError() {
        Estate e = emptyButComplete();
        CliRun run = CliRun.of(
                "scan",
                "--input",
                e.root().toString(),
                "--output",
                dir.resolve("no/such/dir/r.txt").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write the report");
    }

    @Test
    void aMissingCloudTrailPathIsAUsageError() {
        Estate e = emptyButComplete();
        CliRun run = CliRun.of(
                "scan",
                "--input",
                e.root().toString(),
                "--cloudtrail",
                dir.resolve("no-such-trail").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--cloudtrail", "no-such-trail", "no such file or directory");
    }

    @Test
    void aBrokenCloudTrailFileIsACollectionErrorNamingItAndTheRestIsRead() throws Exception {
        Estate e = emptyButComplete();
        Path trail = Files.createDirectories(dir.resolve("trail"));
        Files.writeString(
                trail.resolve("111111111111_CloudTrail_eu-west-1_20260531T2355Z_a1.json"),
                "{\"Records\": [{\"eventTime\": \"yesterday\", \"eventSource\": \"redshift.amazonaws.com\"}]}");
        CliRun run = CliRun.of(
                "scan", "--input", e.root().toString(), "--cloudtrail", trail.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("1 collection error(s)");
        assertThat(run.out()).contains("111111111111_CloudTrail_eu-west-1_20260531T2355Z_a1.json", "bad eventTime");
    }
}
