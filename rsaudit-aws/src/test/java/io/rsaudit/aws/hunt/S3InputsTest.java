package io.rsaudit.aws.hunt;

import static io.rsaudit.aws.hunt.HuntFixture.ACCOUNT;
import static io.rsaudit.aws.hunt.HuntFixture.BUCKET;
import static io.rsaudit.aws.hunt.HuntFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimLogData;
import io.rsaudit.testkit.sim.SimOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code s3://} inputs through the simulator's S3 and the real SDK client: the events equal those of the same files
 * read from disk, listing pages, narrowing by key before any download, and denied, missing and throttled resources
 * reported as problems while everything else is read.
 */
class S3InputsTest {

    static final Instant DAY_26 = Instant.parse("2023-06-26T00:00:00Z");

    @TempDir
    Path data;

    /** The keys written, in key order; the ones of cluster prod-dw in us-east-1 by day. */
    final List<String> keys = new ArrayList<>();

    @BeforeEach
    void writeLogs() {
        for (int day = -2; day <= 2; day++) {
            Instant hour = DAY_26.plusSeconds(86_400L * day + 18 * 3600);
            put(
                    HuntFixture.key(REGION, "prod-dw", "connectionlog", hour),
                    HuntFixture.text(HuntFixture.connections(hour.minusSeconds(3000), 40, "alice")));
        }
        Instant hour = DAY_26.plusSeconds(10 * 3600);
        put(
                HuntFixture.key(REGION, "prod-dw", "useractivitylog", hour),
                HuntFixture.text(HuntFixture.activity(hour.minusSeconds(3000), 30)));
        put(
                HuntFixture.key(REGION, "prod-dw", "userlog", hour),
                "101|bob | |create |0|0|0| |1234|5678|Mon, 26 Jun 2023 09:02:47:100\n");
        put(
                HuntFixture.key(REGION, "other-dw", "connectionlog", hour),
                HuntFixture.text(HuntFixture.connections(hour.minusSeconds(3000), 10, "carol")));
        put(
                HuntFixture.key("eu-west-1", "prod-dw", "connectionlog", hour),
                HuntFixture.text(HuntFixture.connections(hour.minusSeconds(3000), 10, "dave")));
        put(
                "AWSLogs/" + ACCOUNT + "/CloudTrail/" + REGION + "/2023/06/26/" + ACCOUNT + "_CloudTrail_" + REGION
                        + "_20230626T1005Z_AbCdEf0123456789.json.gz",
                """
                {"Records":[{"eventVersion":"1.08","eventTime":"2023-06-26T10:01:02Z",
                "eventSource":"redshift.amazonaws.com","eventName":"ModifyCluster","awsRegion":"us-east-1",
                "recipientAccountId":"123456789012","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/x"},
                "requestParameters":{"clusterIdentifier":"prod-dw","publiclyAccessible":true}}]}
                """);
        put(
                "AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/2023/06/26/" + ACCOUNT + "_CloudTrail-Digest_"
                        + REGION + "_trail_" + REGION + "_20230626T1005Z.json.gz",
                "{}");
        // a log-archive bucket holds other services' logs too
        put(
                "AWSLogs/" + ACCOUNT + "/Config/" + REGION + "/2023/6/26/ConfigHistory/" + ACCOUNT
                        + "_Config_us-east-1_ConfigHistory_AWS::S3::Bucket_20230626T100500Z_20230626T100500Z_1.json.gz",
                "{\"configurationItems\":[]}");
        put("notes/readme.txt", "not a log");
        keys.sort(String::compareTo);
    }

    private void put(String key, String content) {
        HuntFixture.putObject(data, BUCKET, key, content);
        keys.add(key);
    }

    private Path bucketDir() {
        return data.resolve("s3").resolve(BUCKET);
    }

    private static ReadOptions serial() {
        return ReadOptions.defaults().withParallelism(1);
    }

    /** The same read from the files on disk, less the files that are not logs (the S3 side never reads them). */
    private HuntFixture.Read fromDisk(ReadOptions read) throws IOException {
        List<LogInput> files = LocalFiles.walk(bucketDir()).inputs().stream()
                .filter(i -> i.name().endsWith(".gz")) // the reader leaves the digest out, as the listing does
                .toList();
        return HuntFixture.read(files, read);
    }

    private String relative(String file) {
        return file.startsWith("s3://")
                ? file.substring(("s3://" + BUCKET + "/").length())
                : bucketDir().relativize(Path.of(file)).toString();
    }

    @Test
    void objectsReadTheSameEventsAsTheSameFilesOnDisk() throws IOException {
        SimLogData logData = SimLogData.at(data);
        try (AwsSimulator sim = HuntFixture.start(logData, SimOptions.defaults());
                AwsLogInputs aws =
                        AwsLogInputs.resolve(List.of("s3://" + BUCKET), HuntFixture.options(sim, serial()))) {
            HuntFixture.Read s3 = HuntFixture.read(aws.inputs(), serial());
            HuntFixture.Read disk = fromDisk(serial());
            assertThat(disk.events()).hasSizeGreaterThan(200);
            assertThat(HuntFixture.normalized(s3.events(), this::relative))
                    .isEqualTo(HuntFixture.normalized(disk.events(), this::relative));
            assertThat(s3.summary().problems()).isEmpty();
            assertThat(s3.summary().perType())
                    .containsKeys(
                            LogType.CONNECTION_LOG, LogType.USER_ACTIVITY_LOG, LogType.USER_LOG, LogType.CLOUDTRAIL);
            assertThat(s3.events())
                    .allSatisfy(e -> assertThat(e.origin().file()).startsWith("s3://" + BUCKET + "/AWSLogs/"));
            // the digest, AWS Config's file and the note are counted, never downloaded; the note, which may be
            // anything, is reported
            assertThat(aws.sources()).singleElement().satisfies(s -> {
                assertThat(s.found()).isEqualTo(keys.size());
                assertThat(s.selected()).isEqualTo(keys.size() - 3);
                assertThat(s.leftOut())
                        .isEqualTo(java.util.Map.of("unknown-type", 1L, "cloudtrail-digest", 1L, "other-service", 1L));
            });
            assertThat(aws.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNKNOWN_TYPE);
                assertThat(p.origin().file()).isEqualTo("s3://" + BUCKET + "/");
                assertThat(p.message())
                        .startsWith("1 object(s) under s3://" + BUCKET + "/ follow neither")
                        .contains("notes/readme.txt")
                        .doesNotContain("CloudTrail-Digest");
            });
            assertThat(gets(logData))
                    .hasSize(keys.size() - 3)
                    .noneMatch(k -> k.contains("Digest") || k.contains("Config") || k.contains("readme"));
            ReadSummary total = aws.addTo(s3.summary());
            assertThat(total.problemCount()).isEqualTo(1);
            assertThat(total.skippedFiles()).containsEntry("unknown-type", 1L).containsEntry("cloudtrail-digest", 1L);
        }
    }

    /** The keys GetObject fetched, in order. */
    private static List<String> gets(SimLogData log) {
        return log.requests().stream()
                .filter(r -> r.operation().equals("GetObject"))
                .map(r -> r.target().substring(BUCKET.length() + 1))
                .toList();
    }

    @Test
    void listingFollowsContinuationTokensAcrossPages() {
        SimLogData logData = SimLogData.at(data);
        try (AwsSimulator sim = HuntFixture.start(
                        logData, SimOptions.builder().maxPageSize(3).build());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of("s3://" + BUCKET + "/AWSLogs/"), HuntFixture.options(sim, serial()))) {
            long lists = logData.requests().stream()
                    .filter(r -> r.operation().equals("ListObjectsV2"))
                    .count();
            long logs = keys.stream().filter(k -> k.startsWith("AWSLogs/")).count();
            assertThat(lists).isEqualTo((logs + 2) / 3);
            assertThat(aws.inputs())
                    .extracting(LogInput::name)
                    .containsExactlyElementsOf(keys.stream()
                            .filter(k -> k.startsWith("AWSLogs/") && !k.contains("Digest") && !k.contains("Config"))
                            .map(k -> "s3://" + BUCKET + "/" + k)
                            .toList());
        }
    }

    @Test
    void theWindowAndFiltersNarrowTheListingBeforeAnyDownload() throws IOException {
        ReadOptions read = serial().withWindow(DAY_26, DAY_26.plusSeconds(86_400))
                .withClusters(Set.of("prod-dw"))
                .withRegions(Set.of(REGION));
        SimLogData logData = SimLogData.at(data);
        try (AwsSimulator sim = HuntFixture.start(logData, SimOptions.defaults());
                AwsLogInputs aws =
                        AwsLogInputs.resolve(List.of("s3://" + BUCKET + "/AWSLogs/"), HuntFixture.options(sim, read))) {
            HuntFixture.Read s3 = HuntFixture.read(aws.inputs(), read);
            // listed a folder at a time (several at once): the 24th's folder lies more than a day before the window,
            // the 28th's more
            // than a day after it, eu-west-1 is not asked for and the digests hold no records, so none of them is
            // listed; the 25th and 27th are within the margin and read (their records then filtered by time)
            String logs = BUCKET + "/AWSLogs/" + ACCOUNT + "/";
            assertThat(logData.requests())
                    .filteredOn(r -> r.operation().equals("ListObjectsV2"))
                    .extracting(SimLogData.Request::target)
                    .containsExactlyInAnyOrder(
                            BUCKET + "/AWSLogs/",
                            logs,
                            logs + "CloudTrail/",
                            logs + "CloudTrail/" + REGION + "/",
                            logs + "CloudTrail/" + REGION + "/2023/",
                            logs + "CloudTrail/" + REGION + "/2023/06/",
                            logs + "CloudTrail/" + REGION + "/2023/06/26/",
                            logs + "redshift/",
                            logs + "redshift/" + REGION + "/",
                            logs + "redshift/" + REGION + "/2023/",
                            logs + "redshift/" + REGION + "/2023/06/",
                            logs + "redshift/" + REGION + "/2023/06/25/",
                            logs + "redshift/" + REGION + "/2023/06/26/",
                            logs + "redshift/" + REGION + "/2023/06/27/");
            // what was listed and left out: the other cluster's file of the 26th
            assertThat(aws.sources().get(0).leftOut()).isEqualTo(java.util.Map.of("cluster", 1L));
            // and the folders not listed, counted as folders (what they hold is never seen)
            java.util.Map<String, Long> folders = java.util.Map.of(
                    "region", 1L, "since", 1L, "until", 1L, "cloudtrail-digest", 1L, "other-service", 1L);
            assertThat(aws.sources().get(0).foldersLeftOut()).isEqualTo(folders);
            assertThat(aws.addTo(s3.summary())).satisfies(total -> {
                assertThat(total.skippedFolders()).isEqualTo(folders);
                assertThat(total.skippedFiles())
                        .containsEntry("cluster", 1L)
                        .doesNotContainKeys("region", "other-service");
                assertThat(total.partial())
                        .as("nothing asked for was left unread")
                        .isFalse();
            });
            assertThat(gets(logData))
                    .hasSize(6)
                    .noneMatch(k -> k.contains("2023-06-24T")
                            || k.contains("2023-06-28T")
                            || k.contains("other-dw")
                            || k.contains("eu-west-1"));
            assertThat(gets(logData)).anyMatch(k -> k.contains("2023-06-25T")).anyMatch(k -> k.contains("2023-06-27T"));
            HuntFixture.Read disk = fromDisk(read);
            assertThat(s3.events()).isNotEmpty();
            assertThat(HuntFixture.normalized(s3.events(), this::relative))
                    .isEqualTo(HuntFixture.normalized(disk.events(), this::relative));
            assertThat(s3.events()).allSatisfy(e -> assertThat(e.time()).isBetween(DAY_26, DAY_26.plusSeconds(86_399)));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hiddenKeysAndFoldersAreCountedNotRead(boolean window) {
        Instant hour = DAY_26.plusSeconds(10 * 3600);
        String day = "AWSLogs/" + ACCOUNT + "/redshift/" + REGION + "/2023/06/26/";
        String log = HuntFixture.key(REGION, "prod-dw", "connectionlog", hour).substring(day.length());
        String connections = HuntFixture.text(HuntFixture.connections(hour.minusSeconds(3000), 5, "eve"));
        put(day + "." + log, connections);
        put(day + ".staging/" + log, connections);
        ReadOptions read = window ? serial().withWindow(DAY_26, DAY_26.plusSeconds(86_400)) : serial();
        SimLogData logData = SimLogData.at(data);
        try (AwsSimulator sim = HuntFixture.start(logData, SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(List.of("s3://" + BUCKET), HuntFixture.options(sim, read))) {
            AwsLogInputs.Source source = aws.sources().get(0);
            // listed a folder at a time, the hidden folder is a folder; listed whole, two keys
            assertThat(source.leftOut().get("hidden")).isEqualTo(window ? 1L : 2L);
            assertThat(source.foldersLeftOut().getOrDefault("hidden", 0L)).isEqualTo(window ? 1L : 0L);
            assertThat(aws.inputs()).noneMatch(i -> i.name().contains("/."));
            assertThat(aws.problems()).noneMatch(p -> p.message().contains("/."));
            assertThat(gets(logData)).noneMatch(k -> k.contains("/."));
        }
    }

    /** Folders and keys share a page's places: one at a time, the walk still finds each once, in key order. */
    @Test
    void aWindowedListingPagedOneEntryAtATimeFindsTheSameObjects() {
        ReadOptions read = serial().withWindow(DAY_26.minusSeconds(3 * 86_400), DAY_26.plusSeconds(3 * 86_400));
        List<String> wide;
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(List.of("s3://" + BUCKET), HuntFixture.options(sim, read))) {
            wide = aws.inputs().stream().map(LogInput::name).toList();
        }
        SimLogData logData = SimLogData.at(data);
        try (AwsSimulator sim = HuntFixture.start(
                        logData, SimOptions.builder().maxPageSize(1).build());
                AwsLogInputs aws = AwsLogInputs.resolve(List.of("s3://" + BUCKET), HuntFixture.options(sim, read))) {
            assertThat(aws.inputs()).extracting(LogInput::name).isEqualTo(wide);
            assertThat(wide)
                    .hasSize(keys.size() - 3)
                    .isSorted()
                    .containsExactlyElementsOf(keys.stream()
                            .filter(k -> k.startsWith("AWSLogs/") && !k.contains("Digest") && !k.contains("Config"))
                            .map(k -> "s3://" + BUCKET + "/" + k)
                            .toList());
            assertThat(logData.requests())
                    .filteredOn(r -> r.operation().equals("ListObjectsV2"))
                    .hasSizeGreaterThan(keys.size());
        }
    }

    @Test
    void aDeniedObjectIsAProblemAndTheRestIsRead() throws IOException {
        String denied = HuntFixture.key(REGION, "prod-dw", "connectionlog", DAY_26.plusSeconds(18 * 3600));
        SimLogData logData = SimLogData.at(data).denyObject(BUCKET, denied);
        try (AwsSimulator sim = HuntFixture.start(logData, SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of("s3://" + BUCKET + "/AWSLogs/"), HuntFixture.options(sim, serial()))) {
            HuntFixture.Read s3 = HuntFixture.read(aws.inputs(), serial());
            assertThat(s3.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNREADABLE);
                assertThat(p.origin().file()).isEqualTo("s3://" + BUCKET + "/" + denied);
                assertThat(p.message())
                        .isEqualTo("cannot read s3://" + BUCKET + "/" + denied
                                + ": s3:GetObject failed: AccessDenied: Access Denied (HTTP 403)");
            });
            assertThat(s3.summary().skippedFiles()).containsEntry("unreadable", 1L);
            HuntFixture.Read disk = fromDisk(serial());
            assertThat(HuntFixture.normalized(s3.events(), this::relative))
                    .isEqualTo(HuntFixture.normalized(
                            disk.events().stream()
                                    .filter(e -> !e.origin().file().endsWith(denied))
                                    .toList(),
                            this::relative));
        }
    }

    /**
     * A prefix without an object (a mistyped account) is a problem, not a clean read of nothing; a window that
     * leaves every folder out is not: there were logs, none of them in it.
     */
    @Test
    void aPrefixWithoutAnObjectIsAProblemAWindowBesideTheLogsIsNot() {
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults())) {
            String typo = "s3://" + BUCKET + "/AWSLogs/12345678901/";
            try (AwsLogInputs aws = AwsLogInputs.resolve(List.of(typo), HuntFixture.options(sim, serial()))) {
                assertThat(aws.inputs()).isEmpty();
                assertThat(aws.problems()).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(ReadProblem.Kind.EMPTY);
                    assertThat(p.message()).isEqualTo(typo + ": nothing to read there (no object); check the name");
                });
            }
            ReadOptions later = serial().withWindow(Instant.parse("2030-01-01T00:00:00Z"), null);
            try (AwsLogInputs aws =
                    AwsLogInputs.resolve(List.of("s3://" + BUCKET + "/AWSLogs/"), HuntFixture.options(sim, later))) {
                assertThat(aws.inputs()).isEmpty();
                assertThat(aws.problems()).isEmpty();
            }
        }
    }

    /**
     * Firehose's objects of CloudWatch Logs envelopes follow neither naming: left out by the listing, unless --type
     * asks for objects named otherwise, and then each envelope is read as its log group's log.
     */
    @Test
    void firehoseObjectsOfCloudWatchEnvelopesAreReadWithType() throws IOException {
        String key = "firehose/2023/06/26/18/audit-stream-1-2023-06-26-18-00-00-0a1b2c3d";
        StringBuilder envelope = new StringBuilder("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"" + ACCOUNT
                + "\",\"logGroup\":\"/aws/redshift/cluster/prod-dw/connectionlog\",\"logEvents\":[");
        List<HuntFixture.Record> records = HuntFixture.connections(DAY_26.plusSeconds(18 * 3600), 5, "erin");
        for (int i = 0; i < records.size(); i++) {
            envelope.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(i)
                    .append("\",\"timestamp\":0,\"message\":")
                    .append(new ObjectMapper().writeValueAsString(records.get(i).text()))
                    .append('}');
        }
        HuntFixture.putObject(
                data, "firehose-bucket", key, envelope.append("]}").toString());
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults())) {
            try (AwsLogInputs aws = AwsLogInputs.resolve(
                    List.of("s3://firehose-bucket/firehose/"), HuntFixture.options(sim, serial()))) {
                assertThat(aws.inputs()).isEmpty();
                assertThat(aws.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNKNOWN_TYPE));
            }
            ReadOptions typed = serial().withType(LogType.USER_LOG);
            try (AwsLogInputs aws =
                    AwsLogInputs.resolve(List.of("s3://firehose-bucket/firehose/"), HuntFixture.options(sim, typed))) {
                HuntFixture.Read r = HuntFixture.read(aws.inputs(), typed);
                assertThat(r.summary().problems()).isEmpty();
                // the envelope's group says connection log, whatever --type says for every input
                assertThat(r.events()).hasSize(5).allSatisfy(e -> {
                    assertThat(e.type()).isEqualTo(LogType.CONNECTION_LOG);
                    assertThat(e.cluster()).isEqualTo("prod-dw");
                    assertThat(e.account()).isEqualTo(ACCOUNT);
                    assertThat(e.user()).isEqualTo("erin");
                });
            }
        }
    }

    /** Listed whole, and (with a window) a folder at a time, several at once. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aMissingOrDeniedBucketIsAProblemAndOtherArgumentsAreRead(boolean window) {
        ReadOptions read = window ? serial().withWindow(DAY_26.minusSeconds(3 * 86_400), null) : serial();
        try (AwsSimulator sim =
                HuntFixture.start(SimLogData.at(data).denyBucket("locked-bucket"), SimOptions.defaults())) {
            HuntFixture.write(data.resolve("s3/locked-bucket/x"), new byte[1]);
            try (AwsLogInputs aws = AwsLogInputs.resolve(
                    List.of("s3://no-such-bucket/AWSLogs/", "s3://locked-bucket", "s3://" + BUCKET + "/AWSLogs/"),
                    HuntFixture.options(sim, read))) {
                assertThat(aws.problems())
                        .filteredOn(p -> p.kind() == ReadProblem.Kind.UNREADABLE)
                        .extracting(ReadProblem::message)
                        .containsExactly(
                                "cannot list s3://no-such-bucket/AWSLogs/: s3:ListBucket failed: NoSuchBucket: The specified"
                                        + " bucket does not exist (HTTP 404)",
                                "cannot list s3://locked-bucket/: s3:ListBucket failed: AccessDenied: Access Denied"
                                        + " (HTTP 403)");
                // the digest under AWSLogs/ is left out without a problem
                assertThat(aws.problems())
                        .extracting(p -> p.origin().file())
                        .containsExactly("s3://no-such-bucket/AWSLogs/", "s3://locked-bucket/");
                assertThat(aws.inputs()).hasSize(keys.size() - 3);
                assertThat(HuntFixture.read(aws.inputs(), serial()).summary().problems())
                        .isEmpty();
            }
        }
    }

    @Test
    void anObjectStillThrottledAfterTheRetriesIsAProblem() {
        String throttled = HuntFixture.key(REGION, "prod-dw", "userlog", DAY_26.plusSeconds(10 * 3600));
        SimLogData logData = SimLogData.at(data).throttleObject(BUCKET, throttled);
        try (AwsSimulator sim = HuntFixture.start(logData, SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of("s3://" + BUCKET + "/AWSLogs/"), HuntFixture.options(sim, serial()))) {
            HuntFixture.Read s3 = HuntFixture.read(aws.inputs(), serial());
            assertThat(s3.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.origin().file()).isEqualTo("s3://" + BUCKET + "/" + throttled);
                assertThat(p.message()).contains("s3:GetObject failed: SlowDown: Please reduce your request rate.");
            });
            assertThat(logData.requests().stream()
                            .filter(r -> r.target().endsWith(throttled))
                            .count())
                    .as("the SDK retried before giving up")
                    .isGreaterThan(1);
            assertThat(s3.summary().perType()).containsKey(LogType.CONNECTION_LOG);
        }
    }

    @Test
    void argumentsThatAreNotAwsLocationsAreRefusedBeforeAnyCall() {
        assertThat(AwsLogInputs.handles("s3://b/p")).isTrue();
        assertThat(AwsLogInputs.handles("cloudwatch:/aws/redshift/cluster/c/connectionlog"))
                .isTrue();
        assertThat(AwsLogInputs.handles("./logs")).isFalse();
        AwsLogOptions options = AwsLogOptions.of(serial()).withRegion(REGION);
        assertThatThrownBy(() -> AwsLogInputs.resolve(List.of("s3://"), options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an S3 location: 's3://'");
        assertThatThrownBy(() -> AwsLogInputs.resolve(List.of("s3://Bad_Bucket/x"), options))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsLogInputs.resolve(List.of("cloudwatch:"), options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CloudWatch Logs group");
        assertThatThrownBy(() -> AwsLogInputs.resolve(List.of("logs/"), options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an AWS input");
    }
}
