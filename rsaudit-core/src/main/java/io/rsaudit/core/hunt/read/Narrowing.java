package io.rsaudit.core.hunt.read;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Whether an input can be left out before it is read, by what its name, key or group says, and why: {@code account},
 * {@code region}, {@code cluster}, then the window ({@code since}, {@code until}) by the time in the name. A value
 * not known never excludes. {@link LogReader} skips local files by it, the S3 and CloudWatch listings leave objects
 * and groups out before any download; the reader still filters every record.
 */
public final class Narrowing {

    /**
     * How far a log file's records may lie from the time in its name. Neither service documents the span of one file
     * (Redshift delivers about hourly, CloudTrail about every five minutes, both after the fact), so a file is kept
     * when its name's time is within a day of the window: wide enough that no file holding a record in the window is
     * left out, narrow enough that a window of days over a bucket of years downloads days.
     */
    public static final Duration MARGIN = Duration.ofDays(1);

    /** Every reason {@link #reason} gives. */
    static final Set<String> REASONS = Set.of("account", "region", "cluster", "since", "until");

    private final ReadOptions read;

    public Narrowing(ReadOptions read) {
        this.read = read;
    }

    /** The reason to leave the input out, or {@code null} to read it. */
    public String reason(String account, String region, String cluster, Instant nameTime) {
        if (outside(read.accounts(), account)) {
            return "account";
        }
        if (outside(read.regions(), region)) {
            return "region";
        }
        if (outside(read.clusters(), cluster)) {
            return "cluster";
        }
        if (nameTime != null && read.since() != null && nameTime.plus(MARGIN).isBefore(read.since())) {
            return "since";
        }
        if (nameTime != null && read.until() != null && !nameTime.minus(MARGIN).isBefore(read.until())) {
            return "until";
        }
        return null;
    }

    /** Whether {@code --type} is given: inputs named otherwise than the logs are read as that type. */
    public boolean typeGiven() {
        return read.type() != null;
    }

    /** Whether a window ({@code since} or {@code until}) is set. */
    public boolean hasWindow() {
        return read.since() != null || read.until() != null;
    }

    /**
     * Why the window keeps no file whose name's time lies in [{@code from}, {@code to}) ({@code since} or
     * {@code until}, as {@link #reason} gives for each such time, as for a folder of one day), or {@code null} when
     * it may keep some.
     */
    public String windowLeavesOut(Instant from, Instant to) {
        if (read.since() != null && to.minusNanos(1).plus(MARGIN).isBefore(read.since())) {
            return "since";
        }
        if (read.until() != null && !from.minus(MARGIN).isBefore(read.until())) {
            return "until";
        }
        return null;
    }

    private static boolean outside(Set<String> wanted, String value) {
        return !wanted.isEmpty() && value != null && !wanted.contains(value);
    }
}
