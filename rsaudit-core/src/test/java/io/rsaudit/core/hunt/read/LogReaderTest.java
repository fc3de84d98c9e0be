package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {

    @TempDir
    Path dir;

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(ConnectionLogParserTest.AUTHENTICATED.replace("51432", String.valueOf(i)))
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void concatenatedGzipMembersAreAllRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Logs.gzip(Logs.utf8(lines(0, 10))));
        out.write(Logs.gzip(Logs.utf8(lines(10, 25))));
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("connectionlog"), out.toByteArray()));
        assertThat(r.events()).hasSize(25);
        assertThat(r.events().get(24).fields()).containsEntry("remoteport", "24");
        assertThat(r.events().get(24).origin().line()).isEqualTo(25);
        assertThat(r.summary().problems()).isEmpty();
    }

    /**
     * A network stream (an S3 object) says nothing is available while the next bytes are on the way; the JDK's gzip
     * stream took that for the end of the input and dropped every member after the first without a word.
     */
    @Test
    void concatenatedGzipMembersAreAllReadFromAStreamThatNeverSaysWhatIsAvailable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Logs.gzip(Logs.utf8(lines(0, 10))));
        int first = out.size();
        out.write(Logs.gzip(Logs.utf8(lines(10, 25))));
        Logs.Read r = Logs.read(
                List.of(network(Logs.name("connectionlog"), out.toByteArray(), first)),
                ReadOptions.defaults().withParallelism(1));
        assertThat(r.events()).hasSize(25);
        assertThat(r.summary().problems()).isEmpty();
    }

    @Test
    void bytesAfterTheLastGzipMemberAreReportedNotIgnored() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Logs.gzip(Logs.utf8(lines(0, 10))));
        out.write(Logs.utf8("this is not gzip\n"));
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("connectionlog"), out.toByteArray()));
        assertThat(r.events()).hasSize(10);
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.TRUNCATED_GZIP);
            assertThat(p.message())
                    .startsWith("corrupt gzip stream (bytes after the last complete gzip member are not gzip)");
            assertThat(p.origin().line()).isEqualTo(11);
        });
    }

    /**
     * An input whose stream, like a socket's, never says any bytes are available, and whose first read ends where
     * {@code firstPacket} bytes end (a packet boundary).
     */
    private static LogInput network(String name, byte[] bytes, int firstPacket) {
        return new Logs.Memory(
                name, bytes, LogInput.Known.NONE, b -> new FilterInputStream(new ByteArrayInputStream(b)) {
                    private int read;

                    @Override
                    public int read(byte[] into, int off, int len) throws IOException {
                        int n = super.read(into, off, read < firstPacket ? Math.min(len, firstPacket - read) : len);
                        read += Math.max(n, 0);
                        return n;
                    }

                    @Override
                    public int available() {
                        return 0;
                    }
                });
    }

    @Test
    void aTruncatedGzipKeepsEveryRecordBeforeTheBreak() {
        byte[] whole = Logs.gzip(Logs.utf8(lines(0, 2000)));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("connectionlog"), cut));
        assertThat(r.events()).isNotEmpty().hasSizeLessThan(2000);
        for (int i = 0; i < r.events().size(); i++) {
            assertThat(r.events().get(i).fields().get("remoteport")).isEqualTo(String.valueOf(i));
        }
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.TRUNCATED_GZIP);
            assertThat(p.message()).startsWith("truncated gzip stream");
            assertThat(p.origin().line()).isEqualTo(r.events().size() + 1);
        });
    }

    /**
     * --since/--until leave out, unread, a file whose name's time lies more than a day outside the window; a file
     * within a day of it is read (its records are filtered one by one), and a name without a time is never left out.
     */
    @Test
    void filesWhoseNameLiesWhollyOutsideTheWindowAreNotRead() throws IOException {
        Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(lines(0, 4))); // named 2023-06-26T18:00
        Path unnamed = dir.resolve("conn.txt");
        Files.writeString(unnamed, lines(0, 2));
        List<LogInput> inputs =
                new ArrayList<>(LocalFiles.walk(dir.resolve("AWSLogs")).inputs());
        inputs.add(LogInput.of(unnamed));
        ReadOptions connections = ReadOptions.defaults().withType(LogType.CONNECTION_LOG);

        Logs.Read later = Logs.read(inputs, connections.withWindow(Instant.parse("2023-06-28T00:00:00Z"), null));
        assertThat(later.summary().skippedFiles()).containsEntry("since", 1L);
        Logs.Read earlier = Logs.read(inputs, connections.withWindow(null, Instant.parse("2023-06-25T00:00:00Z")));
        assertThat(earlier.summary().skippedFiles()).containsEntry("until", 1L);
        Logs.Read nearBy = Logs.read(inputs, connections.withWindow(Instant.parse("2023-06-27T00:00:00Z"), null));
        assertThat(nearBy.summary().skippedFiles()).doesNotContainKeys("since", "until");
        // what the window left out was not asked for: nothing asked for is unread
        assertThat(later.summary().partial()).isFalse();
        assertThat(earlier.summary().partial()).isFalse();
    }

    /**
     * A log-archive bucket holds other services' logs beside CloudTrail's and Redshift's ({@code AWSLogs/<acct>/
     * Config/...}, {@code vpcflowlogs/...}): left out and counted, not problems; Redshift's and CloudTrail's folders
     * are read.
     */
    @Test
    void otherServicesFilesInALogArchiveAreLeftOutAndCounted() throws IOException {
        Path account = dir.resolve("o-abcdefghij/AWSLogs/o-abcdefghij/111122223333");
        Path config = Files.createDirectories(account.resolve("Config/us-east-2/2026/11/3/ConfigHistory"));
        Files.write(
                config.resolve("111122223333_Config_us-east-2_ConfigHistory_AWS::S3::Bucket_20261103T010000Z.json.gz"),
                Logs.gzip(Logs.utf8("{\"fileVersion\":\"1.0\",\"configurationItems\":[]}")));
        Path flow = Files.createDirectories(account.resolve("vpcflowlogs/us-east-2/2026/11/03"));
        Files.writeString(flow.resolve("111122223333_vpcflowlogs_us-east-2_fl-0123_20261103T0100Z_ab12.log"), "2 x\n");
        Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(lines(0, 2)));
        List<LogInput> inputs =
                new ArrayList<>(LocalFiles.walk(dir.resolve("o-abcdefghij")).inputs());
        inputs.addAll(LocalFiles.walk(dir.resolve("AWSLogs")).inputs());
        ReadSummary s = Logs.read(inputs, ReadOptions.defaults()).summary();
        assertThat(s.skippedFiles()).isEqualTo(java.util.Map.of(ReadSummary.OTHER_SERVICE, 2L));
        assertThat(s.problems()).isEmpty();
        assertThat(s.events()).isEqualTo(2);
        assertThat(s.partial()).isFalse();
    }

    /**
     * CloudWatch Logs' subscription envelopes as Firehose writes them to S3 (a gzip member each, one after another,
     * under a name that says nothing): each data envelope read as its group's log, the account its owner's;
     * CloudWatch's control message holds none; an envelope whose group and messages say no type is a problem.
     */
    @Test
    void cloudWatchSubscriptionEnvelopesAreReadAsTheirGroupsLogs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode control = json.createObjectNode()
                .put("messageType", "CONTROL_MESSAGE")
                .put("owner", "CloudwatchLogs")
                .put("logGroup", "")
                .put("logStream", "");
        control.putArray("logEvents")
                .addObject()
                .put("id", "")
                .put("timestamp", 1)
                .put("message", "CWL CONTROL MESSAGE: Checking health of destination Firehose.");
        out.write(Logs.gzip(Logs.utf8(json.writeValueAsString(control))));
        ObjectNode connections = json.createObjectNode()
                .put("messageType", "DATA_MESSAGE")
                .put("owner", "210987654321")
                .put("logGroup", "/aws/redshift/cluster/analytics/connectionlog")
                .put("logStream", "analytics");
        ArrayNode events = connections.putArray("logEvents");
        for (String line : lines(0, 3).split("\n")) {
            events.addObject().put("id", "1").put("timestamp", 1).put("message", line);
        }
        out.write(Logs.gzip(Logs.utf8(json.writeValueAsString(connections))));
        ObjectNode trail = json.createObjectNode()
                .put("messageType", "DATA_MESSAGE")
                .put("owner", "210987654321")
                .put("logGroup", "aws-cloudtrail-logs-210987654321-0a1b2c3d");
        trail.putArray("logEvents").addObject().put("message", CloudTrailParserTest.DENIED.replace("\n", ""));
        out.write(Logs.gzip(Logs.utf8(json.writeValueAsString(trail))));
        ObjectNode app = json.createObjectNode()
                .put("messageType", "DATA_MESSAGE")
                .put("owner", "210987654321")
                .put("logGroup", "/app/web");
        app.putArray("logEvents").addObject().put("message", "GET / 200");
        out.write(Logs.gzip(Logs.utf8(json.writeValueAsString(app))));
        Path firehose = Files.write(dir.resolve("audit-stream-1-2026-11-03-10-00-00-0a1b2c3d"), out.toByteArray());

        Logs.Read r = Logs.read(firehose, ReadOptions.defaults());
        assertThat(r.events()).hasSize(4);
        assertThat(r.events().subList(0, 3)).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(LogType.CONNECTION_LOG);
            assertThat(e.account()).isEqualTo("210987654321");
            assertThat(e.cluster()).isEqualTo("analytics");
            assertThat(e.origin().file()).isEqualTo(firehose + "#envelope 1");
        });
        assertThat(r.events().get(2).origin().line()).isEqualTo(3);
        assertThat(r.events().get(3).action()).isEqualTo("cloudtrail:StopLogging");
        assertThat(r.summary().perType())
                .isEqualTo(java.util.Map.of(LogType.CONNECTION_LOG, 3L, LogType.CLOUDTRAIL, 1L));
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNKNOWN_TYPE);
            assertThat(p.message()).startsWith("envelope 3 (log group /app/web): cannot tell its log type");
        });
        // cut in the middle of the trail's envelope: the envelopes before it are kept, and the break is reported
        byte[] whole = out.toByteArray();
        int trailEnds = whole.length - Logs.gzip(Logs.utf8(json.writeValueAsString(app))).length;
        Path cut = Files.write(dir.resolve("cut-1-2026-11-03-10-00-00-0a1b2c3d"), Arrays.copyOf(whole, trailEnds - 20));
        Logs.Read partial = Logs.read(cut, ReadOptions.defaults());
        assertThat(partial.events()).hasSize(3);
        assertThat(partial.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.TRUNCATED_GZIP);
            assertThat(p.message()).contains("envelope 2");
        });
    }

    /** A trail's Insights files hold CloudTrail records; their name says account, region and time, as a log's does. */
    @Test
    void cloudTrailInsightsFilesAreReadAsCloudTrail() throws IOException {
        String name = "111122223333_CloudTrail-Insight_us-east-2_20261103T0100Z_InSiGhT0123456789.json.gz";
        assertThat(LogFileName.of(name))
                .isEqualTo(new LogFileName(
                        LogType.CLOUDTRAIL, "111122223333", "us-east-2", null, Instant.parse("2026-11-03T01:00:00Z")));
        Path folder =
                Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail-Insight/us-east-2/2026/11/03"));
        Files.write(
                folder.resolve(name),
                Logs.gzip(Logs.utf8("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-11-03T00:58:00Z\","
                        + "\"awsRegion\":\"us-east-2\",\"eventID\":\"a0b1c2d3-1111-2222-3333-444455556666\","
                        + "\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\"111122223333\","
                        + "\"insightDetails\":{\"state\":\"Start\",\"eventSource\":\"redshift.amazonaws.com\","
                        + "\"eventName\":\"AuthorizeSnapshotAccess\",\"insightType\":\"ApiCallRateInsight\"},"
                        + "\"eventCategory\":\"Insight\"}]}")));
        Logs.Read r = Logs.read(LocalFiles.walk(dir.resolve("AWSLogs")).inputs(), ReadOptions.defaults());
        assertThat(r.summary().problems()).isEmpty();
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LogType.CLOUDTRAIL);
            assertThat(e.account()).isEqualTo("111122223333");
            assertThat(e.fields().get("insightDetails.eventName")).isEqualTo("AuthorizeSnapshotAccess");
        });
    }

    /**
     * A trail's bucket holds, beside its logs, the digest files of log file validation (JSON without records): each
     * is left out and counted, not a problem, even when every input is read as CloudTrail; so is any file in the
     * digests' folder, and a file named as a digest anywhere. A file that is neither is still looked at.
     */
    @Test
    void cloudTrailDigestFilesAreLeftOutAndCountedNotProblems() throws IOException {
        String digest = "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-11-03T00:00:00Z\","
                + "\"digestEndTime\":\"2026-11-03T01:00:00Z\",\"logFiles\":[]}";
        Path folder =
                Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2026/11/03"));
        Files.write(
                folder.resolve("111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20261103T010000Z.json.gz"),
                Logs.gzip(Logs.utf8(digest)));
        Files.writeString(folder.resolve("notes.txt"), digest);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(
                elsewhere.resolve(
                        "111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20261103T020000Z_backfill.json"),
                digest);
        Files.writeString(elsewhere.resolve("111122223333_CloudTrail-Digest.txt"), digest);
        List<LogInput> inputs =
                new ArrayList<>(LocalFiles.walk(dir.resolve("AWSLogs")).inputs());
        inputs.addAll(LocalFiles.walk(elsewhere).inputs());
        for (ReadOptions options :
                List.of(ReadOptions.defaults(), ReadOptions.defaults().withType(LogType.CLOUDTRAIL))) {
            ReadSummary s = Logs.read(inputs, options).summary();
            assertThat(s.skippedFiles()).containsEntry(ReadSummary.CLOUDTRAIL_DIGEST, 3L);
            assertThat(s.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.origin().file()).endsWith("111122223333_CloudTrail-Digest.txt"));
            assertThat(s.partial()).isTrue();
        }
        assertThat(
                        LogFileName.holdsNoRecords(
                                "s3://b/AWSLogs/o-abcdefghij/111122223333/CloudTrail-Digest/us-east-2/"
                                        + "2026/11/03/111122223333_CloudTrail-Digest_us-east-2_org-trail_us-east-1_20261103T010000Z.json.gz"))
                .isEqualTo(ReadSummary.CLOUDTRAIL_DIGEST);
        assertThat(LogFileName.holdsNoRecords("AWSLogs/111122223333/CloudTrail/us-east-2/2026/11/03/"
                        + "111122223333_CloudTrail_us-east-2_20261103T0100Z_Ab12.json.gz"))
                .isNull();
    }

    @Test
    void forcedTypeReadsOddlyNamedFilesAndFiltersDropByName() throws IOException {
        Path odd = dir.resolve("conn.txt");
        Files.writeString(odd, lines(0, 3));
        assertThat(Logs.read(List.of(LogInput.of(odd)), ReadOptions.defaults().withType(LogType.CONNECTION_LOG))
                        .events())
                .hasSize(3);

        Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(lines(0, 4)));
        Logs.Read r = Logs.read(
                LocalFiles.walk(dir.resolve("AWSLogs")).inputs(),
                ReadOptions.defaults().withClusters(Set.of("other")));
        assertThat(r.events()).isEmpty();
        assertThat(r.summary().skippedFiles()).containsEntry("cluster", 1L);
        Logs.Read kept = Logs.read(
                LocalFiles.walk(dir.resolve("AWSLogs")).inputs(),
                ReadOptions.defaults().withClusters(Set.of("prod-dw")).withAccounts(Set.of(Logs.ACCOUNT)));
        assertThat(kept.events()).hasSize(4);
    }

    @Test
    void parallelReadsGiveTheSameSummaryAsSerialOnes() {
        for (int f = 0; f < 6; f++) {
            String name = Logs.name("connectionlog").replace("18:00", "18:0" + f);
            Logs.write(dir, name, Logs.gzip(Logs.utf8(lines(0, 500) + "bad line " + f + "\n")));
        }
        List<LogInput> inputs;
        try {
            inputs = LocalFiles.walk(dir).inputs();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Logs.Read serial = Logs.read(inputs, ReadOptions.defaults().withParallelism(1));
        Logs.Read parallel = Logs.read(inputs, ReadOptions.defaults().withParallelism(3));
        assertThat(parallel.summary()).isEqualTo(serial.summary());
        assertThat(serial.summary().events()).isEqualTo(3000);
        assertThat(serial.summary().malformed()).isEqualTo(6);
        assertThat(serial.summary().perType()).containsEntry(LogType.CONNECTION_LOG, 3006L);
        assertThat(parallel.events()).hasSize(3000);
        assertThat(serial.summary().problems())
                .extracting(p -> p.origin().file())
                .isSortedAccordingTo(String::compareTo);
    }

    @Test
    void problemDetailsAreBoundedButAllCounted() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            b.append("junk ").append(i).append('\n');
        }
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(b.toString())));
        assertThat(r.summary().problemCount()).isEqualTo(250);
        assertThat(r.summary().problems()).hasSize(101);
        assertThat(r.summary().problems().get(100).message()).startsWith("and 150 more problem(s) in ");
    }

    @Test
    void anUnreadableFileIsAProblemNotAFailure() {
        LogInput broken =
                new Logs.Memory("s3://bucket/" + Logs.name("connectionlog"), new byte[0], LogInput.Known.NONE, b -> {
                    throw new IOException("Access Denied");
                });
        Logs.Read r = Logs.read(List.of(broken), ReadOptions.defaults());
        assertThat(r.summary().skippedFiles()).containsEntry("unreadable", 1L);
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNREADABLE);
            assertThat(p.message()).contains("Access Denied");
        });
        List<Event> none = r.events();
        assertThat(none).isEmpty();
    }
    /** An input named by no pattern the reader knows, which knows its log from where it came. */
    private static LogInput knowing(String name, byte[] content, LogInput.Known known) {
        return new Logs.Memory(name, content, known, ByteArrayInputStream::new);
    }

    @Test
    void whatAnInputKnowsTypesItAndFillsTheEventsAndTheFilters() {
        byte[] content = Logs.utf8(lines(0, 3));
        LogInput.Known known = new LogInput.Known(LogType.CONNECTION_LOG, "210987654321", "eu-west-1", "analytics");
        LogInput input = knowing("cloudwatch:/aws/redshift/analytics/connectionlog/stream-1", content, known);
        Logs.Read r = Logs.read(List.of(input), ReadOptions.defaults());
        assertThat(r.summary().problems()).isEmpty();
        assertThat(r.events()).hasSize(3).allSatisfy(e -> {
            assertThat(e.account()).isEqualTo("210987654321");
            assertThat(e.region()).isEqualTo("eu-west-1");
            assertThat(e.cluster()).isEqualTo("analytics");
            assertThat(e.origin().file()).isEqualTo("cloudwatch:/aws/redshift/analytics/connectionlog/stream-1");
        });
        Logs.Read other = Logs.read(List.of(input), ReadOptions.defaults().withAccounts(Set.of(Logs.ACCOUNT)));
        assertThat(other.summary().skippedFiles()).containsEntry("account", 1L);
        assertThat(other.events()).isEmpty();

        // without what it knows, the same input is of no known type
        Logs.Read unknown =
                Logs.read(List.of(knowing(input.name(), content, LogInput.Known.NONE)), ReadOptions.defaults());
        assertThat(unknown.summary().skippedFiles()).containsEntry("unknown-type", 1L);
        // a known value wins over the name; fields it leaves null come from the name
        Logs.Read named = Logs.read(
                List.of(knowing(
                        "s3://b/" + Logs.name("connectionlog"),
                        content,
                        new LogInput.Known(null, null, null, "renamed"))),
                ReadOptions.defaults());
        assertThat(named.events()).hasSize(3).allSatisfy(e -> {
            assertThat(e.cluster()).isEqualTo("renamed");
            assertThat(e.account()).isEqualTo(Logs.ACCOUNT);
        });
    }

    @Test
    void problemsAndSkipsFromBeforeReadingAreCountedFirst() {
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(lines(0, 2) + "junk\n")));
        ReadProblem listing = new ReadProblem(
                new io.rsaudit.core.hunt.Origin("s3://b/p", 0, 0), ReadProblem.Kind.UNREADABLE, "cannot list s3://b/p");
        ReadSummary s = r.summary()
                .including(
                        java.util.Map.of("since", 4L, "unknown-type", 2L),
                        java.util.Map.of("region", 3L),
                        List.of(listing));
        assertThat(s.problemCount()).isEqualTo(2);
        assertThat(s.problems()).hasSize(2).first().isEqualTo(listing);
        assertThat(s.skippedFiles()).containsEntry("since", 4L).containsEntry("unknown-type", 2L);
        assertThat(s.skippedFolders()).isEqualTo(java.util.Map.of("region", 3L));
        assertThat(s.partial()).isTrue();
        assertThat(s.events()).isEqualTo(2);
        assertThat(s.files()).isEqualTo(1);
        assertThat(r.summary().including(java.util.Map.of(), java.util.Map.of(), List.of()))
                .isEqualTo(r.summary());
        // folders left out by the filters or holding no records leave nothing asked for unread; any other does
        ReadSummary clean =
                new ReadSummary(0, Map.of(), Map.of(), 0, 0, 0, 0, Map.of(), 0, null, null, Map.of(), 0, List.of());
        assertThat(clean.partial()).isFalse();
        assertThat(clean.including(Map.of(), Map.of("region", 1L, "other-service", 2L), List.of())
                        .partial())
                .isFalse();
        assertThat(clean.including(Map.of(), Map.of("unreadable", 1L), List.of())
                        .partial())
                .isTrue();
    }
}
