package io.rsaudit.aws.hunt;

import static io.rsaudit.aws.hunt.HuntFixture.ACCOUNT;
import static io.rsaudit.aws.hunt.HuntFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimLogData;
import io.rsaudit.testkit.sim.SimOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudwatch:} inputs through the simulator's CloudWatch Logs and the real SDK client: each stream's events
 * read equal those of the same records in a file named as Redshift names its S3 objects (the messages carry the same
 * lines), across pages and within a window; a missing or denied group is a problem naming it and the action.
 */
class CloudWatchInputsTest {

    static final Instant HOUR = Instant.parse("2023-06-26T18:00:00Z");
    static final String PROVISIONED = "/aws/redshift/cluster/prod-dw/connectionlog";
    static final String SERVERLESS = "/aws/redshift/default/useractivitylog";

    @TempDir
    Path data;

    @TempDir
    Path disk;

    final List<HuntFixture.Record> first = HuntFixture.connections(HOUR, 25, "alice");
    final List<HuntFixture.Record> second = HuntFixture.connections(HOUR.plusSeconds(600), 15, "bob");
    final List<HuntFixture.Record> activity = HuntFixture.activity(HOUR, 20);

    @BeforeEach
    void writeLogs() {
        HuntFixture.putStream(data, REGION, PROVISIONED, "prod-dw-1", first);
        HuntFixture.putStream(data, REGION, PROVISIONED, "prod-dw-2", second);
        HuntFixture.putStream(data, REGION, SERVERLESS, "default", activity);
        HuntFixture.putStream(data, "eu-west-1", PROVISIONED, "prod-dw-1", first.subList(0, 3));
    }

    /** The same records in a file named as Redshift names its S3 objects, read from disk. */
    private HuntFixture.Read fromDisk(
            String cluster, String logType, List<HuntFixture.Record> records, ReadOptions read) {
        Path file = HuntFixture.write(
                disk.resolve(logType)
                        .resolve(HuntFixture.key(REGION, cluster, logType, HOUR).replaceAll(".*/", "")),
                HuntFixture.text(records).getBytes(StandardCharsets.UTF_8));
        return HuntFixture.read(List.of(LogInput.of(file)), read);
    }

    private static List<Event> sameOrigin(List<Event> events) {
        return HuntFixture.normalized(events, f -> "log");
    }

    private static ReadOptions serial() {
        return ReadOptions.defaults().withParallelism(1);
    }

    @Test
    void eachStreamReadsTheEventsOfTheSameRecordsOnDisk() {
        SimLogData logData = SimLogData.at(data);
        try (AwsSimulator sim = HuntFixture.start(
                        logData, SimOptions.builder().maxPageSize(4).build());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of("cloudwatch:" + PROVISIONED, "cloudwatch:" + SERVERLESS),
                        HuntFixture.options(sim, serial()))) {
            assertThat(aws.inputs())
                    .extracting(LogInput::name)
                    .containsExactly(
                            "cloudwatch:" + PROVISIONED + "/prod-dw-1",
                            "cloudwatch:" + PROVISIONED + "/prod-dw-2",
                            "cloudwatch:" + SERVERLESS + "/default");
            assertThat(aws.inputs())
                    .extracting(LogInput::known)
                    .containsExactly(
                            new LogInput.Known(LogType.CONNECTION_LOG, ACCOUNT, REGION, "prod-dw"),
                            new LogInput.Known(LogType.CONNECTION_LOG, ACCOUNT, REGION, "prod-dw"),
                            new LogInput.Known(LogType.USER_ACTIVITY_LOG, ACCOUNT, REGION, "default"));
            List<Event> one =
                    HuntFixture.read(aws.inputs().subList(0, 1), serial()).events();
            List<Event> two =
                    HuntFixture.read(aws.inputs().subList(1, 2), serial()).events();
            HuntFixture.Read three = HuntFixture.read(aws.inputs().subList(2, 3), serial());
            assertThat(sameOrigin(one))
                    .isEqualTo(sameOrigin(fromDisk("prod-dw", "connectionlog", first, serial())
                            .events()));
            assertThat(sameOrigin(two))
                    .isEqualTo(sameOrigin(fromDisk("prod-dw", "connectionlog", second, serial())
                            .events()));
            // multi-line queries arrive as one event each and read as one record each, redacted alike
            assertThat(three.summary().problems()).isEmpty();
            assertThat(three.events()).hasSize(20);
            assertThat(sameOrigin(three.events()))
                    .isEqualTo(sameOrigin(fromDisk("default", "useractivitylog", activity, serial())
                            .events()));
            assertThat(three.events().get(0).sql()).doesNotContain("Secret0x");
            assertThat(one)
                    .allSatisfy(
                            e -> assertThat(e.origin().file()).isEqualTo("cloudwatch:" + PROVISIONED + "/prod-dw-1"));
            // 25 events in pages of 4: 7 calls for the first stream
            assertThat(logData.requests().stream()
                            .filter(r -> r.operation().equals("FilterLogEvents")
                                    && r.target().equals(PROVISIONED)))
                    .hasSize(7 + 4);
        }
    }

    /** A group without a stream (logging never reached it, or a mistyped name that exists) is nothing to read. */
    @Test
    void aGroupWithoutAStreamIsAProblem() throws Exception {
        String quiet = "/aws/redshift/cluster/idle-dw/userlog";
        Files.createDirectories(data.resolve("cloudwatch").resolve(REGION).resolve(quiet.substring(1)));
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults());
                AwsLogInputs aws =
                        AwsLogInputs.resolve(List.of("cloudwatch:" + quiet), HuntFixture.options(sim, serial()))) {
            assertThat(aws.inputs()).isEmpty();
            assertThat(aws.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ReadProblem.Kind.EMPTY);
                assertThat(p.message())
                        .isEqualTo("cloudwatch:" + quiet + ": nothing to read there (no log stream); check the name");
            });
        }
    }

    /** A trail that sends its events to CloudWatch Logs: each message is one record, read with --type cloudtrail. */
    @Test
    void aTrailsGroupReadsAsCloudTrailWithItsType() {
        String trail = "aws-cloudtrail-logs-123456789012-0a1b2c3d";
        List<HuntFixture.Record> records = List.of(
                new HuntFixture.Record(
                        HOUR,
                        "{\"eventVersion\":\"1.08\",\"eventTime\":\"2023-06-26T18:00:00Z\","
                                + "\"eventSource\":\"redshift.amazonaws.com\",\"eventName\":\"DisableLogging\","
                                + "\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\"123456789012\","
                                + "\"requestParameters\":{\"clusterIdentifier\":\"prod-dw\"}}"),
                new HuntFixture.Record(
                        HOUR.plusSeconds(60),
                        "{\"eventVersion\":\"1.08\",\"eventTime\":\"2023-06-26T18:01:00Z\","
                                + "\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
                                + "\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\"123456789012\"}"));
        HuntFixture.putStream(data, REGION, "/" + trail, "123456789012_CloudTrail_us-east-1", records);
        ReadOptions read = serial().withType(LogType.CLOUDTRAIL);
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults());
                AwsLogInputs aws =
                        AwsLogInputs.resolve(List.of("cloudwatch:" + trail), HuntFixture.options(sim, read))) {
            HuntFixture.Read r = HuntFixture.read(aws.inputs(), read);
            assertThat(r.summary().problems()).isEmpty();
            assertThat(r.events())
                    .extracting(Event::action)
                    .containsExactly("redshift:DisableLogging", "cloudtrail:StopLogging");
            assertThat(r.events().get(0).cluster()).isEqualTo("prod-dw");
        }
    }

    @Test
    void theWindowIsAskedOfFilterLogEventsAndTheFiltersLeaveGroupsOut() {
        Instant since = HOUR.plusSeconds(300);
        Instant until = HOUR.plusSeconds(700);
        ReadOptions read = serial().withWindow(since, until).withClusters(Set.of("prod-dw"));
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of("cloudwatch:" + PROVISIONED, "cloudwatch:" + SERVERLESS),
                        HuntFixture.options(sim, read))) {
            assertThat(aws.sources().get(1).leftOut()).containsEntry("cluster", 1L);
            HuntFixture.Read r = HuntFixture.read(aws.inputs(), read);
            List<HuntFixture.Record> all = new ArrayList<>(first);
            all.addAll(second);
            long inWindow = all.stream()
                    .filter(x -> !x.time().isBefore(since) && x.time().isBefore(until))
                    .count();
            assertThat(inWindow).isPositive().isLessThan(all.size());
            assertThat(r.events()).hasSize((int) inWindow);
            // AWS sent only the window: nothing was read only to be filtered
            assertThat(r.summary().filteredTotal()).isZero();
            assertThat(r.events()).allSatisfy(e -> assertThat(e.time()).isBetween(since, until.minusMillis(1)));
        }
    }

    @Test
    void eachRegionAskedForIsListedAndNamedInTheInput() {
        ReadOptions read = serial().withRegions(Set.of("eu-west-1", REGION));
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data), SimOptions.defaults());
                AwsLogInputs aws =
                        AwsLogInputs.resolve(List.of("cloudwatch:" + PROVISIONED), HuntFixture.options(sim, read))) {
            assertThat(aws.inputs())
                    .extracting(LogInput::name)
                    .containsExactlyInAnyOrder(
                            "cloudwatch:eu-west-1:" + PROVISIONED + "/prod-dw-1",
                            "cloudwatch:" + REGION + ":" + PROVISIONED + "/prod-dw-1",
                            "cloudwatch:" + REGION + ":" + PROVISIONED + "/prod-dw-2");
            HuntFixture.Read r = HuntFixture.read(aws.inputs(), read);
            assertThat(r.events())
                    .filteredOn(e -> e.region().equals("eu-west-1"))
                    .hasSize(3);
            assertThat(r.events()).hasSize(3 + first.size() + second.size());
        }
    }

    @Test
    void aMissingOrDeniedGroupIsAProblemAndTheOthersAreRead() {
        try (AwsSimulator sim = HuntFixture.start(SimLogData.at(data).denyGroup(SERVERLESS), SimOptions.defaults());
                AwsLogInputs aws = AwsLogInputs.resolve(
                        List.of(
                                "cloudwatch:/aws/redshift/cluster/gone/userlog",
                                "cloudwatch:" + SERVERLESS,
                                "cloudwatch:/custom/group",
                                "cloudwatch:" + PROVISIONED),
                        HuntFixture.options(sim, serial()))) {
            assertThat(aws.problems())
                    .extracting(p -> p.origin().file())
                    .containsExactly(
                            "cloudwatch:/aws/redshift/cluster/gone/userlog",
                            "cloudwatch:" + SERVERLESS,
                            "cloudwatch:/custom/group");
            assertThat(aws.problems().get(0).message())
                    .isEqualTo("cannot list the streams of cloudwatch:/aws/redshift"
                            + "/cluster/gone/userlog in us-east-1: logs:DescribeLogStreams failed: ResourceNotFoundException:"
                            + " The specified log group does not exist. (HTTP 400)");
            assertThat(aws.problems().get(1).message())
                    .contains("logs:DescribeLogStreams failed: AccessDeniedException");
            assertThat(aws.problems().get(2).kind()).isEqualTo(ReadProblem.Kind.UNKNOWN_TYPE);
            assertThat(aws.problems().get(2).message()).contains("pass --type");
            assertThat(HuntFixture.read(aws.inputs(), serial()).events()).hasSize(first.size() + second.size());
        }
    }
}
