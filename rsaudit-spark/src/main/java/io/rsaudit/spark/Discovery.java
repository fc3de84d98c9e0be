package io.rsaudit.spark;

import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.LogFileName;
import io.rsaudit.core.hunt.read.ReadProblem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Finds the files of a run under each input, on the driver. In the delivery layout
 * ({@code AWSLogs/<account>/redshift/<region>/YYYY/MM/DD/...}, CloudTrail's {@code AWSLogs/[o-org/]<account>/CloudTrail/
 * <region>/YYYY/MM/DD/...}) an account or region folder outside the filters is not entered, and with both
 * {@code since} and {@code until} a region's day folders are named from the window (a day of margin either side,
 * as the services file a record under the day it was delivered) rather than listed; with one bound the year, month
 * and day folders are listed and those outside it not entered. Records are still filtered exactly by the reader.
 * Anything else is walked whole. Hidden entries (names starting with '.') are left out, as {@code rsaudit hunt}
 * leaves them out.
 */
final class Discovery {

    /** The margin around the window when choosing day folders. */
    static final Duration MARGIN = Duration.ofDays(1);

    /** Longest window whose days are named rather than listed (ten years). */
    static final long MAX_NAMED_DAYS = 3660;

    private static final Pattern ACCOUNT = Pattern.compile(".*/AWSLogs/(?:o-[a-z0-9]{10,32}/)?(\\d{12})/?");
    private static final Pattern SERVICE = Pattern.compile(".*/AWSLogs/(?:o-[a-z0-9]{10,32}/)?\\d{12}/([^/]+)/?");
    private static final Pattern REGION = Pattern.compile(
            ".*/AWSLogs/(?:o-[a-z0-9]{10,32}/)?\\d{12}/(?:redshift|CloudTrail|CloudTrail-Insight)/([a-z0-9-]+)/?");

    /**
     * @param files the files to read, in name order within each input
     * @param foldersLeftOut folders not entered, by reason ({@code account}, {@code region}, and
     *     {@code cloudtrail-digest} and {@code other-service} for a service's folder whose files hold no records the
     *     reader reads); their files are neither listed nor counted
     * @param problems inputs that do not exist or could not be listed
     */
    record Found(List<FileRef> files, Map<String, Long> foldersLeftOut, List<ReadProblem> problems) {}

    private final JobOptions options;
    private final Function<String, Store> stores;
    private final List<FileRef> files = new ArrayList<>();
    private final Map<String, Long> leftOut = new LinkedHashMap<>();
    private final List<ReadProblem> problems = new ArrayList<>();

    private Discovery(JobOptions options, Function<String, Store> stores) {
        this.options = options;
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
        return new Found(List.copyOf(d.files), Map.copyOf(d.leftOut), List.copyOf(d.problems));
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
        String slashed = dir.replace('\\', '/');
        Matcher a = ACCOUNT.matcher(slashed);
        if (a.matches() && !options.accounts().isEmpty() && !options.accounts().contains(a.group(1))) {
            leftOut.merge("account", 1L, Long::sum);
            return;
        }
        Matcher s = SERVICE.matcher(slashed);
        String noRecords = s.matches() ? LogFileName.serviceHoldsNoRecords(s.group(1)) : null;
        if (noRecords != null) {
            // CloudTrail's digests, other services' logs in a log-archive bucket: no records the reader reads
            leftOut.merge(noRecords, 1L, Long::sum);
            return;
        }
        Matcher r = REGION.matcher(slashed);
        if (r.matches()) {
            if (!options.regions().isEmpty() && !options.regions().contains(r.group(1))) {
                leftOut.merge("region", 1L, Long::sum);
                return;
            }
            if (options.since() != null || options.until() != null) {
                days(store, dir);
                return;
            }
        }
        walk(store, dir);
    }

    private void walk(Store store, String dir) throws IOException {
        for (Store.Entry e : store.list(dir)) {
            if (e.name().startsWith(".")) {
                continue;
            }
            if (e.dir()) {
                visit(store, e.path());
            } else {
                files.add(new FileRef(e.path(), store.hadoop(), e.size()));
            }
        }
    }

    /** A region's day folders in the window (with the margin), named or listed, then walked. */
    private void days(Store store, String region) throws IOException {
        LocalDate from = options.since() == null ? null : day(options.since().minus(MARGIN));
        LocalDate to = options.until() == null ? null : day(options.until().plus(MARGIN));
        if (from != null && to != null && java.time.temporal.ChronoUnit.DAYS.between(from, to) <= MAX_NAMED_DAYS) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String path = store.child(
                        store.child(store.child(region, year(d)), two(d.getMonthValue())), two(d.getDayOfMonth()));
                walk(store, path);
            }
            return;
        }
        for (Store.Entry y : store.list(region)) {
            if (!y.dir() || !y.name().matches("\\d{4}")) {
                if (!y.name().startsWith(".")) {
                    walkOne(store, y);
                }
                continue;
            }
            int year = Integer.parseInt(y.name());
            if (from != null && year < from.getYear() || to != null && year > to.getYear()) {
                continue;
            }
            for (Store.Entry m : store.list(y.path())) {
                if (!m.dir() || !m.name().matches("\\d{2}")) {
                    if (!m.name().startsWith(".")) {
                        walkOne(store, m);
                    }
                    continue;
                }
                int month = Integer.parseInt(m.name());
                for (Store.Entry dd : store.list(m.path())) {
                    if (!dd.dir() || !dd.name().matches("\\d{2}")) {
                        if (!dd.name().startsWith(".")) {
                            walkOne(store, dd);
                        }
                        continue;
                    }
                    LocalDate d;
                    try {
                        d = LocalDate.of(year, month, Integer.parseInt(dd.name()));
                    } catch (java.time.DateTimeException e) {
                        walkOne(store, dd);
                        continue;
                    }
                    if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                        walk(store, dd.path());
                    }
                }
            }
        }
    }

    /** An entry outside the date layout: read as any other. */
    private void walkOne(Store store, Store.Entry e) throws IOException {
        if (e.dir()) {
            walk(store, e.path());
        } else {
            files.add(new FileRef(e.path(), store.hadoop(), e.size()));
        }
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
