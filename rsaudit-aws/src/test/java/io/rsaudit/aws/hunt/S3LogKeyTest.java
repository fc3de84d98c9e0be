package io.rsaudit.aws.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadOptions;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which keys are Redshift audit logs or CloudTrail files, what they say, and what the narrowing makes of it. */
class S3LogKeyTest {

    @Test
    void redshiftKeysGiveTypeAccountRegionClusterAndTime() {
        assertThat(S3LogKey.parse("my/prefix/AWSLogs/123456789012/redshift/us-east-1/2013/10/29/123456789012_redshift"
                        + "_us-east-1_mycluster_userlog_2013-10-29T18:01.gz"))
                .contains(new S3LogKey(
                        LogType.USER_LOG,
                        "123456789012",
                        "us-east-1",
                        "mycluster",
                        Instant.parse("2013-10-29T18:01:00Z")));
        assertThat(S3LogKey.parse("AWSLogs/123456789012/redshift/eu-west-1/2024/05/01/123456789012_redshift_eu-west-1"
                        + "_prod-dw_useractivitylog_2024-05-01T10:00.gz"))
                .hasValueSatisfying(k -> {
                    assertThat(k.type()).isEqualTo(LogType.USER_ACTIVITY_LOG);
                    assertThat(k.cluster()).isEqualTo("prod-dw");
                });
    }

    @Test
    void cloudTrailKeysIncludingOrganizationTrails() {
        assertThat(S3LogKey.parse("AWSLogs/o-abc123defg/111122223333/CloudTrail/ap-south-1/2024/05/01/111122223333"
                        + "_CloudTrail_ap-south-1_20240501T1005Z_Ab12Cd34.json.gz"))
                .contains(new S3LogKey(
                        LogType.CLOUDTRAIL, "111122223333", "ap-south-1", null, Instant.parse("2024-05-01T10:05:00Z")));
        // a trail's Insights events: CloudTrail records too
        assertThat(S3LogKey.parse(
                        "o-abc123defg/AWSLogs/o-abc123defg/111122223333/CloudTrail-Insight/ap-south-1/2024/05/01/"
                                + "111122223333_CloudTrail-Insight_ap-south-1_20240501T1005Z_InSiGhT01234567.json.gz"))
                .contains(new S3LogKey(
                        LogType.CLOUDTRAIL, "111122223333", "ap-south-1", null, Instant.parse("2024-05-01T10:05:00Z")));
    }

    @Test
    void keysOfNeitherNamingAreNotLogs() {
        String good = "AWSLogs/123456789012/redshift/us-east-1/2013/10/29/123456789012_redshift_us-east-1_c_userlog"
                + "_2013-10-29T18:01.gz";
        assertThat(S3LogKey.parse(good)).isPresent();
        assertThat(S3LogKey.parse(good.replace(".gz", ""))).isEmpty();
        assertThat(S3LogKey.parse(good.replace("_userlog_", "_auditlog_"))).isEmpty();
        assertThat(S3LogKey.parse(good.replace("/123456789012_", "/999999999999_")))
                .as("folder and name disagree")
                .isEmpty();
        assertThat(S3LogKey.parse(good.replace("2013-10-29T", "2013-13-29T")))
                .as("no month 13")
                .isEmpty();
        assertThat(S3LogKey.parse("AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2024/05/01/123456789012"
                        + "_CloudTrail-Digest_us-east-1_t_us-east-1_20240501T1005Z.json.gz"))
                .isEmpty();
        assertThat(S3LogKey.parse("123456789012_redshift_us-east-1_c_userlog_2013-10-29T18:01.gz"))
                .as("no folders")
                .isEmpty();
    }

    @Test
    void narrowingKeepsFilesWithinADayOfTheWindowAndNeverExcludesOnWhatIsUnknown() {
        Instant since = Instant.parse("2024-05-10T00:00:00Z");
        Instant until = Instant.parse("2024-05-11T00:00:00Z");
        Narrowing n = new Narrowing(ReadOptions.defaults()
                .withWindow(since, until)
                .withAccounts(Set.of("111122223333"))
                .withClusters(Set.of("prod-dw")));
        assertThat(n.reason("111122223333", "us-east-1", "prod-dw", since.minusSeconds(86_400)))
                .isNull();
        assertThat(n.reason("111122223333", "us-east-1", "prod-dw", since.minusSeconds(86_401)))
                .isEqualTo("since");
        assertThat(n.reason("111122223333", "us-east-1", "prod-dw", until.plusSeconds(86_399)))
                .isNull();
        assertThat(n.reason("111122223333", "us-east-1", "prod-dw", until.plusSeconds(86_400)))
                .isEqualTo("until");
        assertThat(n.reason("999999999999", "us-east-1", "prod-dw", since)).isEqualTo("account");
        assertThat(n.reason("111122223333", "us-east-1", "other", since)).isEqualTo("cluster");
        assertThat(n.reason(null, null, null, null)).isNull();
    }
}
