package io.rsaudit.spark;

import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogFolders;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadProblem;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * Finds the files of a run under each input, on the driver. In the delivery layout
 * ({@code AWSLogs/<account>/redshift/<region>/YYYY/MM/DD/...}, CloudTrail's {@code AWSLogs/[o-org/]<account>/CloudTrail/
 * <region>/YYYY/MM/DD/...}) a folder that cannot hold a log the filters keep is not entered and is counted by why
 * ({@link LogFolders}, as {@code rsaudit hunt} lists S3); with both {@code since} and {@code until} a region's day
 * folders are named from the window (a day of margin either side, as the services file a record under the day it was
 * delivered) rather than listed. Records are still filtered exactly by the reader. Anything else is walked whole.
 * Hidden entries (names starting with '.') are left out and counted, as {@code rsaudit hunt} leaves them out
 * ({@link LocalFiles}).
 */
final class Discovery {

    /** Longest window whose days are named rather than listed (ten years). */
    static final long MAX_NAMED_DAYS = 3660;

    /**
     * @param files the files to read, in name order within each input
     * @param filesLeftOut files not read, by reason: {@code hidden} (names starting with '.')
     * @param foldersLeftOut folders not entered, by reason ({@link LogFolders#leftOutBecause}: {@code account},
     *     {@code region}, {@code since}, {@code until}, {@code cloudtrail-digest}, {@code other-service}), and
     *     {@code hidden}; their files are neither listed nor counted
     * @param problems inputs that do not exist or could not be listed
     */
    record Found(
            List<FileRef> files,
            Map<String, Long> filesLeftOut,
            Map<String, Long> foldersLeftOut,
            List<ReadProblem> problems) {}

    private final JobOptions options;
    private final Narrowing narrowing;
    private final Function<String, Store> stores;
    private final List<FileRef> files = new ArrayList<>();
    private final Map<String, Long> filesLeftOut = new LinkedHashMap<>();
    private final Map<String, Long> foldersLeftOut = new LinkedHashMap<>();
    private final List<ReadProblem> problems = new ArrayList<>();

    private Discovery(JobOptions options, Function<String, Store> stores) {
        this.options = options;
        this.narrowing = new Narrowing(options.read());
        this.stores = stores;
    }

    static Found find(JobOptions options, Configuration conf) {
        return find(options, location -> Store.of(location, conf));
    }

    /** With the store each input is listed through (a test's, that records what was listed). */
    static Found find(JobOptions options, Function<String, Store> stores) {
        Discovery d = new Discovery(options, stores);
        for (String input : options.inputs()) {
            d.input(input);
        }
        return new Found(
                List.copyOf(d.files),
                Map.copyOf(d.filesLeftOut),
                Map.copyOf(d.foldersLeftOut),
                List.copyOf(d.problems));
    }

    private void input(String input) {
        Store store = stores.apply(input);
        try {
            Store.Entry root = store.stat(input);
            if (root == null) {
                problems.add(problem(input, "no such file or folder"));
            } else if (!root.dir()) {
                files.add(new FileRef(input, store.hadoop(), root.size()));
            } else {
                int start = files.size();
                visit(store, input);
                files.subList(start, files.size()).sort(java.util.Comparator.comparing(FileRef::name));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(problem(input, "could not be listed: " + e));
        }
    }

    private static ReadProblem problem(String input, String what) {
        return new ReadProblem(new Origin(input, 0, 0), ReadProblem.Kind.UNREADABLE, input + ": " + what);
    }

    private void visit(Store store, String dir) throws IOException {
        String folder = dir.replace('\\', '/');
        folder = folder.endsWith("/") ? folder : folder + "/";
        String reason = LogFolders.leftOutBecause(folder, narrowing);
        if (reason != null) {
            foldersLeftOut.merge(reason, 1L, Long::sum);
        } else if (LogFolders.isRegion(folder) && namesDays()) {
            days(store, dir);
        } else {
            walk(store, dir);
        }
    }

    private void walk(Store store, String dir) throws IOException {
        for (Store.Entry e : store.list(dir)) {
            if (e.name().startsWith(".")) {
                (e.dir() ? foldersLeftOut : filesLeftOut).merge(LocalFiles.HIDDEN, 1L, Long::sum);
            } else if (e.dir()) {
                visit(store, e.path());
            } else {
                files.add(new FileRef(e.path(), store.hadoop(), e.size()));
            }
        }
    }

    /** Whether the window is closed and short enough that a region's day folders are named rather than listed. */
    private boolean namesDays() {
        return options.since() != null
                && options.until() != null
                && ChronoUnit.DAYS.between(first(), last()) <= MAX_NAMED_DAYS;
    }

    /** A region's day folders in the window with its margin, named, then walked. */
    private void days(Store store, String region) throws IOException {
        for (LocalDate d = first(); !d.isAfter(last()); d = d.plusDays(1)) {
            walk(
                    store,
                    store.child(
                            store.child(store.child(region, year(d)), two(d.getMonthValue())), two(d.getDayOfMonth())));
        }
    }

    private LocalDate first() {
        return day(options.since().minus(Narrowing.MARGIN));
    }

    private LocalDate last() {
        return day(options.until().plus(Narrowing.MARGIN));
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String year(LocalDate d) {
        return String.format(Locale.ROOT, "%04d", d.getYear());
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }
}
