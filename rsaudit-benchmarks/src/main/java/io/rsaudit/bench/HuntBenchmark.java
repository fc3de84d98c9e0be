package io.rsaudit.bench;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.testkit.logs.LogGenerator;
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
import java.util.zip.GZIPInputStream;

/**
 * The hunt benchmark (not a test): generates logs with {@link LogGenerator} and measures, in one run, reading
 * them against their floors: plain input against reading the same bytes and counting line ends; gzip input against
 * inflating the same files with {@code java.util.zip} alone (and {@code zcat} when on the PATH); the heap peak at
 * each size; and, on two cores ({@code --scaling}), the speed-up of 2 threads over 1 across files and the gzip goal
 * with file workers. Each measure is the median of {@code repeat} runs
 * after two seconds of warm-up, in wall time and in the process's CPU time. Ratios, not absolute times, are the
 * claim: the machine is shared.
 */
public final class HuntBenchmark {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The least time the paired gzip measure takes. */
    private static final int PAIRED_SECONDS = 60;

    private final Path work;
    private final List<Long> sizes;
    private final int repeat;
    private final boolean scaling;
    private final boolean heapGzip;
    private final PrintWriter out;

    /**
     * @param heapGzip  measure the heap peaks reading gzip corpora rather than plain ones: a 5 GB corpus then takes
     *                  about 0.6 GB of disk
     */
    public HuntBenchmark(Path work, List<Long> sizes, int repeat, boolean scaling, boolean heapGzip, PrintWriter out) {
        this.work = work;
        this.sizes = sizes;
        this.repeat = repeat;
        this.scaling = scaling;
        this.heapGzip = heapGzip;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        out.printf(
                Locale.ROOT,
                "rsaudit-bench hunt: %d available processor(s), max heap %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                BenchReport.bytes(Runtime.getRuntime().maxMemory()),
                System.getProperty("java.vm.version"));
        long first = sizes.get(0);
        List<LogInput> plain = corpus(first, false);
        List<LogInput> gzip = corpus(first, true);
        warmUp(plain, gzip);
        if (scaling) {
            // across files: each file on one thread, so that 1 thread means one core
            Timing one = time(() -> read(plain, 1, ReadOptions.FileWorkers.NEVER));
            Timing two = time(() -> read(plain, 2, ReadOptions.FileWorkers.NEVER));
            Timing workers = time(() -> read(plain, 1, ReadOptions.FileWorkers.ALWAYS));
            out.printf(
                    Locale.ROOT,
                    "%-44s 1 thread %s, 2 threads %s: speed-up %.2fx over %d files;"
                            + " CPU time of 2 threads %.2fx that of 1 (1.00 = no work lost to sharing)%n",
                    "scaling (plain " + mb(first) + ")",
                    secs(one.wall()),
                    secs(two.wall()),
                    one.wall() / two.wall(),
                    plain.size(),
                    two.cpu() / one.cpu());
            out.printf(
                    Locale.ROOT,
                    "%-44s %s: speed-up %.2fx over 1 thread; CPU time %.2fx that of 1%n",
                    "  one file at a time, file workers on",
                    secs(workers.wall()),
                    one.wall() / workers.wall(),
                    workers.cpu() / one.cpu());
            out.flush();
            gzipOnTwoCores(gzip, bytes(plain));
            return;
        }
        long plainBytes = bytes(plain);
        out.printf(
                Locale.ROOT,
                "%-44s %,d bytes in %d files; rates per wall second, then per CPU second of the"
                        + " process (steadier on a shared machine), ratios by CPU time%n",
                "plain input",
                plainBytes,
                plain.size());
        plainRates("all formats", plain, plainBytes);
        for (LogType t : LogType.values()) {
            String marker = t == LogType.CLOUDTRAIL ? "_CloudTrail_" : "_" + t.fileName() + "_";
            List<LogInput> some =
                    plain.stream().filter(i -> i.name().contains(marker)).toList();
            long b = bytes(some);
            if (b >= 1_000_000) {
                plainRates(t.fileName() + " only", some, b);
            }
        }

        Timing inflate = time(() -> inflate(gzip));
        double[] events = new double[1];
        Timing parseGzip = time(() -> events[0] = read(gzip, 1).events());
        out.printf(
                Locale.ROOT,
                "%-44s %,d bytes stored in %d files (%s of text)%n",
                "gzip input",
                storedBytes(gzip),
                gzip.size(),
                mb(first));
        out.printf(Locale.ROOT, "%-44s %s of text%n", "  floor: java.util.zip inflate", inflate.rates(plainBytes));
        Double zcat = zcat(gzip);
        if (zcat != null) {
            out.printf(Locale.ROOT, "%-44s %8.1f MB/s of text (wall)%n", "  zcat > /dev/null", plainBytes / zcat / 1e6);
        }
        out.printf(
                Locale.ROOT,
                "%-44s %s of text, %,.0f events/cpu-s: %.3fx the inflate rate%s%n",
                "  hunt parse, 1 thread" + (LogReader.fileWorkers(ReadOptions.defaults(), 1) ? " (+ workers)" : ""),
                parseGzip.rates(plainBytes),
                events[0] / parseGzip.cpu(),
                inflate.cpu() / parseGzip.cpu(),
                zcat == null ? "" : String.format(Locale.ROOT, ", %.2fx zcat's (wall)", zcat / parseGzip.wall()));
        out.flush();

        for (long size : sizes) {
            List<LogInput> inputs = size == first ? (heapGzip ? gzip : plain) : corpus(size, heapGzip);
            resetPeaks();
            long started = System.nanoTime();
            ReadSummary s = read(inputs, 1);
            out.printf(
                    Locale.ROOT,
                    "%-44s %s (%,d events, %,d problems, %,d bytes of text in %.1f s)%n",
                    "heap peak reading " + mb(size) + (heapGzip ? " gzip" : " plain"),
                    BenchReport.bytes(peak()),
                    s.events(),
                    s.problemCount(),
                    s.decodedBytes(),
                    (System.nanoTime() - started) / 1e9);
            out.flush();
        }
    }

    /**
     * The gzip goal as the issue states it, on two cores: hunt's rate reading gzip against inflating the same files
     * with {@code java.util.zip} alone, by wall time, files one at a time. Inflating alone uses one thread whatever
     * the cores; hunt inflates each file on its thread while workers parse batches of its lines (the automatic
     * choice when a processor is left idle), so its CPU rate is also printed: all threads' CPU time together. For
     * comparison, the same read on one thread, and two files at a time without workers.
     */
    private void gzipOnTwoCores(List<LogInput> gzip, long textBytes) throws IOException {
        boolean workers = LogReader.fileWorkers(ReadOptions.defaults(), 1);
        Timing inflate = time(() -> inflate(gzip));
        Timing pipelined = time(() -> read(gzip, 1, ReadOptions.FileWorkers.AUTO));
        Timing same = time(() -> read(gzip, 1, ReadOptions.FileWorkers.NEVER));
        Timing twoFiles = time(() -> read(gzip, 2, ReadOptions.FileWorkers.NEVER));
        out.printf(
                Locale.ROOT,
                "%-44s %d files; goal: hunt's wall rate >= 0.7x inflate's (both here, files one at" + " a time)%n",
                "gzip input, 2 cores",
                gzip.size());
        out.printf(
                Locale.ROOT,
                "%-44s %s of text%n",
                "  floor: java.util.zip inflate, 1 thread",
                inflate.rates(textBytes));
        out.printf(
                Locale.ROOT,
                "%-44s %s of text: %.3fx the inflate rate by wall time (the goal), %.3fx by CPU"
                        + " time (all threads)%n",
                "  hunt, file workers " + (workers ? "on (auto)" : "OFF (auto: 1 cpu)"),
                pipelined.rates(textBytes),
                inflate.wall() / pipelined.wall(),
                inflate.cpu() / pipelined.cpu());
        double[] paired = pairedWallRatios(() -> inflate(gzip), () -> read(gzip, 1, ReadOptions.FileWorkers.AUTO));
        out.printf(
                Locale.ROOT,
                "%-44s median %.3fx the inflate rate by wall time (p25 %.3f, p75 %.3f; %.0f pairs of"
                        + " runs alternated, so that load coming and going falls on both alike)%n",
                "    paired",
                paired[1],
                paired[0],
                paired[2],
                paired[3]);
        double reading = pipelined.self();
        double others = pipelined.cpu() - reading;
        out.printf(
                Locale.ROOT,
                "%-44s file thread (reads, inflates, hands on) %.0f ms CPU, workers (+ GC, JIT)"
                        + " %.0f ms: on two free cores ~%.3fx the inflate rate (estimate from CPU times: inflate's CPU time"
                        + " over the longer of the file thread and half of all; a shared machine's wall time is not)%n",
                "    its critical path",
                reading * 1e3,
                others * 1e3,
                inflate.cpu() / Math.max(reading, pipelined.cpu() / 2));
        out.printf(
                Locale.ROOT,
                "%-44s %s of text: %.3fx by wall time, %.3fx by CPU time%n",
                "  hunt, 1 thread (workers off)",
                same.rates(textBytes),
                inflate.wall() / same.wall(),
                inflate.cpu() / same.cpu());
        out.printf(
                Locale.ROOT,
                "%-44s %s of text: %.3fx by wall time, %.3fx by CPU time%n",
                "  hunt, 2 files at a time (workers off)",
                twoFiles.rates(textBytes),
                inflate.wall() / twoFiles.wall(),
                inflate.cpu() / twoFiles.cpu());
        out.flush();
    }

    /** Prints the floor's and the parse's rates over these plain inputs. */
    private void plainRates(String what, List<LogInput> inputs, long bytes) throws IOException {
        Timing floor = time(() -> lineEnds(inputs));
        double[] events = new double[1];
        Timing parse = time(() -> events[0] = read(inputs, 1).events());
        out.printf(
                Locale.ROOT,
                "%-44s %s floor (read bytes + count line ends), %,d bytes%n",
                "  " + what,
                floor.rates(bytes),
                bytes);
        out.printf(
                Locale.ROOT,
                "%-44s %s, %,.0f events/cpu-s: %.3fx the floor's rate%n",
                "    hunt parse, 1 thread",
                parse.rates(bytes),
                events[0] / parse.cpu(),
                floor.cpu() / parse.cpu());
        out.flush();
    }

    private interface Timed {
        void run() throws IOException;
    }

    /**
     * Median wall and process CPU seconds of a measure, and the CPU seconds of the thread that ran it (with files
     * read one at a time, the parsing thread).
     */
    private record Timing(double wall, double cpu, double self) {
        String rates(long bytes) {
            return String.format(Locale.ROOT, "%8.1f MB/s, %8.1f MB/cpu-s", bytes / wall / 1e6, bytes / cpu / 1e6);
        }
    }

    /**
     * The medians of {@code repeat} samples, wall time, the process's CPU time (which counts GC and JIT threads
     * too, and not the time other processes take the core) and this thread's, per run of {@code t}. A sample repeats
     * {@code t} for at least half a second, as the CPU clock ticks coarsely; warm-up runs come first, for at least
     * two seconds.
     */
    private Timing time(Timed t) throws IOException {
        long warm = System.nanoTime();
        int runs = 0;
        do {
            t.run();
            runs++;
        } while (System.nanoTime() - warm < 2_000_000_000L);
        int perSample = (int) Math.max(1, Math.ceil(runs * 0.5e9 / (System.nanoTime() - warm)));
        double[] wall = new double[repeat];
        double[] cpu = new double[repeat];
        double[] self = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long c = CPU.getProcessCpuTime();
            long own = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int k = 0; k < perSample; k++) {
                t.run();
            }
            wall[i] = (System.nanoTime() - start) / 1e9 / perSample;
            cpu[i] = (CPU.getProcessCpuTime() - c) / 1e9 / perSample;
            self[i] = (THREADS.getCurrentThreadCpuTime() - own) / 1e9 / perSample;
        }
        return new Timing(Median.of(wall), Median.of(cpu), Median.of(self));
    }

    /**
     * The 25th, 50th and 75th percentiles of {@code floor}'s wall time over {@code measured}'s (so: measured's rate
     * over the floor's) and the number of pairs: the two run by turns after the warm-up, {@code 4 * repeat} pairs
     * and for at least {@link #PAIRED_SECONDS}, so that a spell of load on a shared machine moves the median little.
     */
    private double[] pairedWallRatios(Timed floor, Timed measured) throws IOException {
        List<Double> ratios = new ArrayList<>();
        long until = System.nanoTime() + PAIRED_SECONDS * 1_000_000_000L;
        for (int i = -2; i < 4 * repeat || System.nanoTime() < until; i++) {
            long start = System.nanoTime();
            floor.run();
            long between = System.nanoTime();
            measured.run();
            if (i >= 0) {
                ratios.add((double) (between - start) / (System.nanoTime() - between));
            }
        }
        double[] sorted =
                ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 4], Median.of(sorted), sorted[sorted.length * 3 / 4], sorted.length
        };
    }

    /** Runs every path (plain and gzip, every parser) until the JIT is done with them: at least 3 passes, 10 s. */
    private static void warmUp(List<LogInput> plain, List<LogInput> gzip) {
        long start = System.nanoTime();
        for (int pass = 0; pass < 3 || System.nanoTime() - start < 10_000_000_000L; pass++) {
            read(plain, 1);
            read(gzip, 1);
        }
    }

    private List<LogInput> corpus(long size, boolean gz) throws IOException {
        Path dir = work.resolve("hunt-" + size + (gz ? "-gzip" : "-plain"));
        if (!Files.exists(dir.resolve("manifest.tsv"))) {
            long started = System.nanoTime();
            LogGenerator.Result r = new LogGenerator(LogGenerator.Spec.of(size, gz)).generate(dir);
            out.printf(
                    Locale.ROOT,
                    "generated %s: %,d files, %,d records in %.1f s%n",
                    dir,
                    r.files(),
                    r.records(),
                    (System.nanoTime() - started) / 1e9);
            out.flush();
        }
        return LocalFiles.walk(dir.resolve("AWSLogs")).inputs();
    }

    private static ReadSummary read(List<LogInput> inputs, int threads) {
        return read(inputs, threads, ReadOptions.FileWorkers.AUTO);
    }

    private static ReadSummary read(List<LogInput> inputs, int threads, ReadOptions.FileWorkers workers) {
        // the summary counts the events: the sink takes them and does nothing, so that only reading is measured
        return LogReader.read(
                inputs, ReadOptions.defaults().withParallelism(threads).withFileWorkers(workers), e -> {});
    }

    private static long bytes(List<LogInput> inputs) throws IOException {
        long total = 0;
        for (LogInput i : inputs) {
            try (InputStream in = i.open()) {
                byte[] buf = new byte[1 << 16];
                if (isGzip(i)) {
                    try (InputStream g = new GZIPInputStream(in, 1 << 16)) {
                        for (int n; (n = g.read(buf)) > 0; ) {
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
                for (int n; (n = in.read(buf)) > 0; ) {
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
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                }
            }
        }
        return total;
    }

    private Double zcat(List<LogInput> inputs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("zcat"));
        inputs.forEach(i -> cmd.add(i.name()));
        double[] wall = new double[repeat];
        for (int r = 0; r <= repeat; r++) {
            long start = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder(cmd)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                return null;
            }
            if (p.waitFor() != 0) {
                return null;
            }
            if (r > 0) {
                wall[r - 1] = (System.nanoTime() - start) / 1e9;
            }
        }
        return Median.of(wall);
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
