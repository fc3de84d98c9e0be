package io.rsaudit.aws.hunt;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.LogFileName;
import io.rsaudit.core.hunt.read.LogFolders;
import io.rsaudit.core.hunt.read.Narrowing;
import java.time.Instant;
import java.util.Optional;

/**
 * What an S3 key says when it follows Redshift's audit-log naming
 * ({@code [prefix/]AWSLogs/<acct>/redshift/<region>/YYYY/MM/DD/<acct>_redshift_<region>_<cluster>_<logtype>_<YYYY-MM-DDTHH:MM>.gz})
 * or CloudTrail's ({@code [prefix/]AWSLogs/[o-<org>/]<acct>/CloudTrail/<region>/YYYY/MM/DD/
 * <acct>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<id>.json.gz}, and its Insights files under {@code CloudTrail-Insight/},
 * named {@code _CloudTrail-Insight_}): the log type, account, region, cluster (Redshift only)
 * and the time in the object's name. The folders must agree with the name (account and region), as both services
 * write them.
 */
record S3LogKey(LogType type, String account, String region, String cluster, Instant time) {

    /** The folders of each naming; the object's name itself is read by core's {@link LogFileName}. */
    private static final Pattern REDSHIFT =
            Pattern.compile("(?:.*/)?AWSLogs/(\\d{12})/redshift/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/([^/]+\\.gz)");

    private static final Pattern CLOUDTRAIL = Pattern.compile(
            LogFolders.ACCOUNT + "CloudTrail(?:-Insight)?/([a-z0-9-]+)" + "/\\d{4}/\\d{2}/\\d{2}/([^/]+\\.json\\.gz)");

    /**
     * The key's log, or empty when the key follows neither naming, its folders disagree with its name, or the name's
     * time is shaped like one but is not (month 13). CloudTrail's times end in Z; Redshift's are read as UTC too
     * (unverified; {@link Narrowing}'s margin absorbs any zone).
     */
    static Optional<S3LogKey> parse(String key) {
        Matcher m = REDSHIFT.matcher(key);
        if (m.matches()) {
            return agreeing(LogFileName.of(m.group(3)), m.group(1), m.group(2))
                    .filter(n -> n.type() != LogType.CLOUDTRAIL)
                    .map(n -> new S3LogKey(n.type(), n.account(), n.region(), n.cluster(), n.time()));
        }
        Matcher c = CLOUDTRAIL.matcher(key);
        if (c.matches()) {
            return agreeing(LogFileName.of(c.group(3)), c.group(1), c.group(2))
                    .filter(n -> n.type() == LogType.CLOUDTRAIL)
                    .map(n -> new S3LogKey(n.type(), n.account(), n.region(), null, n.time()));
        }
        return Optional.empty();
    }

    /** The name, when it is a log's with a time and says the account and region its folders say. */
    private static Optional<LogFileName> agreeing(LogFileName name, String account, String region) {
        return name.type() != null
                        && name.time() != null
                        && account.equals(name.account())
                        && region.equals(name.region())
                ? Optional.of(name)
                : Optional.empty();
    }
}
