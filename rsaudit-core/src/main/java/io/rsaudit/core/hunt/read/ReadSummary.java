package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a {@link LogReader#read} read. Every record is either emitted, filtered out (by reason) or malformed:
 * {@code records == events + sum(filtered) + malformed}.
 *
 * @param files         inputs read (including those with problems)
 * @param skippedFiles  inputs not read, by reason: {@code unknown-type} and {@code unreadable} (each with a
 *                      problem), {@code account}/{@code region}/{@code cluster}/{@code since}/{@code until} when
 *                      the name puts the whole file outside the filters, {@code cloudtrail-digest} and
 *                      {@code other-service} (files that hold no records rsaudit reads:
 *                      {@link LogFileName#holdsNoRecords}), {@code hidden} and {@code not-a-file} in a walk of
 *                      local folders ({@link LocalFiles})
 * @param skippedFolders folders not listed at all, by the same reasons and {@code symlink-loop}: their files are
 *                      neither counted nor read (an {@code s3://} listing narrowed by its folders' names, the Spark
 *                      job's discovery, a walk of local folders)
 * @param bytes         bytes read as stored (compressed, for gzip)
 * @param decodedBytes  bytes after decompression
 * @param records       records recognised, malformed ones included
 * @param events        events handed to the sink
 * @param filtered      records read but not emitted, by reason: {@code since}, {@code until}, {@code account},
 *                      {@code region}, {@code cluster}, {@code rdsdb}
 * @param malformed     records skipped as malformed or oversized
 * @param first         the earliest record time seen (filtered records included), or {@code null}
 * @param last          the latest record time seen, or {@code null}
 * @param perType       records per log type
 * @param problemCount  every problem, including those whose details were not kept
 * @param problems      problem details, in input order: at most {@value LogReader#PROBLEMS_PER_FILE} per file,
 *                      then one {@link ReadProblem.Kind#MORE} entry saying how many more that file had
 */
public record ReadSummary(
        long files,
        Map<String, Long> skippedFiles,
        Map<String, Long> skippedFolders,
        long bytes,
        long decodedBytes,
        long records,
        long events,
        Map<String, Long> filtered,
        long malformed,
        Instant first,
        Instant last,
        Map<LogType, Long> perType,
        long problemCount,
        List<ReadProblem> problems) {

    /** The skip reason of CloudTrail's digest files, which hold no records (see {@link LogFileName}). */
    public static final String CLOUDTRAIL_DIGEST = "cloudtrail-digest";

    /** The skip reason of other services' files under {@code AWSLogs/<acct>/} (see {@link LogFileName}). */
    public static final String OTHER_SERVICE = "other-service";

    /**
     * The skip reasons that leave nothing unread: files the filters put wholly outside what was asked for
     * ({@link Narrowing}), files that hold no records, and what a walk of local folders leaves out by its documented
     * rules ({@link LocalFiles}: hidden names, a folder met again through a link, entries that are not files).
     */
    static final Set<String> NOTHING_UNREAD = Stream.concat(
                    Narrowing.REASONS.stream(),
                    Stream.of(
                            CLOUDTRAIL_DIGEST,
                            OTHER_SERVICE,
                            LocalFiles.HIDDEN,
                            LocalFiles.SYMLINK_LOOP,
                            LocalFiles.NOT_A_FILE))
            .collect(Collectors.toUnmodifiableSet());

    public ReadSummary {
        skippedFiles = Map.copyOf(skippedFiles);
        skippedFolders = Map.copyOf(skippedFolders);
        filtered = Map.copyOf(filtered);
        perType = Map.copyOf(perType);
        problems = List.copyOf(problems);
    }

    /**
     * This summary with what happened before reading: inputs found but never handed to the reader and folders never
     * listed (each counted by reason, such as objects or folders an {@code s3://} listing left out by their names)
     * and problems met while finding inputs (a prefix that could not be listed), listed before the reader's own.
     */
    public ReadSummary including(Map<String, Long> files, Map<String, Long> folders, List<ReadProblem> found) {
        List<ReadProblem> allProblems = new ArrayList<>(found);
        allProblems.addAll(problems);
        return new ReadSummary(
                this.files,
                merged(skippedFiles, files),
                merged(skippedFolders, folders),
                bytes,
                decodedBytes,
                records,
                events,
                filtered,
                malformed,
                first,
                last,
                perType,
                problemCount + found.size(),
                allProblems);
    }

    private static Map<String, Long> merged(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> all = new LinkedHashMap<>(a);
        b.forEach((reason, n) -> all.merge(reason, n, Long::sum));
        return all;
    }

    /**
     * Whether something that was asked for may not have been read: a problem, or an input or folder skipped for a
     * reason other than {@link #NOTHING_UNREAD}'s.
     */
    public boolean partial() {
        return problemCount > 0
                || !NOTHING_UNREAD.containsAll(skippedFiles.keySet())
                || !NOTHING_UNREAD.containsAll(skippedFolders.keySet());
    }

    /** Records read but not emitted, whatever the reason. */
    public long filteredTotal() {
        return filtered.values().stream().mapToLong(Long::longValue).sum();
    }
}
