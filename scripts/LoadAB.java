// Compares the offline load (io.rsaudit.core.source.CliJsonSource#load, the export into the model) of builds on one
// machine at one time (not a test): the jars are loaded in one JVM, their loads of the same export alternate, and
// each load is measured alike: wall time, the CPU time of the whole JVM (the load reads account-regions in
// parallel; the JIT and the collector count too), bytes allocated, the heap's peak (the sum of the pools' peaks,
// reset after a full collection before the load) and what stays in use after a full collection with the inventory
// alive. Load on a shared machine comes and goes on both alike; prints each build's medians over the measured rounds
// and the median paired ratio of each measure against the first jar. Run with the source launcher, e.g.
//   java -Xmx1g scripts/LoadAB.java bench-estate 2 5 /tmp/before.jar rsaudit-cli/target/rsaudit.jar
// (the export, warm-up rounds, measured rounds, then the jars).
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public class LoadAB {

    record Build(String name, java.lang.reflect.Constructor<?> source, Method load) {}

    record Sample(double wallMs, double cpuMs, double allocatedMb, double peakMb, double retainedMb) {
        double get(int i) {
            return switch (i) {
                case 0 -> wallMs;
                case 1 -> cpuMs;
                case 2 -> allocatedMb;
                case 3 -> peakMb;
                default -> retainedMb;
            };
        }
    }

    static final String[] MEASURES = {"wall ms", "cpu ms", "allocated MiB", "heap peak MiB", "retained MiB"};

    public static void main(String[] args) throws Exception {
        Path export = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Build> builds = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            URLClassLoader loader = new URLClassLoader(
                    new URL[] {Path.of(args[i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> source = loader.loadClass("io.rsaudit.core.source.CliJsonSource");
            builds.add(new Build(args[i], source.getConstructor(Path.class), source.getMethod("load")));
        }
        List<List<Sample>> samples = new ArrayList<>();
        builds.forEach(b -> samples.add(new ArrayList<>()));
        for (int r = 0; r < warmup + rounds; r++) {
            for (int b = 0; b < builds.size(); b++) {
                Sample s = load(builds.get(b), export);
                System.out.printf(
                        Locale.ROOT,
                        "%s %d, %s: %.0f ms wall, %.0f ms cpu, %.0f MiB allocated, heap peak %.0f MiB, retained %.0f MiB%n",
                        r < warmup ? "warm-up" : "round",
                        r < warmup ? r + 1 : r - warmup + 1,
                        builds.get(b).name(),
                        s.wallMs(),
                        s.cpuMs(),
                        s.allocatedMb(),
                        s.peakMb(),
                        s.retainedMb());
                if (r >= warmup) {
                    samples.get(b).add(s);
                }
            }
        }
        System.out.println();
        for (int b = 0; b < builds.size(); b++) {
            StringBuilder line = new StringBuilder(builds.get(b).name()).append(": medians");
            for (int m = 0; m < MEASURES.length; m++) {
                int measure = m;
                line.append(String.format(
                        Locale.ROOT,
                        " %s %.0f%s",
                        MEASURES[m],
                        median(samples.get(b).stream().mapToDouble(s -> s.get(measure)).toArray()),
                        m == MEASURES.length - 1 ? "" : ","));
            }
            if (b > 0) {
                line.append("; paired ratio to the first:");
                for (int m = 0; m < MEASURES.length; m++) {
                    double[] ratios = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ratios[r] = samples.get(b).get(r).get(m) / samples.get(0).get(r).get(m);
                    }
                    line.append(String.format(Locale.ROOT, " %s %.2fx", MEASURES[m], median(ratios)));
                }
            }
            System.out.println(line);
        }
    }

    static Sample load(Build build, Path export) throws Exception {
        fullGc();
        long before = used();
        resetPeaks();
        long allocated0 = allocated();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        Object inventory = build.load().invoke(build.source().newInstance(export));
        long t1 = System.nanoTime();
        long cpu1 = cpu();
        long allocated1 = allocated();
        long peak = peak();
        fullGc();
        long retained = used() - before;
        Reference.reachabilityFence(inventory);
        return new Sample(
                (t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, (allocated1 - allocated0) / 1048576.0, peak / 1048576.0,
                retained / 1048576.0);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void fullGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
    }

    static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
                .filter(x -> x > 0)
                .sum();
    }
}
