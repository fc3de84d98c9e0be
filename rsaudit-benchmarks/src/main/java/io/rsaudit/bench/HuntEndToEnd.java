package io.rsaudit.bench;

import io.rsaudit.testkit.logs.BenignDay;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The whole {@code rsaudit hunt} command, all built-in rules, against its floors in the same run: {@code zcat} of the
 * same gzip files and {@code java.util.zip} inflating them (not a test). Behind {@code rsaudit-bench rules e2e}:
 *
 * <pre>
 * ./rsaudit-bench rules day DIR 90000     # a benign day with attacks (BenignDay, seed 42): DIR/plain, DIR/gzip
 * ./rsaudit --version                     # builds rsaudit-cli/target/rsaudit.jar
 * ./rsaudit-bench rules e2e DIR           # 3 rounds; medians of the CPU of each process
 * </pre>
 *
 * Each hunt is its own process with the JVM options {@code ./rsaudit} gives a hunt ({@link #LAUNCHER_HUNT_OPTIONS}),
 * {@code java OPTIONS -jar rsaudit.jar hunt DIR/plain|DIR/gzip --policy ...}, JVM start and report included, on one
 * core ({@link #ONE_CORE}: pinned with {@code taskset} where there is one, and {@code -XX:ActiveProcessorCount=1}) and
 * on two. Like the launcher after its first hunt, each maps a class data
 * sharing archive of its jar, written by one hunt of the plain input before the rounds (not timed). Rates are MB of
 * log text per CPU-second of the process (its children's CPU, read from {@code /proc/self/stat} after it is reaped),
 * so a loaded machine changes them less than wall time; the two-core run also gives its wall time.
 */
final class HuntEndToEnd {

    private HuntEndToEnd() {}

    static void day(Path dir, int activityPerHour) throws IOException {
        Path plain = dir.resolve("plain");
        BenignDay.Result r = new BenignDay(42, activityPerHour).generate(plain);
        Files.writeString(dir.resolve("policy.yaml"), BenignDay.POLICY);
        long text = 0;
        long stored = 0;
        for (Path p : files(plain)) {
            Path gz = dir.resolve("gzip").resolve(plain.relativize(p) + ".gz");
            Files.createDirectories(gz.getParent());
            try (InputStream in = Files.newInputStream(p);
                    OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
                in.transferTo(out);
            }
            text += Files.size(p);
            stored += Files.size(gz);
        }
        System.out.printf(
                Locale.ROOT,
                "%s records; %,d bytes of text, %,d gzip (%.2f:1); %d attacks%n",
                r.records(),
                text,
                stored,
                text / (double) stored,
                r.attacks().size());
    }

    static void run(Path dir, Path jar, int rounds) throws Exception {
        run(dir, jar, null, rounds);
    }

    /**
     * With a {@code base} jar, each round also runs the three hunts with it, right after the same hunt with
     * {@code jar} (so both see the same load), and the table gives both and the ratio of the medians.
     */
    static void run(Path dir, Path jar, Path base, int rounds) throws Exception {
        Path plain = dir.resolve("plain");
        Path gzip = dir.resolve("gzip");
        long text = 0;
        for (Path p : files(plain)) {
            text += Files.size(p);
        }
        long stored = 0;
        for (Path p : files(gzip)) {
            stored += Files.size(p);
        }
        String[] names = {
            "zcat",
            "java.util.zip inflate",
            "hunt plain, 1 core",
            "hunt gzip, 1 core",
            "hunt gzip, 2 cores",
            "base: hunt plain, 1 core",
            "base: hunt gzip, 1 core",
            "base: hunt gzip, 2 cores"
        };
        int shown = base == null ? 5 : names.length;
        double[][] cpu = new double[names.length][rounds];
        double[] baseWall2 = new double[rounds];
        double[] baseWall1 = new double[rounds];
        double[] wall2 = new double[rounds];
        double[] wall1 = new double[rounds];
        Path out = Files.createTempFile("rsaudit-e2e", ".json");
        Path archives = Files.createTempDirectory("rsaudit-e2e-cds");
        try {
            String shared = shareClasses(jar, archives.resolve("jar.jsa"), plain, dir, out);
            String baseShared = base == null ? null : shareClasses(base, archives.resolve("base.jsa"), plain, dir, out);
            for (int round = 0; round < rounds; round++) {
                cpu[0][round] =
                        child(List.of("sh", "-c", "find '" + gzip + "' -name '*.gz' -exec zcat {} + > /dev/null")).cpu;
                cpu[1][round] = inflate(files(gzip));
                cpu[2][round] = hunt(jar, shared, plain, dir, out, 1).cpu;
                if (base != null) {
                    cpu[5][round] = hunt(base, baseShared, plain, dir, out, 1).cpu;
                }
                Run one = hunt(jar, shared, gzip, dir, out, 1);
                cpu[3][round] = one.cpu;
                wall1[round] = one.wall;
                if (base != null) {
                    Run b = hunt(base, baseShared, gzip, dir, out, 1);
                    cpu[6][round] = b.cpu;
                    baseWall1[round] = b.wall;
                }
                Run two = hunt(jar, shared, gzip, dir, out, 2);
                cpu[4][round] = two.cpu;
                wall2[round] = two.wall;
                if (base != null) {
                    Run b = hunt(base, baseShared, gzip, dir, out, 2);
                    cpu[7][round] = b.cpu;
                    baseWall2[round] = b.wall;
                }
                System.out.printf(
                        Locale.ROOT,
                        "round %d: cpu-s zcat %.2f, inflate %.2f, hunt plain %.2f, gzip %.2f, gzip 2 cores %.2f;"
                                + " wall gzip 1 core %.2f s, 2 cores %.2f s%n",
                        round + 1,
                        cpu[0][round],
                        cpu[1][round],
                        cpu[2][round],
                        cpu[3][round],
                        cpu[4][round],
                        one.wall,
                        two.wall);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(archives.resolve("jar.jsa"));
            Files.deleteIfExists(archives.resolve("base.jsa"));
            Files.deleteIfExists(archives);
        }
        System.out.printf(
                Locale.ROOT,
                "%,d bytes of text in %d files, %,d gzip (%.2f:1); medians of %d rounds%n",
                text,
                files(plain).size(),
                stored,
                text / (double) stored,
                rounds);
        System.out.println(
                ONE_CORE != null
                        ? "one core: taskset -c " + ONE_CORE + " and -XX:ActiveProcessorCount=1"
                        : "one core: -XX:ActiveProcessorCount=1 only (no taskset): the JIT and the collector may run"
                                + " on another core");
        double zcat = Median.of(cpu[0]);
        for (int i = 0; i < shown; i++) {
            double c = Median.of(cpu[i]);
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %7.2f cpu-s  %6.0f MB/cpu-s  %5.2fx zcat%n",
                    names[i],
                    c,
                    text / c / 1e6,
                    zcat / c);
        }
        System.out.printf(
                Locale.ROOT,
                "hunt gzip wall: 1 core %.2f s, 2 cores %.2f s: %.2fx%n",
                Median.of(wall1),
                Median.of(wall2),
                Median.of(wall1) / Median.of(wall2));
        if (base != null) {
            System.out.printf(
                    Locale.ROOT,
                    "base hunt gzip wall: 1 core %.2f s, 2 cores %.2f s: %.2fx%n",
                    Median.of(baseWall1),
                    Median.of(baseWall2),
                    Median.of(baseWall1) / Median.of(baseWall2));
            for (int i = 2; i < 5; i++) {
                System.out.printf(
                        Locale.ROOT,
                        "%-24s %5.3fx the base's CPU%n",
                        names[i],
                        Median.of(cpu[i]) / Median.of(cpu[i + 3]));
            }
        }
    }

    /**
     * The JVM options {@code ./rsaudit} gives a hunt, so that the benchmark times the command users run (a test holds
     * the two alike).
     */
    static final List<String> LAUNCHER_HUNT_OPTIONS = List.of(
            "-Xmx256m",
            "-XX:+UseParallelGC",
            "-XX:FreqInlineSize=100",
            "-XX:InlineSmallCode=1000",
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4CompileThreshold=60000",
            "-XX:Tier4BackEdgeThreshold=400000",
            "-XX:MaxTenuringThreshold=1");

    /** The option the launcher adds to {@link #LAUNCHER_HUNT_OPTIONS} where the kernel offers huge pages. */
    static final String LAUNCHER_HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /** Whether the kernel offers transparent huge pages to a process that asks (the launcher's test, in Java). */
    static boolean hugePagesOffered() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException e) {
            return false;
        }
    }

    private record Run(double cpu, double wall) {}

    /**
     * The processor a one-core hunt is pinned to with {@code taskset}, so that its JIT compiler and collector threads
     * share that core as they would on a one-core machine (with {@code -XX:ActiveProcessorCount=1} alone they ran on
     * the other, and the one-core wall time came out a fifth shorter than the process's CPU); {@code null} where
     * {@code taskset} or the process's processor list is missing, and the one-core runs are then only told that they
     * have one.
     */
    static final String ONE_CORE = firstAllowedProcessor();

    private static String firstAllowedProcessor() {
        boolean taskset = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "taskset")));
        if (!taskset) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    String first = line.substring(line.indexOf(':') + 1).trim().split("[-,]")[0];
                    return first.chars().allMatch(Character::isDigit) && !first.isEmpty() ? first : null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Writes {@code archive} with one hunt of {@code input}, as the launcher's first hunt after a build does, and
     * returns the option that maps it.
     */
    private static String shareClasses(Path jar, Path archive, Path input, Path dir, Path out) throws Exception {
        hunt(jar, "-XX:ArchiveClassesAtExit=" + archive, input, dir, out, 1);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no class data sharing archive for " + jar);
        }
        return "-XX:SharedArchiveFile=" + archive;
    }

    private static Run hunt(Path jar, String sharing, Path input, Path dir, Path out, int cores) throws Exception {
        List<String> command = new ArrayList<>();
        if (cores == 1 && ONE_CORE != null) {
            command.addAll(List.of("taskset", "-c", ONE_CORE));
        }
        command.add(javaBin());
        command.addAll(LAUNCHER_HUNT_OPTIONS);
        if (hugePagesOffered()) {
            command.add(LAUNCHER_HUGE_PAGES);
        }
        command.add(sharing);
        command.addAll(List.of(
                "-XX:ActiveProcessorCount=" + cores,
                "-jar",
                jar.toString(),
                "hunt",
                input.toString(),
                "--policy",
                dir.resolve("policy.yaml").toString(),
                "--format",
                "json",
                "--output",
                out.toString(),
                "--fail-on",
                "none",
                "--force"));
        return child(command);
    }

    /** Runs a command to its end; its CPU (and its children's) as the kernel counts it for this process. */
    private static Run child(List<String> command) throws Exception {
        double before = childrenCpu();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        // a hunt exits 1 on alerts at the threshold and 3 when a rule says what it could not judge; 2 and 4 are errors
        if (code != 0 && code != 1 && code != 3) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code);
        }
        return new Run(childrenCpu() - before, wall);
    }

    /** The user and system CPU of this process's reaped children, in seconds (fields 16 and 17 of its stat). */
    private static double childrenCpu() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): cutime is field 16, cstime field 17
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
    }

    private static double inflate(List<Path> files) throws IOException {
        long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        byte[] buffer = new byte[1 << 16];
        for (Path p : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p), 1 << 16)) {
                while (in.read(buffer) >= 0) {
                    // inflating is the measure
                }
            }
        }
        return (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
