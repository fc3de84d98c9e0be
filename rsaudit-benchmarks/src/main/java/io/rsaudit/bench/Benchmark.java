package io.rsaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.scan.CheckRunner;
import io.rsaudit.core.source.CliJsonSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.lang.ref.Reference;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures a scan of an export against its floor. Each iteration runs, with a full GC and a reset of the heap
 * pools' peaks before each part:
 * <ol>
 *   <li>BASELINE: walk the folder and Jackson {@code readTree} every {@code .json} file, walking each tree, and
 *       nothing else (what any reader of this input must at least pay);</li>
 *   <li>LOAD: {@code new CliJsonSource(input).load()};</li>
 *   <li>CHECKS: {@code new CheckRunner(CheckCatalog.builtIn()).run(inventory, Policy.defaults(), now)}.</li>
 * </ol>
 * Warm-up iterations run the same and are discarded. Times are wall-clock ({@link System#nanoTime()}).
 */
public final class Benchmark {

    private final Path input;
    private final int warmup;
    private final int repeat;
    private final PrintWriter progress;

    public Benchmark(Path input, int warmup, int repeat, PrintWriter progress) {
        if (warmup < 0 || repeat < 1) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --repeat >= 1");
        }
        this.input = input;
        this.warmup = warmup;
        this.repeat = repeat;
        this.progress = progress;
    }

    public BenchResult run() throws IOException {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = Policy.defaults();
        Instant now = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long[] size = jsonFiles(input).stream()
                .reduce(
                        new long[2],
                        (a, f) -> {
                            a[0]++;
                            a[1] += f.size;
                            return a;
                        },
                        (a, b) -> a);
        progress.printf(
                "bench: %s: %,d .json files, %s; %d check(s); %d warm-up + %d measured iteration(s)%n",
                input, size[0], BenchReport.bytes(size[1]), catalog.all().size(), warmup, repeat);
        progress.flush();

        List<Double> baseline = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        List<Double> checks = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        List<Double> baselineCpu = new ArrayList<>();
        List<Double> loadCpu = new ArrayList<>();
        List<Double> checksCpu = new ArrayList<>();
        List<Double> scanCpu = new ArrayList<>();
        List<Double> baselineGc = new ArrayList<>();
        List<Double> loadGc = new ArrayList<>();
        List<Double> checksGc = new ArrayList<>();
        List<Double> scanGc = new ArrayList<>();
        long baselinePeak = 0;
        long scanPeak = 0;
        long retained = 0;
        Inventory inventory = null;
        CheckRunner.Run run = null;
        for (int i = 0; i < warmup + repeat; i++) {
            boolean measured = i >= warmup;
            inventory = null;
            run = null;

            fullGc();
            resetPeaks();
            long g0 = gcMillis();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            long nodes = baseline(input);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            long g1 = gcMillis();
            long bPeak = heapPeak();

            fullGc();
            long before = heapUsed();
            resetPeaks();
            long g2 = gcMillis();
            long c2 = cpuNanos();
            long t2 = System.nanoTime();
            inventory = new CliJsonSource(input).load();
            long t3 = System.nanoTime();
            long c3 = cpuNanos();
            long g3 = gcMillis();
            run = new CheckRunner(catalog).run(inventory, policy, now);
            long t4 = System.nanoTime();
            long c4 = cpuNanos();
            long g4 = gcMillis();
            long sPeak = heapPeak();
            fullGc();
            long after = heapUsed();
            Reference.reachabilityFence(inventory);
            Reference.reachabilityFence(run);

            progress.printf(
                    "bench: %s %d/%d: baseline %s (%,d JSON nodes; gc %,d ms), load %s (gc %,d ms),"
                            + " checks %s, heap peak %s%n",
                    measured ? "iteration" : "warm-up",
                    measured ? i - warmup + 1 : i + 1,
                    measured ? repeat : warmup,
                    BenchReport.millis(ms(t0, t1)),
                    nodes,
                    g1 - g0,
                    BenchReport.millis(ms(t2, t3)),
                    g3 - g2,
                    BenchReport.millis(ms(t3, t4)),
                    BenchReport.bytes(sPeak));
            progress.flush();
            if (measured) {
                baseline.add(ms(t0, t1));
                load.add(ms(t2, t3));
                checks.add(ms(t3, t4));
                scan.add(ms(t2, t4));
                baselineCpu.add(ms(c0, c1));
                loadCpu.add(ms(c2, c3));
                checksCpu.add(ms(c3, c4));
                scanCpu.add(ms(c2, c4));
                baselineGc.add((double) (g1 - g0));
                loadGc.add((double) (g3 - g2));
                checksGc.add((double) (g4 - g3));
                scanGc.add((double) (g4 - g2));
                baselinePeak = Math.max(baselinePeak, bPeak);
                scanPeak = Math.max(scanPeak, sPeak);
                retained = after - before;
            }
        }

        Map<String, Integer> resources = new LinkedHashMap<>();
        for (ResourceType type : ResourceType.values()) {
            resources.put(type.label(), inventory.resources(type).size());
        }
        Map<String, Integer> findings = new LinkedHashMap<>();
        findings.put("total", run.findings().size());
        for (Result r : Result.values()) {
            findings.put(r.label(), 0);
        }
        for (Finding f : run.findings()) {
            findings.merge(f.result().label(), 1, Integer::sum);
        }
        return new BenchResult(
                input.toString(),
                size[0],
                size[1],
                jvm(),
                catalog.all().stream().map(CheckMetadata::id).toList(),
                warmup,
                repeat,
                new BenchResult.Phase(baseline, baselineCpu, baselineGc),
                new BenchResult.Phase(load, loadCpu, loadGc),
                new BenchResult.Phase(checks, checksCpu, checksGc),
                new BenchResult.Phase(scan, scanCpu, scanGc),
                resources,
                findings,
                inventory.errors().size(),
                run.internalErrors().size(),
                baselinePeak,
                scanPeak,
                retained,
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // ---- the baseline ----

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Reads and parses every .json file with {@code readTree}, walking each tree; returns the node count. */
    static long baseline(Path root) throws IOException {
        long nodes = 0;
        for (JsonFile f : jsonFiles(root)) {
            nodes += walk(PLAIN.readTree(f.path.toFile()));
        }
        return nodes;
    }

    private static long walk(JsonNode node) {
        long n = 1;
        if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                n += walk(it.next());
            }
        }
        return n;
    }

    private record JsonFile(Path path, long size) {}

    private static List<JsonFile> jsonFiles(Path root) throws IOException {
        List<JsonFile> out = new ArrayList<>();
        // the real path: an estate reached through a symbolic link is still walked (the source follows it too)
        Files.walkFileTree(root.toRealPath(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".json")) {
                    out.add(new JsonFile(file, attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    // ---- the JVM ----

    private static double ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    private static void fullGc() {
        System.gc();
        System.gc();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The collection time all collectors report, in milliseconds. */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long cpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    static BenchResult.Jvm jvm() {
        String xmx = "default";
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx")) {
                xmx = arg.substring(4);
            } else if (arg.startsWith("-XX:MaxHeapSize=")) {
                xmx = arg.substring("-XX:MaxHeapSize=".length());
            }
        }
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList();
        return new BenchResult.Jvm(
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                xmx.toLowerCase(Locale.ROOT),
                Runtime.getRuntime().maxMemory(),
                gcs);
    }
}
