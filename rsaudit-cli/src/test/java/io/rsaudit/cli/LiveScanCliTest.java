package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rsaudit scan} without {@code --input}, through the command line, against the simulator on 127.0.0.1
 * serving {@code examples/estate}: the whole path a user takes (options, collection, report, exit code).
 */
class LiveScanCliTest {

    private static final Path ESTATE = Path.of("../examples/estate");
    private static final String POLICY = "../examples/policy.yaml";

    @RegisterExtension
    final SimCaller caller = new SimCaller("100000000001");

    @Test
    void aLiveScanReportsWhatTheOfflineScanOfTheSameEstateReports() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults())) {
            // judged as of one moment: the example records when it was collected, the simulator serving it does not
            String asOf = "2026-11-27T08:00:00Z";
            CliRun live = CliRun.of(live(sim, "--format", "json", "--as-of", asOf));
            CliRun offline = CliRun.of(
                    "scan", "--input", ESTATE.toString(), "--policy", POLICY, "--format", "json", "--as-of", asOf);

            assertThat(live.code()).as(live.err()).isEqualTo(offline.code()).isEqualTo(1);
            JsonNode l = new ObjectMapper().readTree(live.out());
            JsonNode o = new ObjectMapper().readTree(offline.out());
            // the key rotation ages rest on CloudTrail lookups of the 90 days before each collection: the live one
            // before the CLI's clock, the estate's own (cloudtrail/lookup-events.json) before its collection.json
            Predicate<String> rotation = f -> f.startsWith("{\"check\":\"RS-ATREST-012\"");
            assertThat(findings(l))
                    .filteredOn(rotation)
                    .filteredOn(f -> f.contains("\"outcome\":\"unknown\""))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f).contains("cloudtrail:LookupEvents"));
            List<String> fromLive =
                    findings(l).stream().filter(rotation.negate()).toList();
            List<String> fromExport =
                    findings(o).stream().filter(rotation.negate()).toList();
            assertThat(fromLive).hasSizeGreaterThan(50);
            assertThat(fromLive.stream().filter(f -> !fromExport.contains(f)))
                    .as("reported live only")
                    .isEmpty();
            assertThat(fromExport.stream().filter(f -> !fromLive.contains(f)))
                    .as("reported offline only")
                    .isEmpty();
            assertThat(fromLive).containsExactlyElementsOf(fromExport);
            assertThat(l.path("scopes")).isEqualTo(o.path("scopes"));
            // a live finding's evidence names the API call and its answer, not a file
            List<JsonNode> sources = new ArrayList<>();
            l.path("findings").forEach(f -> sources.add(f.path("field").path("source")));
            assertThat(sources)
                    .filteredOn(JsonNode::isObject)
                    .hasSizeGreaterThan(50)
                    .allSatisfy(source -> {
                        assertThat(source.path("location").asText()).startsWith("aws://");
                        assertThat(source.path("call").asText()).matches("[a-z0-9-]+:[A-Za-z]+");
                    });
        }
    }

    @Test
    void anExportOnDiskIsOwnerOnlyAndScansAsTheLiveScanDoes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("export");
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults())) {
            CliRun exported = CliRun.of(command("export", sim, "--output", out.toString()));
            CliRun live = CliRun.of(live(sim, "--format", "json"));

            // the example's one AccessDenied is exported as its .error file: the export is incomplete
            assertThat(exported.code()).as(exported.err()).isEqualTo(3);
            assertThat(exported.err()).contains("1 failed call(s)").contains("Next: rsaudit scan --input " + out);
            CliRun offline = CliRun.of("scan", "--input", out.toString(), "--policy", POLICY, "--format", "json");
            assertThat(offline.code()).isEqualTo(live.code()).isEqualTo(1);
            assertThat(findings(new ObjectMapper().readTree(offline.out())))
                    .containsExactlyElementsOf(findings(new ObjectMapper().readTree(live.out())));
        }
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("111111111111"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                            out.resolve("111111111111/eu-west-1/redshift/describe-clusters.json"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedMakesTheScanIncomplete() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(
                ESTATE, SimOptions.builder().unassumable("222222222222").build())) {
            // --fail-on none: no finding sets exit 1, so the exit code says only whether the scan is whole
            CliRun run = CliRun.of(live(sim, "--fail-on", "none"));

            assertThat(run.code()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains("verdict incomplete");
            assertThat(run.out()).contains("222222222222").contains("AssumeRole");
        }
    }

    /**
     * Each finding as its JSON text, but for where its evidence came from, which legitimately differs: a file and
     * pointer offline, the API call live (the call itself, {@code source.call}, is the same). Also masked: the text
     * of the one failed call (the example's .error file holds the CLI's words), of which the error code is kept.
     */
    private static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> {
            JsonNode copy = f.deepCopy();
            if (copy.path("field").path("source") instanceof ObjectNode source) {
                source.remove(List.of("location", "pointer"));
            }
            out.add(copy.toString()
                    .replaceAll(
                            "(aws://[^\\s#)\"']+|\\b\\d{12}/[^\\s#)\"']+\\.(json|error))(#/[^\\s)\"']*)?", "<source>")
                    .replaceAll("(An error occurred \\([A-Za-z]+\\))[^\"]*", "$1 ..."));
        });
        return out;
    }

    /** {@code rsaudit scan} of the two accounts the simulator serves, with the example policy. */
    private static String[] live(AwsSimulator sim, String... more) {
        List<String> all = new ArrayList<>(List.of("--policy", POLICY));
        all.addAll(List.of(more));
        return command("scan", sim, all.toArray(String[]::new));
    }

    private static String[] command(String command, AwsSimulator sim, String... more) {
        List<String> all = new ArrayList<>(List.of(
                command,
                "--role-name",
                "rsaudit-audit",
                "--accounts",
                "111111111111,222222222222",
                "--aws-region",
                "us-east-1",
                "--endpoint-url",
                sim.endpoint().toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
