package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One file being read, by one thread: what its name told (type, account, region, cluster), the filters, and its
 * counts and problems. Parsers hand every record here, built or malformed; this applies the filters and passes the
 * rest to the sink.
 */
final class FileRead {

    static final String[] FILTER_REASONS = {"since", "until", "account", "region", "cluster", "rdsdb"};

    final String file;
    final LogType type;
    final String account;
    final String region;
    final String cluster;
    /** The time the file's name gives, or {@code null}. */
    final Instant nameTime;

    final ReadOptions options;
    private final EventSink sink;
    private final long since;
    private final long until;

    long records;
    long events;
    long malformed;
    final long[] filtered = new long[FILTER_REASONS.length];
    long firstMillis = Long.MAX_VALUE;
    long lastMillis = Long.MIN_VALUE;
    long bytes;
    long decodedBytes;
    long problemCount;
    /** Why the file was not read at all ({@code account}, {@code unknown-type}...), or {@code null}. */
    String skipReason;

    final List<ReadProblem> problems = new ArrayList<>();
    /** Records of parts of another type than the file's (CloudWatch envelopes, {@link CloudWatchEnvelopes}). */
    final Map<LogType, Long> partRecords = new EnumMap<>(LogType.class);

    private long invalidUtf8Lines;
    private long firstInvalidUtf8Line;
    private long orphanLines;
    private long firstOrphanLine;
    private final LogFileName name;

    FileRead(String file, LogFileName name, ReadOptions options, EventSink sink) {
        this.file = file;
        this.name = name;
        this.type = name.type();
        this.account = name.account();
        this.region = name.region();
        this.cluster = name.cluster();
        this.nameTime = name.time();
        this.options = options;
        this.sink = sink;
        this.since = options.since() == null ? Long.MIN_VALUE : options.since().toEpochMilli();
        this.until = options.until() == null ? Long.MAX_VALUE : options.until().toEpochMilli();
    }

    /** A file for one batch of this one's lines, read on another thread (see {@link LineBatches}). */
    FileRead batch(EventSink events) {
        return new FileRead(file, name, options, events);
    }

    /**
     * Adds what a batch of this file's lines counted and found, after the batches before it, and hands its
     * events to the sink.
     */
    void absorb(FileRead batch, List<Event> batchEvents) {
        if (batch.type != type && batch.type != null && batch.records > 0) {
            partRecords.merge(batch.type, batch.records, Long::sum);
        }
        records += batch.records;
        events += batch.events;
        malformed += batch.malformed;
        for (int i = 0; i < filtered.length; i++) {
            filtered[i] += batch.filtered[i];
        }
        firstMillis = Math.min(firstMillis, batch.firstMillis);
        lastMillis = Math.max(lastMillis, batch.lastMillis);
        for (ReadProblem p : batch.problems) {
            if (problems.size() < LogReader.PROBLEMS_PER_FILE) {
                problems.add(p);
            }
        }
        problemCount += batch.problemCount;
        if (batch.invalidUtf8Lines > 0 && invalidUtf8Lines == 0) {
            firstInvalidUtf8Line = batch.firstInvalidUtf8Line;
        }
        invalidUtf8Lines += batch.invalidUtf8Lines;
        if (batch.orphanLines > 0 && orphanLines == 0) {
            firstOrphanLine = batch.firstOrphanLine;
        }
        orphanLines += batch.orphanLines;
        for (Event e : batchEvents) {
            sink.accept(e);
        }
    }

    Origin origin(long line) {
        return new Origin(file, line, 0);
    }

    /**
     * Whether a record at this time survives the time window, counting it as a record either way; parsers ask
     * before building an event so that records outside the window cost no event.
     */
    boolean inWindow(long millis) {
        records++;
        if (millis < firstMillis) {
            firstMillis = millis;
        }
        if (millis > lastMillis) {
            lastMillis = millis;
        }
        if (millis < since) {
            filtered[0]++;
            return false;
        }
        if (millis >= until) {
            filtered[1]++;
            return false;
        }
        return true;
    }

    /** Hands a record that passed {@link #inWindow} to the sink unless another filter drops it. */
    void offer(Event e) {
        int reason = reasonToDrop(e);
        if (reason >= 0) {
            filtered[reason]++;
            return;
        }
        events++;
        sink.accept(e);
    }

    private int reasonToDrop(Event e) {
        if (!options.accounts().isEmpty() && !contains(options.accounts(), e.account())) {
            return 2;
        }
        if (!options.regions().isEmpty() && !contains(options.regions(), e.region())) {
            return 3;
        }
        if (!options.clusters().isEmpty() && !contains(options.clusters(), e.cluster())) {
            return 4;
        }
        if (!options.includeRdsdb() && e.type() != LogType.CLOUDTRAIL && "rdsdb".equals(e.user())) {
            return 5;
        }
        return -1;
    }

    private static boolean contains(Set<String> set, String value) {
        return value != null && set.contains(value);
    }

    /** A record that could not be read: counted as a record and as malformed, and reported. */
    void malformed(long line, ReadProblem.Kind kind, String message) {
        records++;
        malformed++;
        problem(line, kind, message);
    }

    void problem(long line, ReadProblem.Kind kind, String message) {
        problemCount++;
        if (problems.size() < LogReader.PROBLEMS_PER_FILE) {
            problems.add(new ReadProblem(origin(line), kind, message));
        }
    }

    void invalidUtf8(long line) {
        if (invalidUtf8Lines++ == 0) {
            firstInvalidUtf8Line = line;
        }
    }

    /** A line of a user activity log before its first record header. */
    void orphan(long line) {
        if (orphanLines++ == 0) {
            firstOrphanLine = line;
        }
    }

    /** Adds the per-file problems that are only complete at the end, and the count of details not kept. */
    void finish() {
        if (orphanLines > 0) {
            problem(
                    firstOrphanLine,
                    ReadProblem.Kind.ORPHAN_LINES,
                    orphanLines + " line(s) before the first"
                            + " record header (\"'<yyyy-MM-ddTHH:mm:ssZ> UTC [ db=... ]' LOG: \") skipped");
        }
        if (invalidUtf8Lines > 0) {
            problem(
                    firstInvalidUtf8Line,
                    ReadProblem.Kind.INVALID_UTF8,
                    "invalid UTF-8 in " + invalidUtf8Lines + " line(s) of " + file
                            + ", the first here; decoded with replacement characters (U+FFFD)");
        }
        long omitted = problemCount - problems.size();
        if (omitted > 0) {
            problems.add(new ReadProblem(
                    origin(0),
                    ReadProblem.Kind.MORE,
                    "and " + omitted + " more problem(s) in " + file + " (details are kept for the first "
                            + LogReader.PROBLEMS_PER_FILE + " of each file)"));
        }
    }

    Instant first() {
        return firstMillis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstMillis);
    }

    Instant last() {
        return lastMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastMillis);
    }
}
