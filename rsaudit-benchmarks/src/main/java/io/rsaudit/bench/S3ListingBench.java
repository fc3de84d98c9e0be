package io.rsaudit.bench;

import io.rsaudit.aws.hunt.AwsLogInputs;
import io.rsaudit.aws.hunt.AwsLogOptions;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimLogData;
import io.rsaudit.testkit.sim.SimOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What a hunt over a trail's bucket lists before it reads: the ListObjectsV2 calls and the objects selected, the whole
 * bucket against a one-day window ({@code --since}/{@code --until}), counted by the simulator. The bucket is the
 * layout CloudTrail writes ({@code AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<acct>_CloudTrail_<region>_<time>_<id>
 * .json.gz}), empty objects every few minutes; the counts, not the simulator's time (it walks the folder on every
 * call), are the measure.
 */
final class S3ListingBench {

    static final String ACCOUNT = "123456789012";
    private static final String BUCKET = "trail";
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'", Locale.ROOT);

    /** What one listing asked and found. */
    record Listing(long calls, int selected) {}

    private final Path work;
    private final Instant end;
    private final int days;
    private final List<String> regions;
    private final int minutes;

    S3ListingBench(Path work, Instant end, int days, List<String> regions, int minutes) {
        this.work = work;
        this.end = end;
        this.days = days;
        this.regions = regions;
        this.minutes = minutes;
    }

    /** Writes the bucket unless it is there, and prints both listings. */
    void run(PrintWriter out) throws IOException {
        long keys = write();
        Instant day = end.minus(Duration.ofDays(days / 2));
        Listing whole = list(ReadOptions.defaults());
        Listing window = list(ReadOptions.defaults().withWindow(day, day.plus(Duration.ofDays(1))));
        out.printf(
                Locale.ROOT,
                "rsaudit-bench s3-listing: %,d keys (%d days, %d region(s), a file every %d minutes)%n",
                keys,
                days,
                regions.size(),
                minutes);
        out.printf(
                Locale.ROOT,
                "  whole bucket: %,d ListObjectsV2 calls, %,d objects selected%n",
                whole.calls,
                whole.selected);
        out.printf(
                Locale.ROOT,
                "  one day (%s): %,d ListObjectsV2 calls, %,d objects selected (the day and a day either side)%n",
                day,
                window.calls,
                window.selected);
        out.flush();
    }

    private long write() throws IOException {
        Path bucket = work.resolve("s3").resolve(BUCKET);
        Files.createDirectories(work.resolve("estate").resolve(ACCOUNT)); // an empty account: only S3 is asked
        long keys = 0;
        Instant start = end.minus(Duration.ofDays(days));
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(minutes))) {
            LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            for (String region : regions) {
                Path f = bucket.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/" + region + "/" + FOLDER.format(d) + "/"
                        + ACCOUNT + "_CloudTrail_" + region + "_" + NAME.format(d) + "_Bench" + keys + ".json.gz");
                if (!Files.exists(f)) {
                    Files.createDirectories(f.getParent());
                    Files.write(f, new byte[0]);
                }
                keys++;
            }
        }
        return keys;
    }

    private Listing list(ReadOptions read) throws IOException {
        SimLogData log = SimLogData.at(work);
        try (AwsSimulator sim = AwsSimulator.start(work.resolve("estate"), SimOptions.defaults(), log)) {
            AwsLogOptions options = AwsLogOptions.of(read)
                    .withEndpoint(sim.endpoint())
                    .withRegion(regions.get(0))
                    .withCredentials(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM" + ACCOUNT, "x")));
            try (AwsLogInputs inputs = AwsLogInputs.resolve(List.of("s3://" + BUCKET + "/AWSLogs/"), options)) {
                long calls = log.requests().stream()
                        .filter(r -> r.operation().equals("ListObjectsV2"))
                        .count();
                return new Listing(calls, inputs.inputs().size());
            }
        }
    }
}
