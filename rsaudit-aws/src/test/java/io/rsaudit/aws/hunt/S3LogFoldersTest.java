package io.rsaudit.aws.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadOptions;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which folders of the logs' layout a windowed listing lists further, and why it leaves the others out. */
class S3LogFoldersTest {

    private static final String ACCOUNT = "AWSLogs/123456789012/";
    /** The 10th of May 2024, all day. */
    private static final Narrowing MAY_10 = new Narrowing(ReadOptions.defaults()
            .withWindow(Instant.parse("2024-05-10T00:00:00Z"), Instant.parse("2024-05-11T00:00:00Z")));

    @Test
    void daysMonthsAndYearsOutsideTheWindowAndItsMarginAreNotListed() {
        String region = ACCOUNT + "CloudTrail/eu-west-1/";
        assertThat(S3LogFolders.leftOutBecause(region, MAY_10)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/", MAY_10)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2023/", MAY_10)).isEqualTo("since");
        assertThat(S3LogFolders.leftOutBecause(region + "2025/", MAY_10)).isEqualTo("until");
        assertThat(S3LogFolders.leftOutBecause(region + "2024/05/", MAY_10)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/04/", MAY_10)).isEqualTo("since");
        // a file of the 9th within a day of the window may hold its records; one of the 8th cannot
        assertThat(S3LogFolders.leftOutBecause(region + "2024/05/08/", MAY_10)).isEqualTo("since");
        assertThat(S3LogFolders.leftOutBecause(region + "2024/05/09/", MAY_10)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/05/10/", MAY_10)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/05/11/", MAY_10)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/05/12/", MAY_10)).isEqualTo("until");
        // at a month's edge, a folder of the last days of April may be needed for a window on the 1st of May
        Narrowing may1 = new Narrowing(ReadOptions.defaults().withWindow(Instant.parse("2024-05-01T00:00:00Z"), null));
        assertThat(S3LogFolders.leftOutBecause(region + "2024/04/", may1)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/04/30/", may1)).isNull();
        assertThat(S3LogFolders.leftOutBecause(region + "2024/04/29/", may1)).isEqualTo("since");
        assertThat(S3LogFolders.leftOutBecause(
                        "logs/AWSLogs/o-abc123defg/123456789012/redshift/eu-west-1/2024/05/08/", MAY_10))
                .isEqualTo("since");
        assertThat(S3LogFolders.leftOutBecause(region + "2024/13/", MAY_10))
                .as("not a date: listed, its keys judged one by one")
                .isNull();
    }

    @Test
    void accountsRegionsAndServicesNotReadAreNotListed() {
        Narrowing filtered = new Narrowing(
                ReadOptions.defaults().withAccounts(Set.of("123456789012")).withRegions(Set.of("eu-west-1")));
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT, filtered)).isNull();
        assertThat(S3LogFolders.leftOutBecause("AWSLogs/210987654321/", filtered))
                .isEqualTo("account");
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT + "redshift/eu-west-1/", filtered))
                .isNull();
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT + "redshift/us-east-1/", filtered))
                .isEqualTo("region");
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT + "CloudTrail-Insight/", filtered))
                .isNull();
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT + "CloudTrail-Digest/", filtered))
                .isEqualTo("cloudtrail-digest");
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT + "Config/", filtered)).isEqualTo("other-service");
        assertThat(S3LogFolders.leftOutBecause(ACCOUNT + "vpcflowlogs/", filtered))
                .isEqualTo("other-service");
        // folders above the layout, or of another shape, may lead to logs
        assertThat(S3LogFolders.leftOutBecause("AWSLogs/", filtered)).isNull();
        assertThat(S3LogFolders.leftOutBecause("AWSLogs/o-abc123defg/", filtered))
                .isNull();
        assertThat(S3LogFolders.leftOutBecause("exports/", filtered)).isNull();
    }
}
