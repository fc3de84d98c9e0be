package io.rsaudit.aws.hunt;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.Narrowing;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an S3 key says when it follows Redshift's audit-log naming
 * ({@code [prefix/]AWSLogs/<acct>/redshift/<region>/YYYY/MM/DD/<acct>_redshift_<region>_<cluster>_<logtype>_<YYYY-MM-DDTHH:MM>.gz})
 * or CloudTrail's ({@code [prefix/]AWSLogs/[o-<org>/]<acct>/CloudTrail/<region>/YYYY/MM/DD/
 * <acct>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<id>.json.gz}): the log type, account, region, cluster (Redshift only)
 * and the time in the object's name. The folders must agree with the name (account and region), as both services
 * write them.
 */
record S3LogKey(LogType type, String account, String region, String cluster, Instant time) {

    private static final Pattern REDSHIFT = Pattern.compile("(?:.*/)?AWSLogs/(\\d{12})/redshift/([a-z0-9-]+)"
            + "/\\d{4}/\\d{2}/\\d{2}/(\\d{12})_redshift_([a-z0-9-]+)_([^_/]+)_(connectionlog|userlog|useractivitylog)"
            + "_(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})\\.gz");
    private static final Pattern CLOUDTRAIL = Pattern.compile("(?:.*/)?AWSLogs/(?:o-[a-z0-9]{10,32}/)?(\\d{12})"
            + "/CloudTrail/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/(\\d{12})_CloudTrail_([a-z0-9-]+)_(\\d{8}T\\d{4}Z)"
            + "_[A-Za-z0-9]+\\.json\\.gz");
    private static final DateTimeFormatter REDSHIFT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter CLOUDTRAIL_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'");

    /** The key's log, or empty when the key follows neither naming. */
    static Optional<S3LogKey> parse(String key) {
        Matcher m = REDSHIFT.matcher(key);
        if (m.matches() && m.group(1).equals(m.group(3)) && m.group(2).equals(m.group(4))) {
            return time(m.group(7), REDSHIFT_TIME)
                    .map(t -> new S3LogKey(LogType.fromFileName(m.group(6)), m.group(1), m.group(2), m.group(5), t));
        }
        Matcher c = CLOUDTRAIL.matcher(key);
        if (c.matches() && c.group(1).equals(c.group(3)) && c.group(2).equals(c.group(4))) {
            return time(c.group(5), CLOUDTRAIL_TIME)
                    .map(t -> new S3LogKey(LogType.CLOUDTRAIL, c.group(1), c.group(2), null, t));
        }
        return Optional.empty();
    }

    /** CloudTrail's times end in Z; Redshift's are read as UTC too (unverified; {@link Narrowing}'s margin absorbs
     * any zone). */
    private static Optional<Instant> time(String text, DateTimeFormatter format) {
        try {
            return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // shaped like a time but not one (month 13): not the service's naming
        }
    }
}
