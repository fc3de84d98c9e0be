package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimLogData;
import io.rsaudit.testkit.sim.SimOptions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsaudit hunt s3://...} through the command line, against the simulator on 127.0.0.1. */
class HuntFromS3Test {

    private static final String PREFIX = "AWSLogs/123456789012/redshift/eu-west-1/2024/05/01/";

    @RegisterExtension
    final SimCaller caller = new SimCaller("123456789012");

    @Test
    void alertsFromS3EqualAlertsFromTheSameFilesOnDisk(@TempDir Path data) throws Exception {
        Path bucket = Files.createDirectories(data.resolve("s3/audit-logs").resolve(PREFIX));
        try (var files = Files.list(Path.of(HuntCommandTest.CORPUS))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("123456789012_"))
                    .toList()) {
                try (OutputStream out =
                        new GZIPOutputStream(Files.newOutputStream(bucket.resolve(f.getFileName() + ".gz")))) {
                    Files.copy(f, out);
                }
            }
        }
        try (AwsSimulator sim =
                AwsSimulator.start(Path.of("../examples/estate"), SimOptions.defaults(), SimLogData.at(data))) {
            CliRun s3 = CliRun.of(
                    "hunt",
                    "s3://audit-logs/AWSLogs/",
                    "--format",
                    "json",
                    "--aws-region",
                    "eu-west-1",
                    "--endpoint-url",
                    sim.endpoint().toString());
            CliRun disk = CliRun.of("hunt", bucket.toString(), "--format", "json");

            assertThat(s3.code()).as(s3.err() + s3.out()).isEqualTo(disk.code()).isEqualTo(1);
            JsonNode fromS3 = new ObjectMapper().readTree(s3.out());
            JsonNode fromDisk = new ObjectMapper().readTree(disk.out());
            assertThat(rulesAndTimes(fromS3)).isNotEmpty().isEqualTo(rulesAndTimes(fromDisk));
            assertThat(fromS3.path("alerts")
                            .get(0)
                            .path("evidence")
                            .get(0)
                            .path("file")
                            .asText())
                    .startsWith("s3://audit-logs/" + PREFIX);
        }
    }

    private static List<String> rulesAndTimes(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("alerts")
                .forEach(a ->
                        out.add(a.path("rule").asText() + "@" + a.path("first").asText()));
        return out;
    }
}
