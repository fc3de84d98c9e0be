package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which folders of the logs' layout a listing enters, and why it leaves the others out. */
class LogFoldersTest {

    private static final String ACCOUNT = "AWSLogs/123456789012/";
    /** The 10th of May 2024, all day. */
    private static final Narrowing MAY_10 = new Narrowing(ReadOptions.defaults()
            .withWindow(Instant.parse("2024-05-10T00:00:00Z"), Instant.parse("2024-05-11T00:00:00Z")));

    @Test
    void daysMonthsAndYearsOutsideTheWindowAndItsMarginAreNotListed() {
        String region = ACCOUNT + "CloudTrail/eu-west-1/";
        assertThat(LogFolders.leftOutBecause(region, MAY_10)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/", MAY_10)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2023/", MAY_10)).isEqualTo("since");
        assertThat(LogFolders.leftOutBecause(region + "2025/", MAY_10)).isEqualTo("until");
        assertThat(LogFolders.leftOutBecause(region + "2024/05/", MAY_10)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/04/", MAY_10)).isEqualTo("since");
        // a file of the 9th within a day of the window may hold its records; one of the 8th cannot
        assertThat(LogFolders.leftOutBecause(region + "2024/05/08/", MAY_10)).isEqualTo("since");
        assertThat(LogFolders.leftOutBecause(region + "2024/05/09/", MAY_10)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/05/10/", MAY_10)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/05/11/", MAY_10)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/05/12/", MAY_10)).isEqualTo("until");
        // at a month's edge, a folder of the last days of April may be needed for a window on the 1st of May
        Narrowing may1 = new Narrowing(ReadOptions.defaults().withWindow(Instant.parse("2024-05-01T00:00:00Z"), null));
        assertThat(LogFolders.leftOutBecause(region + "2024/04/", may1)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/04/30/", may1)).isNull();
        assertThat(LogFolders.leftOutBecause(region + "2024/04/29/", may1)).isEqualTo("since");
        assertThat(LogFolders.leftOutBecause(
                        "logs/AWSLogs/o-abc123defg/123456789012/redshift/eu-west-1/2024/05/08/", MAY_10))
                .isEqualTo("since");
        assertThat(LogFolders.leftOutBecause(region + "2024/13/", MAY_10))
                .as("not a date: listed, its keys judged one by one")
                .isNull();
    }

    @Test
    void accountsRegionsAndServicesNotReadAreNotListed() {
        Narrowing filtered = new Narrowing(
                ReadOptions.defaults().withAccounts(Set.of("123456789012")).withRegions(Set.of("eu-west-1")));
        assertThat(LogFolders.leftOutBecause(ACCOUNT, filtered)).isNull();
        assertThat(LogFolders.leftOutBecause("AWSLogs/210987654321/", filtered)).isEqualTo("account");
        assertThat(LogFolders.leftOutBecause(ACCOUNT + "redshift/eu-west-1/", filtered))
                .isNull();
        assertThat(LogFolders.leftOutBecause(ACCOUNT + "redshift/us-east-1/", filtered))
                .isEqualTo("region");
        assertThat(LogFolders.leftOutBecause(ACCOUNT + "CloudTrail-Insight/", filtered))
                .isNull();
        assertThat(LogFolders.leftOutBecause(ACCOUNT + "CloudTrail-Digest/", filtered))
                .isEqualTo("cloudtrail-digest");
        assertThat(LogFolders.leftOutBecause(ACCOUNT + "Config/", filtered)).isEqualTo("other-service");
        assertThat(LogFolders.leftOutBecause(ACCOUNT + "vpcflowlogs/", filtered))
                .isEqualTo("other-service");
        // folders above the layout, or of another shape, may lead to logs
        assertThat(LogFolders.leftOutBecause("AWSLogs/", filtered)).isNull();
        assertThat(LogFolders.leftOutBecause("AWSLogs/o-abc123defg/", filtered)).isNull();
        assertThat(LogFolders.leftOutBecause("exports/", filtered)).isNull();
    }

    @Test
    void aRegionFolderIsOneOfAServiceWhoseLogsAreReadWithNoDateBelowIt() {
        assertThat(LogFolders.isRegion("s3a://archive/" + ACCOUNT + "redshift/eu-west-1/"))
                .isTrue();
        assertThat(LogFolders.isRegion(ACCOUNT + "CloudTrail/eu-west-1/")).isTrue();
        assertThat(LogFolders.isRegion(ACCOUNT + "CloudTrail/eu-west-1/2024/")).isFalse();
        assertThat(LogFolders.isRegion(ACCOUNT + "Config/eu-west-1/")).isFalse();
        assertThat(LogFolders.isRegion(ACCOUNT + "redshift/")).isFalse();
    }
}
