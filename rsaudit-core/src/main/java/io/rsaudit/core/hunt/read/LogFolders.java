package io.rsaudit.core.hunt.read;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which folders of the layout Redshift and CloudTrail deliver logs in may hold a log that {@link Narrowing} keeps:
 * {@code [prefix/]AWSLogs/[o-<org>/]<acct>/<service>/<region>/YYYY/MM/DD/}. An account, a region or a year, month or
 * day outside the filters cannot; nor can other services' folders (AWS Config's, VPC flow logs'...) and CloudTrail's
 * digests, which hold no records rsaudit reads ({@link LogFileName#serviceHoldsNoRecords}). A folder of any other
 * shape may lead to logs. Dates are the folders' (UTC, as the names' times are); the window's margin applies as to a
 * file's name. The S3 listing and the Spark job's discovery enter a folder, and count one left out, by this alone.
 */
public final class LogFolders {

    /**
     * The account's folder of the layout, as a regular expression (RE2) whose group 1 is the account:
     * {@code [prefix/]AWSLogs/[o-<org>/]<acct>/}, an organization trail's {@code o-} folder included.
     */
    public static final String ACCOUNT = "(?:.*/)?AWSLogs/(?:o-[a-z0-9]{10,32}/)?(\\d{12})/";

    private static final Pattern ACCOUNT_FOLDER = Pattern.compile(ACCOUNT);
    private static final Pattern SERVICE_FOLDER = Pattern.compile(ACCOUNT + "([^/]+)/");
    /** A region's folder of a service whose logs are read, and below it a year, a month and a day. */
    private static final Pattern DATED = Pattern.compile(ACCOUNT
            + "(?:redshift|CloudTrail|CloudTrail-Insight)/([a-z0-9-]+)/(?:(\\d{4})/(?:(\\d{2})/(?:(\\d{2})/)?)?)?");

    private LogFolders() {}

    /**
     * Why {@code folder} (a path or an S3 common prefix, ending in {@code /}) cannot hold a log that
     * {@code narrowing} keeps, as the reason a file is left out ({@code account}, {@code region}, {@code since},
     * {@code until}, {@code cloudtrail-digest}, {@code other-service}), or {@code null} when it may.
     */
    public static String leftOutBecause(String folder, Narrowing narrowing) {
        Matcher m = DATED.matcher(folder);
        if (m.matches()) {
            String reason = narrowing.reason(m.group(1), m.group(2), null, null);
            return reason != null || m.group(3) == null
                    ? reason
                    : window(m.group(3), m.group(4), m.group(5), narrowing);
        }
        m = SERVICE_FOLDER.matcher(folder);
        if (m.matches()) {
            String noRecords = LogFileName.serviceHoldsNoRecords(m.group(2));
            return noRecords != null ? noRecords : narrowing.reason(m.group(1), null, null, null);
        }
        m = ACCOUNT_FOLDER.matcher(folder);
        return m.matches() ? narrowing.reason(m.group(1), null, null, null) : null;
    }

    /**
     * Whether {@code folder} (ending in {@code /}) is a region's folder of a service whose logs are read, with its
     * year, month and day folders below it.
     */
    public static boolean isRegion(String folder) {
        Matcher m = DATED.matcher(folder);
        return m.matches() && m.group(3) == null;
    }

    /** The year, month or day of a folder (the finer parts {@code null}) against the window. */
    private static String window(String year, String month, String day, Narrowing narrowing) {
        LocalDate from;
        LocalDate to;
        try {
            if (month == null) {
                from = LocalDate.of(Integer.parseInt(year), 1, 1);
                to = from.plusYears(1);
            } else if (day == null) {
                from = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), 1);
                to = from.plusMonths(1);
            } else {
                from = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
                to = from.plusDays(1);
            }
        } catch (DateTimeException e) {
            return null; // not a date: its keys are judged one by one
        }
        return narrowing.windowLeavesOut(start(from), start(to));
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
