package io.rsaudit.cli.bench;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.gen.LogGenerator;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * The hunt benchmark (not a test): generates logs with {@link LogGenerator} and measures, in one run, reading
 * them against their floors: plain input against reading the same bytes and counting line ends; gzip input against
 * inflating the same files with {@code java.util.zip} alone (and {@code zcat} when on the PATH); the heap peak at
 * each size; and the speed-up of 2 threads over 1 across files. Each measure is the best of {@code repeat} runs after
 * two seconds of warm-up. Ratios, not absolute times, are the claim: the machine is shared.
 */
public final class HuntBenchmark {

    private final Path work;
    private final List<Long> sizes;
    private final int repeat;
    private final boolean scaling;
    private final PrintWriter out;

    public HuntBenchmark(Path work, List<Long> sizes, int repeat, boolean scaling, PrintWriter out) {
        this.work = work;
        this.sizes = sizes;
        this.repeat = repeat;
        this.scaling = scaling;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "rsaudit bench hunt: %d available processor(s), max heap %s, %s%n",
                Runtime.getRuntime().availableProcessors(), BenchReport.bytes(Runtime.getRuntime().maxMemory()),
                System.getProperty("java.vm.version"));
        long first = sizes.get(0);
        List<LogInput> plain = corpus(first, false);
        List<LogInput> gzip = corpus(first, true);
        if (scaling) {
            double one = best(() -> read(plain, 1));
            double two = best(() -> read(plain, 2));
            out.printf(Locale.ROOT, "%-44s 1 thread %s, 2 threads %s: speed-up %.2fx over %d files%n",
                    "scaling (plain " + mb(first) + ")", secs(one), secs(two), one / two, plain.size());
            out.flush();
            return;
        }
        long plainBytes = bytes(plain);
        out.printf(Locale.ROOT, "%-44s %,d bytes in %d files%n", "plain input", plainBytes, plain.size());
        plainRates("all formats", plain, plainBytes);
        for (LogType t : LogType.values()) {
            String marker = t == LogType.CLOUDTRAIL ? "_CloudTrail_" : "_" + t.fileName() + "_";
            List<LogInput> some = plain.stream().filter(i -> i.name().contains(marker)).toList();
            long b = bytes(some);
            if (b >= 1_000_000) {
                plainRates(t.fileName() + " only", some, b);
            }
        }

        double inflate = best(() -> inflate(gzip));
        double parseGzip = best(() -> read(gzip, 1).events());
        out.printf(Locale.ROOT, "%-44s %,d bytes stored in %d files (%s of text)%n", "gzip input", storedBytes(gzip),
                gzip.size(), mb(first));
        out.printf(Locale.ROOT, "%-44s %8.1f MB/s of text%n", "  floor: java.util.zip inflate", plainBytes / inflate / 1e6);
        Double zcat = zcat(gzip);
        if (zcat != null) {
            out.printf(Locale.ROOT, "%-44s %8.1f MB/s of text%n", "  zcat > /dev/null", plainBytes / zcat / 1e6);
        }
        out.printf(Locale.ROOT, "%-44s %8.1f MB/s of text: %.2fx the inflate rate%s%n", "  hunt parse, 1 thread",
                plainBytes / parseGzip / 1e6, inflate / parseGzip,
                zcat == null ? "" : String.format(Locale.ROOT, ", %.2fx zcat's", zcat / parseGzip));
        out.flush();

        for (long size : sizes) {
            List<LogInput> inputs = size == first ? plain : corpus(size, false);
            resetPeaks();
            ReadSummary s = read(inputs, 1);
            out.printf(Locale.ROOT, "%-44s %s (%,d events, %,d problems)%n", "heap peak reading " + mb(size) + " plain",
                    BenchReport.bytes(peak()), s.events(), s.problemCount());
            out.flush();
        }
    }

    /** Prints the floor's and the parse's rates over these plain inputs; returns the floor's time. */
    private double plainRates(String what, List<LogInput> inputs, long bytes) throws IOException {
        double floor = best(() -> lineEnds(inputs));
        double[] events = new double[1];
        double parse = best(() -> events[0] = read(inputs, 1).events());
        out.printf(Locale.ROOT, "%-44s %8.1f MB/s floor (read bytes + count line ends), %,d bytes%n", "  " + what,
                bytes / floor / 1e6, bytes);
        out.printf(Locale.ROOT, "%-44s %8.1f MB/s, %,.0f events/s: %.3fx the floor's rate%n", "    hunt parse, 1 thread",
                bytes / parse / 1e6, events[0] / parse, floor / parse);
        out.flush();
        return floor;
    }

    private interface Timed {
        void run() throws IOException;
    }

    /** The best of {@code repeat} timed runs, after warm-up runs for at least two seconds (JIT on a busy core). */
    private double best(Timed t) throws IOException {
        long warm = System.nanoTime();
        do {
            t.run();
        } while (System.nanoTime() - warm < 2_000_000_000L);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            t.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private List<LogInput> corpus(long size, boolean gz) throws IOException {
        Path dir = work.resolve("hunt-" + size + (gz ? "-gzip" : "-plain"));
        if (!Files.exists(dir.resolve("manifest.tsv"))) {
            long started = System.nanoTime();
            LogGenerator.Result r = new LogGenerator(LogGenerator.Spec.of(size, gz)).generate(dir);
            out.printf(Locale.ROOT, "generated %s: %,d files, %,d records in %.1f s%n", dir, r.files(), r.records(),
                    (System.nanoTime() - started) / 1e9);
            out.flush();
        }
        return LogInput.discover(dir.resolve("AWSLogs"));
    }

    private static ReadSummary read(List<LogInput> inputs, int threads) {
        LongAdder n = new LongAdder();
        return LogReader.read(inputs, ReadOptions.defaults().withParallelism(threads), e -> n.increment());
    }

    private static long bytes(List<LogInput> inputs) throws IOException {
        long total = 0;
        for (LogInput i : inputs) {
            try (InputStream in = i.open()) {
                byte[] buf = new byte[1 << 16];
                if (isGzip(i)) {
                    try (InputStream g = new GZIPInputStream(in, 1 << 16)) {
                        for (int n; (n = g.read(buf)) > 0;) {
                            total += n;
                        }
                    }
                } else {
                    total += in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
        return total;
    }

    private static long storedBytes(List<LogInput> inputs) {
        return inputs.stream().mapToLong(i -> i.size().orElse(0)).sum();
    }

    private static boolean isGzip(LogInput i) {
        return i.name().endsWith(".gz");
    }

    /** The plain floor: every byte read into a buffer as big as the reader's and looked at once. */
    private static long lineEnds(List<LogInput> inputs) throws IOException {
        long lines = 0;
        byte[] buf = new byte[1 << 18];
        for (LogInput i : inputs) {
            try (InputStream in = i.open()) {
                for (int n; (n = in.read(buf)) > 0;) {
                    for (int k = 0; k < n; k++) {
                        if (buf[k] == '\n') {
                            lines++;
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static long inflate(List<LogInput> inputs) throws IOException {
        long total = 0;
        byte[] buf = new byte[1 << 18];
        for (LogInput i : inputs) {
            try (InputStream in = new GZIPInputStream(i.open(), 1 << 16)) {
                for (int n; (n = in.read(buf)) > 0;) {
                    total += n;
                }
            }
        }
        return total;
    }

    private Double zcat(List<LogInput> inputs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("zcat"));
        inputs.forEach(i -> cmd.add(i.name()));
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= repeat; r++) {
            long start = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return null;
            }
            if (p.waitFor() != 0) {
                return null;
            }
            if (r > 0) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        return best;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String mb(long b) {
        return b >= 1_000_000_000 ? (b / 1_000_000_000) + " GB" : (b / 1_000_000) + " MB";
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }
}
