package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.model.Durations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * How to read.
 *
 * @param type            the log type of every input ({@code --type}), or {@code null} to tell it from each name
 * @param since           keep records at or after this time ({@code null}: no lower bound)
 * @param until           keep records before this time, exclusive ({@code null}: no upper bound)
 * @param accounts        keep only these accounts (empty: all)
 * @param regions         keep only these regions (empty: all)
 * @param clusters        keep only these clusters (empty: all)
 * @param includeRdsdb    keep records of Redshift's internal {@code rdsdb} user (dropped by default, but counted)
 * @param parallelism     how many files are read at once, one thread each
 * @param maxRecordBytes  a longer record is reported and skipped without being held whole (the reader lowers it
 *                        when the heap is too small for a record this long on each parsing thread)
 * @param fileWorkers     whether one file's lines are parsed on worker threads while its own thread reads (and
 *                        inflates) it
 */
public record ReadOptions(
        LogType type,
        Instant since,
        Instant until,
        Set<String> accounts,
        Set<String> regions,
        Set<String> clusters,
        boolean includeRdsdb,
        int parallelism,
        int maxRecordBytes,
        FileWorkers fileWorkers) {

    /**
     * Whether a line-format file gets worker threads that parse batches of its lines while the file's own thread
     * reads and inflates the next (see {@link LineBatches}), and files read one after another share them (a worker
     * finishes a file, or reads a CloudTrail file, while the next file is read; see {@link Handoff}): reading then
     * takes more cores, and runs faster only when they are free.
     */
    public enum FileWorkers {
        /**
         * When the files being read at once leave a processor idle: fewer file threads
         * ({@code min(parallelism, inputs)}) than {@link Runtime#availableProcessors()}. One file at a time on two
         * cores gets it; two files at once on two cores do not, as they already use both.
         */
        AUTO,
        ALWAYS,
        NEVER
    }

    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

    /**
     * How many times its size a record may need while it is held, decoded, redacted and judged (the reader's line
     * buffer, the record's bytes, its text, the redactor's copies at each nesting level, a case-folded copy for a
     * rule): the reader lowers the maximum record size so that each parsing thread's record fits in the heap this
     * many times over ({@code LogReader.maxRecordBytes}).
     */
    public static final int RECORD_MEMORY_MULTIPLE = 8;

    public ReadOptions {
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        fileWorkers = fileWorkers == null ? FileWorkers.AUTO : fileWorkers;
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        clusters = clusters == null ? Set.of() : Set.copyOf(clusters);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (maxRecordBytes < 64) {
            throw new IllegalArgumentException(
                    "the maximum record size must be at least 64 bytes, was " + maxRecordBytes);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /**
     * Every type from its name, no window, no filters, rdsdb dropped, one thread per available processor, and a
     * line-format file's batches parsed by workers when a processor is left idle ({@link FileWorkers#AUTO}).
     */
    public static ReadOptions defaults() {
        return new ReadOptions(
                null,
                null,
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                false,
                Runtime.getRuntime().availableProcessors(),
                DEFAULT_MAX_RECORD_BYTES,
                FileWorkers.AUTO);
    }

    public ReadOptions withType(LogType t) {
        return new ReadOptions(
                t, since, until, accounts, regions, clusters, includeRdsdb, parallelism, maxRecordBytes, fileWorkers);
    }

    /**
     * A bound of the window as {@code --since} and {@code --until} take it, in the CLI and the Spark job alike: an
     * ISO-8601 time, or a duration back from {@code now} (30m, 24h, 7d).
     *
     * @throws IllegalArgumentException naming {@code option} when the text is neither
     */
    public static Instant windowBound(String option, String text, Instant now) {
        try {
            return now.minus(Durations.parse(text));
        } catch (IllegalArgumentException notADuration) {
            // then it must be a time
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    option + ": '" + text + "' is neither an ISO-8601 time"
                            + " (2024-05-01T00:00:00Z) nor a duration (30m, 24h, 7d)",
                    e);
        }
    }

    /** The half-open window [since, until); either may be {@code null}. */
    public ReadOptions withWindow(Instant from, Instant to) {
        return new ReadOptions(
                type, from, to, accounts, regions, clusters, includeRdsdb, parallelism, maxRecordBytes, fileWorkers);
    }

    public ReadOptions withAccounts(Set<String> a) {
        return new ReadOptions(
                type, since, until, a, regions, clusters, includeRdsdb, parallelism, maxRecordBytes, fileWorkers);
    }

    public ReadOptions withRegions(Set<String> r) {
        return new ReadOptions(
                type, since, until, accounts, r, clusters, includeRdsdb, parallelism, maxRecordBytes, fileWorkers);
    }

    public ReadOptions withClusters(Set<String> c) {
        return new ReadOptions(
                type, since, until, accounts, regions, c, includeRdsdb, parallelism, maxRecordBytes, fileWorkers);
    }

    public ReadOptions withRdsdb(boolean include) {
        return new ReadOptions(
                type, since, until, accounts, regions, clusters, include, parallelism, maxRecordBytes, fileWorkers);
    }

    public ReadOptions withParallelism(int threads) {
        return new ReadOptions(
                type, since, until, accounts, regions, clusters, includeRdsdb, threads, maxRecordBytes, fileWorkers);
    }

    public ReadOptions withMaxRecordBytes(int max) {
        return new ReadOptions(
                type, since, until, accounts, regions, clusters, includeRdsdb, parallelism, max, fileWorkers);
    }

    public ReadOptions withFileWorkers(FileWorkers when) {
        return new ReadOptions(
                type, since, until, accounts, regions, clusters, includeRdsdb, parallelism, maxRecordBytes, when);
    }
}
