package io.rsaudit.core.hunt.read;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.hunt.LogType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What an input's name says: Redshift's S3 object name
 * ({@code <acct>_redshift_<region>_<cluster>_<logtype>_<YYYY-MM-DDTHH:MM>[.gz]}), CloudTrail's
 * ({@code <acct>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<id>.json[.gz]}; its Insights files, {@code _CloudTrail-Insight_},
 * hold CloudTrail records too), or a CloudWatch group
 * ({@code /aws/redshift/cluster/<cluster>/<logtype>}). Fields it does not give are {@code null}; {@code type} is
 * {@code null} when the name is none of these. {@code time} is the time in the name (read as UTC), which
 * {@link Narrowing} compares with the window.
 */
public record LogFileName(LogType type, String account, String region, String cluster, Instant time) {

    private static final Pattern REDSHIFT =
            Pattern.compile("(\\d{12})_redshift_([a-z0-9-]+)_([^_/]+)_(connectionlog|userlog|useractivitylog)"
                    + "_(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(?:\\..*)?");
    private static final Pattern CLOUDTRAIL = Pattern.compile(
            "(\\d{12})_CloudTrail(?:-Insight)?_([a-z0-9-]+)_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json(?:\\.gz)?");
    /**
     * CloudTrail's digest files ({@code <acct>_CloudTrail-Digest_<region>_<trail>_<trail region>_<time>[_backfill]
     * .json.gz}), which a trail writes beside its logs when log file validation is on: they list the hour's log files
     * and their hashes, and hold no records.
     */
    private static final Pattern CLOUDTRAIL_DIGEST = Pattern.compile("\\d{12}_CloudTrail-Digest_.+\\.json(?:\\.gz)?");
    /** A file in a service's folder of the layout AWS writes logs in: {@code [prefix/]AWSLogs/[o-<org>/]<acct>/<service>/}. */
    private static final Pattern SERVICE_FOLDER = Pattern.compile(LogFolders.ACCOUNT + "([^/]+)/.+");
    /** The services' folders whose logs the reader reads: Redshift's audit logs, CloudTrail's logs and Insights. */
    private static final Set<String> READ_SERVICES = Set.of("redshift", "CloudTrail", "CloudTrail-Insight");

    private static final Pattern CLOUDWATCH = Pattern.compile(
            ".*/aws/redshift/(?:cluster|serverless)/([^/]+)/(connectionlog|userlog|useractivitylog)(?:/.*)?");

    private static final DateTimeFormatter REDSHIFT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter CLOUDTRAIL_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'");

    static final LogFileName UNKNOWN = new LogFileName(null, null, null, null, null);

    /** What {@code name} (a file name or path, an S3 key, a CloudWatch group) says. */
    public static LogFileName of(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Matcher m = REDSHIFT.matcher(base);
        if (m.matches()) {
            return new LogFileName(
                    LogType.fromFileName(m.group(4)),
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    time(m.group(5), REDSHIFT_TIME));
        }
        m = CLOUDTRAIL.matcher(base);
        if (m.matches()) {
            return new LogFileName(LogType.CLOUDTRAIL, m.group(1), m.group(2), null, time(m.group(3), CLOUDTRAIL_TIME));
        }
        m = CLOUDWATCH.matcher(name);
        if (m.matches()) {
            return new LogFileName(LogType.fromFileName(m.group(2)), null, null, m.group(1), null);
        }
        return UNKNOWN;
    }

    /**
     * Why a file holds no records to read, by its path or S3 key alone, or {@code null}: {@link
     * ReadSummary#CLOUDTRAIL_DIGEST} for CloudTrail's digest files, {@link ReadSummary#OTHER_SERVICE} for a file in
     * another service's folder of {@code AWSLogs/<acct>/} (a log-archive bucket also holds AWS Config's, VPC flow
     * logs', load balancers' files).
     */
    public static String holdsNoRecords(String name) {
        String path = name.replace('\\', '/');
        if (CLOUDTRAIL_DIGEST.matcher(path.substring(path.lastIndexOf('/') + 1)).matches()) {
            return ReadSummary.CLOUDTRAIL_DIGEST;
        }
        Matcher m = SERVICE_FOLDER.matcher(path);
        return m.matches() ? serviceHoldsNoRecords(m.group(2)) : null;
    }

    /**
     * Why the files of a service's folder of {@code AWSLogs/<acct>/} hold no records to read, or {@code null} for
     * the folders whose logs the reader reads ({@link #READ_SERVICES}): {@link ReadSummary#CLOUDTRAIL_DIGEST} for
     * {@code CloudTrail-Digest}, else {@link ReadSummary#OTHER_SERVICE}.
     */
    public static String serviceHoldsNoRecords(String service) {
        if (READ_SERVICES.contains(service)) {
            return null;
        }
        return service.equals("CloudTrail-Digest") ? ReadSummary.CLOUDTRAIL_DIGEST : ReadSummary.OTHER_SERVICE;
    }

    /** These facts overridden by what the input itself knows. */
    LogFileName with(LogInput.Known k) {
        return new LogFileName(
                k.type() != null ? k.type() : type,
                k.account() != null ? k.account() : account,
                k.region() != null ? k.region() : region,
                k.cluster() != null ? k.cluster() : cluster,
                time);
    }

    LogFileName withType(LogType t) {
        return new LogFileName(t, account, region, cluster, time);
    }

    /** The time a name gives, or {@code null} when it is shaped like one but is not (month 13). */
    private static Instant time(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
