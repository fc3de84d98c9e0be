package io.rsaudit.aws.hunt;

import static io.rsaudit.aws.hunt.HuntFixture.BUCKET;
import static io.rsaudit.aws.hunt.HuntFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.aws.OperationRecorder;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimLogData;
import io.rsaudit.testkit.sim.SimOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/iam-policy.json's hunt statement grants exactly the actions hunt's AWS inputs call (recorded from the SDK as
 * they are made, listing and reading both kinds of input), all of them read-only.
 */
class HuntPolicyTest {

    static final Path POLICY = Path.of("..", "docs", "iam-policy.json");

    @TempDir
    Path data;

    @Test
    void theHuntStatementGrantsExactlyTheActionsCalled() throws IOException {
        Instant hour = Instant.parse("2023-06-26T18:00:00Z");
        HuntFixture.putObject(
                data,
                BUCKET,
                HuntFixture.key(REGION, "prod-dw", "connectionlog", hour),
                HuntFixture.text(HuntFixture.connections(hour, 5, "alice")));
        HuntFixture.putStream(
                data,
                REGION,
                "/aws/redshift/cluster/prod-dw/connectionlog",
                "s1",
                HuntFixture.connections(hour, 5, "bob"));
        OperationRecorder recorder = new OperationRecorder();
        ReadOptions read = ReadOptions.defaults().withParallelism(1);
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of("s3://" + BUCKET, "cloudwatch:/aws/redshift/cluster/prod-dw/connectionlog"),
                        HuntFixture.options(sim, read).withInterceptors(List.of(recorder)))) {
            assertThat(HuntFixture.read(aws.inputs(), read).events()).hasSize(10);
        }
        Set<String> granted = new TreeSet<>();
        JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
        for (JsonNode statement : policy.path("Statement")) {
            if (statement.path("Sid").asText().equals("RsauditHuntReadOnly")) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                statement.path("Action").forEach(a -> granted.add(a.asText()));
            }
        }
        assertThat(recorder.iamActions()).containsExactlyInAnyOrderElementsOf(granted);
        assertThat(granted).allMatch(a -> a.matches("(s3|logs):(List|Get|Describe|Filter)[A-Za-z]+"));
    }
}
