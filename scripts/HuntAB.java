// Compares hunt's log reading of two builds on one machine at one time (not a test): both jars are loaded in one
// JVM, their reads of the same files alternate, and each pair of samples gives a ratio of the reading thread's CPU
// rates, so load that comes and goes on a shared machine falls on both alike. Prints the median paired ratio of
// each jar against the first and each jar's median rate. Run with the source launcher, e.g.
//   taskset -c 0 java -Xmx256m -XX:ActiveProcessorCount=1 scripts/HuntAB.java \
//       bench-hunt/hunt-100000000-plain/AWSLogs 60 "" /tmp/before.jar rsaudit-cli/target/rsaudit.jar
// (directory, seconds (the first third is warm-up), a substring the file names must hold, then the jars).
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class HuntAB {

    record Build(String name, Method read, Object inputs, Object options, Object sink, Method decoded) {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int seconds = Integer.parseInt(a[1]);
        String filter = a[2];
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
            Object sink = Proxy.newProxyInstance(l, new Class<?>[] {sinkType}, (p, m, args) -> null);
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
        while (System.nanoTime() < end) {
            for (int k = 0; k < builds.size(); k++) {
                Build b = builds.get(k);
                long cpu = threads.getCurrentThreadCpuTime();
                Object summary = b.read.invoke(null, b.inputs, b.options, b.sink);
                long used = threads.getCurrentThreadCpuTime() - cpu;
                if (System.nanoTime() > warm) {
                    rates.get(k).add((Long) b.decoded.invoke(summary) / (used / 1e3));
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
            System.out.printf("%s: median %.1f MB per CPU second of the reading thread%n", builds.get(k).name,
                    r.get(r.size() / 2));
        }
    }
}
