package io.rsaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsaudit-bench generate} then {@code run} on a tiny estate: both reports say what was measured. No timings. */
class BenchScanCommandTest {

    @Test
    void generate_then_run(@TempDir Path dir) throws IOException {
        Path estate = dir.resolve("estate");
        BenchRun run = BenchRun.of(
                "generate",
                "--out",
                estate.toString(),
                "--accounts",
                "2",
                "--regions",
                "2",
                "--clusters",
                "6",
                "--snapshots",
                "40",
                "--seed",
                "7");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote").contains("aws redshift describe-cluster-snapshots");

        run = BenchRun.of("run", "--input", estate.toString(), "--repeat", "1", "--warmup", "0", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("resources").path("cluster").asInt()).isEqualTo(6);
        assertThat(json.path("resources").path("cluster snapshot").asInt()).isEqualTo(40);
        assertThat(json.path("collectionErrors").asInt()).isZero();
        assertThat(json.path("internalErrors").asInt()).isZero();
        assertThat(json.path("findings").path("total").asInt()).isPositive();
        assertThat(json.path("phases").path("load").path("millis")).hasSize(1);

        run = BenchRun.of("run", "--input", estate.toString(), "--repeat", "1", "--warmup", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("baseline (readTree")
                .contains("load / baseline")
                .contains("heap peak");
    }

    @Test
    void a_bad_argument_is_a_usage_error() {
        BenchRun run = BenchRun.of("run", "--input", "no/such/folder");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("rsaudit-bench: --input no/such/folder is not a directory");
    }
}
