package io.rsaudit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.source.CliJsonSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in local mode ({@code local[2]}) against {@code rsaudit hunt} (core's Hunt service and JSON writer) on the
 * same files: the alerts must be the same JSON, member for member (rule, level, actors, times, summary, evidence
 * with file and line), and so must what was read (files, records, malformed, every problem with its location) and
 * what was not judged.
 */
class SparkHuntEquivalenceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf()
                .setMaster("local[2]")
                .setAppName("rsaudit-spark-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.default.parallelism", "2"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    static JobOptions options(List<String> inputs, Path out, int partitions, boolean incremental) {
        return options(inputs, out, partitions, incremental, null);
    }

    static JobOptions options(
            List<String> inputs, Path out, int partitions, boolean incremental, ResourceUse inventory) {
        return new JobOptions(
                inputs,
                out.toString(),
                null,
                null,
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                false,
                ReadOptions.DEFAULT_MAX_RECORD_BYTES,
                RuleSet.Spec.builtIn(),
                partitions,
                1,
                incremental,
                inventory);
    }

    private static JsonNode spark(JobOptions options) throws IOException {
        SparkHunt.Result r = new SparkHunt(spark, CLOCK, "test").run(options, Severity.INFO);
        return JSON.readTree(Output.report(r));
    }

    private static void assertSame(JsonNode local, JsonNode distributed) {
        assertThat(distributed.get("alerts")).isEqualTo(local.get("alerts"));
        assertThat(distributed.get("read")).isEqualTo(local.get("read"));
        assertThat(distributed.get("notJudged")).isEqualTo(local.get("notJudged"));
        assertThat(distributed.get("verdict")).isEqualTo(local.get("verdict"));
        assertThat(distributed.get("rules")).isEqualTo(local.get("rules"));
    }

    @Test
    void exampleLogsGiveTheLocalHuntsReport(@TempDir Path out) throws IOException {
        String logs = Path.of("..", "examples", "logs").toString();
        JsonNode local = LocalHunt.report(List.of(logs), ReadOptions.defaults(), Severity.INFO, CLOCK);
        JsonNode distributed = spark(options(List.of(logs), out, 3, false));

        assertThat(local.get("alerts").size()).isGreaterThan(5);
        assertSame(local, distributed);
        // the output prefix: the same report, the alerts by day, the summary
        assertThat(JSON.readTree(out.resolve("report.json").toFile()).get("alerts"))
                .isEqualTo(local.get("alerts"));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("alerts").asLong()).isEqualTo(local.get("alerts").size());
        assertThat(summary.at("/read/files").asLong()).isEqualTo(4);
        long lines = 0;
        try (Stream<Path> s = Files.walk(out.resolve("alerts"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(p.getParent().getFileName().toString()).matches("date=\\d{4}-\\d{2}-\\d{2}");
                for (String line : Files.readAllLines(p)) {
                    JsonNode a = JSON.readTree(line);
                    assertThat(p.getParent().getFileName().toString())
                            .isEqualTo("date=" + a.get("first").asText().substring(0, 10));
                    lines++;
                }
            }
        }
        assertThat(lines).isEqualTo(local.get("alerts").size());
    }

    @Test
    void anInventoryPlacesOpenedGroupsOnTheExecutorsAsInTheLocalHunt(@TempDir Path out) throws IOException {
        Path ct008 =
                Path.of("..", "rsaudit-core", "src", "test", "resources", "io", "rsaudit", "core", "hunt", "rules");
        String trail = ct008.resolve("RSH-CT-008/123456789012_CloudTrail_eu-west-1_20240501T1000Z_fixture.json")
                .toString();
        ResourceUse inventory = ResourceUse.of(new CliJsonSource(ct008.resolve("RSH-CT-008/inventory")).load());
        JsonNode local = LocalHunt.report(List.of(trail), ReadOptions.defaults(), Severity.INFO, CLOCK, inventory);
        JsonNode distributed = spark(options(List.of(trail), out, 2, false, inventory));

        assertThat(local.get("alerts"))
                .extracting(a -> a.get("rule").asText() + " " + a.get("cluster").asText())
                .contains("RSH-CT-008 prod-dw", "RSH-CT-008 analytics");
        assertSame(local, distributed);
        // parsed on the driver, as SparkHuntMain does
        JobOptions parsed = SparkHuntMain.parse(
                        new String[] {
                            "--output",
                            out.toString(),
                            "--inventory",
                            ct008.resolve("RSH-CT-008/inventory").toString(),
                            trail
                        },
                        CLOCK.instant(),
                        spark.hadoopConfiguration(),
                        2)
                .options();
        assertThat(parsed.inventory()).isNotNull();
        assertThatThrownBy(() -> SparkHuntMain.parse(
                        new String[] {"--output", out.toString(), "--inventory", "nope", trail},
                        CLOCK.instant(),
                        spark.hadoopConfiguration(),
                        2))
                .hasMessageContaining("--inventory nope is not a directory");
    }

    @Test
    void generatedCorpusWithAttacksSpreadOverFilesAndTasks(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        Corpus.generate(logs, 3_000_000, 2_000, 3);
        JsonNode local = LocalHunt.report(List.of(logs.toString()), ReadOptions.defaults(), Severity.INFO, CLOCK);
        JsonNode distributed = spark(options(List.of(logs.toString()), dir.resolve("out"), 4, false));

        assertSame(local, distributed);
        // the proof is only as good as the corpus: correlated alerts whose evidence comes from several files
        Set<String> spanning = new HashSet<>();
        for (JsonNode a : local.get("alerts")) {
            Set<String> files = new HashSet<>();
            a.get("evidence").forEach(e -> files.add(e.get("file").asText()));
            if (files.size() > 1) {
                spanning.add(a.get("rule").asText());
            }
        }
        assertThat(spanning).contains("RSH-AUTH-001", "RSH-EXFIL-003");
        assertThat(local.at("/read/files").asLong()).isGreaterThan(10);
    }

    /**
     * Folders discovery does not enter are counted as folders, by reason, apart from the files the local hunt skips
     * by name; the alerts are the same.
     */
    @Test
    void foldersNotEnteredAreCountedAsFoldersNotFiles(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        Path examples = Path.of("..", "examples", "logs");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = logs.resolve(examples.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        String account = "AWSLogs/123456789012/";
        Path other = logs.resolve(account + "redshift/us-east-1/2026/11/02");
        Files.createDirectories(other);
        Files.writeString(other.resolve("123456789012_redshift_us-east-1_prod-dw_connectionlog_2026-11-02T08:00"), "");
        Path digests = logs.resolve(account + "CloudTrail-Digest/eu-west-1/2026/11/02");
        Files.createDirectories(digests);
        Files.writeString(
                digests.resolve("123456789012_CloudTrail-Digest_eu-west-1_trail_eu-west-1_20261102T0800Z.json.gz"), "");
        JobOptions regional = options(List.of(logs.toString()), dir.resolve("out"), 2, false);
        regional = new JobOptions(
                regional.inputs(),
                regional.output(),
                null,
                null,
                null,
                Set.of(),
                Set.of("eu-west-1"),
                Set.of(),
                false,
                regional.maxRecordBytes(),
                regional.rules(),
                regional.partitions(),
                regional.filesPerTask(),
                false,
                null);

        JsonNode local = LocalHunt.report(
                List.of(logs.toString()),
                ReadOptions.defaults().withRegions(Set.of("eu-west-1")),
                Severity.INFO,
                CLOCK);
        JsonNode distributed = spark(regional);

        assertThat(local.at("/read/skippedFiles").toString()).isEqualTo("{\"cloudtrail-digest\":1,\"region\":1}");
        assertThat(local.at("/read/skippedFolders").isEmpty()).isTrue();
        assertThat(distributed.at("/read/skippedFiles").isEmpty()).isTrue();
        assertThat(distributed.at("/read/skippedFolders").toString())
                .isEqualTo("{\"cloudtrail-digest\":1,\"region\":1}");
        assertThat(distributed.at("/read/files").asLong()).isEqualTo(4);
        assertThat(distributed.get("alerts")).isEqualTo(local.get("alerts"));
        assertThat(distributed.get("verdict")).isEqualTo(local.get("verdict"));
    }

    @Test
    void faultsAreCountedWithTheirPlaceAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        Corpus.generate(logs, 400_000, 500, 2);
        Path day = logs.resolve("AWSLogs/123456789012/redshift/eu-west-1/2024/03/04");
        String prefix = "123456789012_redshift_eu-west-1_faulty_connectionlog_2024-03-04T";
        String good = "authenticated |Mon, 4 Mar 2024 09:00:00:000|::ffff:10.1.0.5 |1 |1 |dev |admin |password |0"
                + " |TLSv1.2 |ECDHE |0 | | | | |JDBC | | |\n";
        // a gzip cut in the middle
        byte[] whole = gzip((good.repeat(200)).getBytes(StandardCharsets.UTF_8));
        Files.write(day.resolve(prefix + "09:00.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        // a byte that is not UTF-8
        byte[] bad = (good + "authenticated |Mon, 4 Mar 2024 09:01:00:000|::ffff:10.1.0.\u00ff |1 |1 |dev |admin"
                        + " |password |0 |TLSv1.2 |ECDHE |0 | | | | |JDBC | | |\n" + good)
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(day.resolve(prefix + "09:10.gz"), gzip(bad));
        // a line of 10 MB between two good ones
        StringBuilder huge = new StringBuilder(good);
        huge.append("authenticated |").append("x".repeat(10 << 20)).append('\n').append(good);
        Files.write(day.resolve(prefix + "09:20.gz"), gzip(huge.toString().getBytes(StandardCharsets.UTF_8)));

        JsonNode local = LocalHunt.report(List.of(logs.toString()), ReadOptions.defaults(), Severity.INFO, CLOCK);
        JsonNode distributed = spark(options(List.of(logs.toString()), dir.resolve("out"), 2, false));

        assertSame(local, distributed);
        TreeMap<String, String> kinds = new TreeMap<>();
        for (JsonNode p : distributed.at("/read/problems")) {
            kinds.put(
                    p.get("file").asText().replaceAll(".*T", "") + ":"
                            + p.get("line").asLong(),
                    p.get("kind").asText());
        }
        assertThat(kinds).containsValue("truncated_gzip").containsValue("invalid_utf8");
        assertThat(kinds.keySet()).anyMatch(k -> k.startsWith("09:20.gz:2"));
        assertThat(distributed.at("/read/malformed").asLong()).isPositive();
        assertThat(distributed.at("/read/records").asLong()).isGreaterThan(1000);
        assertThat(distributed.get("alerts").size()).isPositive();
    }

    @Test
    void incrementalRunsReadOnlyNewFilesAndJudgeWindowsAcrossTheBoundary(@TempDir Path dir) throws IOException {
        Path all = dir.resolve("all");
        Corpus.plain(all, 600_000, 500);
        // the attack hour delivered in two parts, cut in the middle of the brute force
        List<Path> later = Corpus.cutAtBruteForce(all);
        assertThat(later).hasSize(2);
        JsonNode local = LocalHunt.report(List.of(all.toString()), ReadOptions.defaults(), Severity.INFO, CLOCK);

        Path logs = dir.resolve("logs");
        Path out = dir.resolve("out");
        copy(all, logs, later, false);
        JsonNode first = spark(options(List.of(logs.toString()), out, 3, true));
        copy(all, logs, later, true);
        JsonNode second = spark(options(List.of(logs.toString()), out, 3, true));

        assertThat(second.at("/read/files").asLong()).isEqualTo(later.size());
        Set<JsonNode> reported = new HashSet<>();
        first.get("alerts").forEach(reported::add);
        second.get("alerts").forEach(reported::add);
        Set<JsonNode> expected = new HashSet<>();
        // the same files, under the folder the runs read
        JSON.readTree(local.get("alerts").toString().replace(all.toString(), logs.toString()))
                .forEach(expected::add);
        // every alert of one run over all files was reported by one of the two runs, with the same evidence
        assertThat(reported).containsAll(expected);
        // the brute force cut in two was judged in the second run, with the first run's failures from its state
        assertThat(second.get("alerts"))
                .anyMatch(a -> a.get("rule").asText().equals("RSH-AUTH-001")
                        && a.get("evidence").toString().contains("T08:00")
                        && a.get("evidence").toString().contains("T08:30"));
        // nothing of the first run alone was reported again
        for (JsonNode a : second.get("alerts")) {
            assertThat(a.get("evidence").toString()).contains("T08:30");
        }
        assertThat(JSON.readTree(out.resolve("state.json").toFile())
                        .get("files")
                        .size())
                .isEqualTo(first.at("/read/files").asInt() + later.size());
    }

    private static void copy(Path from, Path to, List<Path> later, boolean laterOnes) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (later.contains(p) == laterOnes) {
                    Path target = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(b)) {
            o.write(data);
        }
        return b.toByteArray();
    }
}
