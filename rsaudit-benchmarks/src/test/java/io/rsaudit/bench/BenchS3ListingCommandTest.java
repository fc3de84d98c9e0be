package io.rsaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsaudit-bench s3-listing} on ten days: a one-day window lists fewer times and selects three days. */
class BenchS3ListingCommandTest {

    @TempDir
    Path work;

    @Test
    void aDaysWindowSelectsThreeDaysOfTheBucket() {
        BenchRun run = BenchRun.of(
                "s3-listing", "--work", work.toString(), "--days", "10", "--regions", "eu-west-1", "--minutes", "60");

        assertThat(run.code()).as(run.err() + run.out()).isZero();
        assertThat(run.out())
                .contains("240 keys (10 days, 1 region(s), a file every 60 minutes)")
                .contains("whole bucket: 1 ListObjectsV2 calls, 240 objects selected")
                // AWSLogs/, the account, the service, the region, the year, the month, three days
                .contains(": 9 ListObjectsV2 calls, 72 objects selected (the day and a day either side)");
    }
}
