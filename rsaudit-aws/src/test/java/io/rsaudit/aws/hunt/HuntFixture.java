package io.rsaudit.aws.hunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimLogData;
import io.rsaudit.testkit.sim.SimOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Audit logs in Redshift's formats, written under Redshift's S3 names into a simulator's data folder, and the helpers
 * the hunt tests read them with: through the simulator (S3, CloudWatch) and straight from disk.
 */
final class HuntFixture {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String BUCKET = "audit-logs";
    static final Path ESTATE = Path.of("..", "examples", "estate");
    private static final DateTimeFormatter CONNECTION_TIME = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy HH:mm:ss:SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HuntFixture() {}

    /** One record: when, and its text (one line, or several for the activity log). */
    record Record(Instant time, String text) {}

    static List<Record> connections(Instant from, int count, String user) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant t = from.plusSeconds(37L * i);
            String event = i % 3 == 2 ? "authentication failure" : "authenticated";
            records.add(new Record(
                    t,
                    event + " |" + CONNECTION_TIME.format(t) + "|::ffff:10.0." + (i % 7) + "."
                            + (i % 200) + " |" + (40000 + i) + " |" + (1000 + i) + "|dev |" + user
                            + " |password |0|TLSv1.2 "
                            + "|ECDHE-RSA-AES256-GCM-SHA384 |0| | | |psql |Linux |libpq |none |0|0e4a-" + i));
        }
        return records;
    }

    static List<Record> activity(Instant from, int count) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant t = from.plusSeconds(61L * i);
            String sql = i % 4 == 0
                    ? "create user u" + i + " password 'Secret" + i + "x';"
                    : "select *\nfrom sales\nwhere id = " + i + ";";
            records.add(new Record(
                    t,
                    "'" + t.toString().replace(".000", "") + " UTC [ db=dev user=alice pid=" + (100 + i)
                            + " userid=101 xid=" + (9000 + i) + " ]' LOG: " + sql));
        }
        return records;
    }

    static String text(List<Record> records) {
        StringBuilder b = new StringBuilder();
        records.forEach(r -> b.append(r.text()).append('\n'));
        return b.toString();
    }

    /** The key Redshift gives a log file of this cluster, type and hour. */
    static String key(String region, String cluster, String logType, Instant hour) {
        return "AWSLogs/" + ACCOUNT + "/redshift/" + region + "/" + DAY.format(hour) + "/" + ACCOUNT + "_redshift_"
                + region + "_" + cluster + "_" + logType + "_" + KEY_TIME.format(hour) + ".gz";
    }

    /** Writes a gzip object {@code key} of {@code bucket} into the data folder. */
    static Path putObject(Path data, String bucket, String key, String content) {
        return write(data.resolve("s3").resolve(bucket).resolve(key), gzip(content));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CloudWatch stream file: one event per record, at the record's time. */
    static void putStream(Path data, String region, String group, String stream, List<Record> records) {
        StringBuilder b = new StringBuilder();
        for (Record r : records) {
            b.append(JSON.createObjectNode()
                            .put("timestamp", r.time().toEpochMilli())
                            .put("message", r.text()))
                    .append('\n');
        }
        write(
                data.resolve("cloudwatch")
                        .resolve(region)
                        .resolve(group.substring(1))
                        .resolve(stream + ".jsonl"),
                b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static AwsSimulator start(SimLogData data, SimOptions options) {
        try {
            return AwsSimulator.start(ESTATE, options, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AwsLogOptions options(AwsSimulator sim, ReadOptions read) {
        return AwsLogOptions.of(read)
                .withEndpoint(sim.endpoint())
                .withRegion(REGION)
                .withCredentials(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM" + ACCOUNT, "any-secret")))
                // the simulator's faults are retried as AWS's are, without the adaptive client's seconds of slowing
                // down
                .withCallLimits(LiveOptions.CallLimits.DEFAULT.withStandardBackoff(Duration.ofMillis(5)));
    }

    /** The events and summary of one read. */
    record Read(List<Event> events, ReadSummary summary) {}

    static Read read(List<LogInput> inputs, ReadOptions options) {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        ReadSummary summary = LogReader.read(inputs, options, events::add);
        return new Read(List.copyOf(events), summary);
    }

    /** Events keyed by where they came from, with the origin's file rewritten, in origin order. */
    static List<Event> normalized(List<Event> events, Function<String, String> file) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            out.add(new Event(
                    e.type(),
                    e.time(),
                    e.account(),
                    e.region(),
                    e.cluster(),
                    e.database(),
                    e.user(),
                    e.sourceAddress(),
                    e.action(),
                    e.sql(),
                    e.outcome(),
                    e.tlsVersion(),
                    Map.copyOf(e.fields()),
                    new Origin(
                            file.apply(e.origin().file()),
                            e.origin().line(),
                            e.origin().index())));
        }
        out.sort(Comparator.comparing((Event e) -> e.origin().file())
                .thenComparingLong(e -> e.origin().line())
                .thenComparingLong(e -> e.origin().index()));
        return out;
    }
}
