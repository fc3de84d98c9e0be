// Compares hunt's log reading of two builds on one machine at one time (not a test): both jars are loaded in one
// JVM, their reads of the same files alternate, and each pair of samples gives a ratio of the reading thread's CPU
// rates, so load that comes and goes on a shared machine falls on both alike. Prints the median paired ratio of
// each jar against the first and each jar's median rate. Run with the source launcher, e.g.
//   taskset -c 0 java -Xmx256m -XX:ActiveProcessorCount=1 scripts/HuntAB.java \
//       bench-hunt/hunt-100000000-plain/AWSLogs 60 "" /tmp/before.jar rsaudit-cli/target/rsaudit.jar
// (directory, seconds (the first third is warm-up), a substring the file names must hold, then the jars). The
// corpora are those scripts/bench-hunt.sh (./rsaudit-bench hunt) generates into bench-hunt/; the jars are builds of
// rsaudit (only their rsaudit-core classes are used).
// With --wall first, it compares wall times instead, with file workers as hunt chooses them (on 2 cores: the
// issue's gzip goal): each round also inflates the same .gz files with java.util.zip alone, and each build's rate
// is given as a ratio to that round's inflate rate, e.g.
//   taskset -c 0,1 java -Xmx256m -XX:ActiveProcessorCount=2 scripts/HuntAB.java --wall \
//       bench-hunt/hunt-100000000-gzip/AWSLogs 120 "" /tmp/before.jar rsaudit-cli/target/rsaudit.jar
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

public class HuntAB {

    record Build(String name, Method read, Object inputs, Object options, Object sink, Method decoded) {
    }

    public static void main(String[] args) throws Exception {
        boolean wall = args[0].equals("--wall");
        String[] a = wall ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        Path dir = Path.of(a[0]);
        int seconds = Integer.parseInt(a[1]);
        String filter = a[2];
        List<Path> gz;
        try (Stream<Path> s = Files.walk(dir)) {
            gz = s.filter(p -> p.toString().endsWith(".gz") && p.toString().contains(filter)).sorted().toList();
        }
        List<Build> builds = new ArrayList<>();
        for (int j = 3; j < a.length; j++) {
            URLClassLoader l = new URLClassLoader(new URL[] {Path.of(a[j]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> input = l.loadClass("io.rsaudit.core.hunt.read.LogInput");
            Method name = input.getMethod("name");
            List<Object> some = new ArrayList<>();
            for (Object o : (List<?>) input.getMethod("discover", Path.class).invoke(null, dir)) {
                if (((String) name.invoke(o)).contains(filter)) {
                    some.add(o);
                }
            }
            Class<?> options = l.loadClass("io.rsaudit.core.hunt.read.ReadOptions");
            Object oneThread = options.getMethod("withParallelism", int.class)
                    .invoke(options.getMethod("defaults").invoke(null), 1);
            Class<?> sinkType = l.loadClass("io.rsaudit.core.hunt.read.EventSink");
            Object sink = Proxy.newProxyInstance(l, new Class<?>[] {sinkType}, (p, m, x) -> null);
            Method read = l.loadClass("io.rsaudit.core.hunt.read.LogReader").getMethod("read", List.class, options,
                    sinkType);
            Method decoded = l.loadClass("io.rsaudit.core.hunt.read.ReadSummary").getMethod("decodedBytes");
            builds.add(new Build(Path.of(a[j]).getFileName().toString(), read, some, oneThread, sink, decoded));
        }
        var threads = ManagementFactory.getThreadMXBean();
        List<List<Double>> rates = new ArrayList<>();
        builds.forEach(b -> rates.add(new ArrayList<>()));
        long start = System.nanoTime();
        long warm = start + seconds * 1_000_000_000L / 3;
        long end = start + seconds * 1_000_000_000L;
        byte[] buf = new byte[1 << 18];
        while (System.nanoTime() < end) {
            double inflate = 0;
            if (wall) {
                long t = System.nanoTime();
                for (Path p : gz) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p), 1 << 16)) {
                        while (in.read(buf) > 0) {
                            // the floor: inflating alone
                        }
                    }
                }
                inflate = System.nanoTime() - t;
            }
            for (int k = 0; k < builds.size(); k++) {
                Build b = builds.get(k);
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                Object summary = b.read.invoke(null, b.inputs, b.options, b.sink);
                long used = wall ? System.nanoTime() - t : threads.getCurrentThreadCpuTime() - cpu;
                if (System.nanoTime() > warm) {
                    rates.get(k).add(wall ? inflate / used : (Long) b.decoded.invoke(summary) / (used / 1e3));
                }
            }
        }
        for (int k = 1; k < builds.size(); k++) {
            List<Double> ratio = new ArrayList<>();
            for (int j = 0; j < rates.get(0).size() && j < rates.get(k).size(); j++) {
                ratio.add(rates.get(k).get(j) / rates.get(0).get(j));
            }
            Collections.sort(ratio);
            System.out.printf("%s / %s: median of paired ratios %.3f (p25 %.3f, p75 %.3f, %d pairs)%n",
                    builds.get(k).name, builds.get(0).name, ratio.get(ratio.size() / 2),
                    ratio.get(ratio.size() / 4), ratio.get(3 * ratio.size() / 4), ratio.size());
        }
        for (int k = 0; k < builds.size(); k++) {
            List<Double> r = new ArrayList<>(rates.get(k));
            Collections.sort(r);
            if (wall) {
                System.out.printf("%s: median %.3fx the inflate rate by wall time (p25 %.3f, p75 %.3f, %d rounds)%n",
                        builds.get(k).name, r.get(r.size() / 2), r.get(r.size() / 4), r.get(3 * r.size() / 4),
                        r.size());
            } else {
                System.out.printf("%s: median %.1f MB per CPU second of the reading thread%n", builds.get(k).name,
                        r.get(r.size() / 2));
            }
        }
    }
}
