package io.rsaudit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.testkit.estate.EstateGenerator;
import io.rsaudit.testkit.estate.EstateSpec;
import io.rsaudit.testkit.estate.EstateSummary;
import io.rsaudit.testkit.sim.AwsSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rsaudit-bench generate|run|live|hunt|rules}: the benchmarks (not tests). {@code scripts/bench.sh} runs the
 * issue's case: the default estate, one core, {@code -Xmx1g}.
 */
@Command(
        name = "rsaudit-bench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Benchmarks, each against a floor measured in the same run: the offline scan (generate, run),"
                + " the live scan against the local AWS simulator (live), hunt's log reading (hunt) and its rules"
                + " (rules), and what a hunt over a trail's bucket lists (s3-listing).",
        subcommands = {
            BenchCommand.GenerateCommand.class,
            BenchCommand.RunCommand.class,
            BenchCommand.LiveCommand.class,
            BenchCommand.HuntCommand.class,
            BenchCommand.RulesCommand.class,
            BenchCommand.S3ListingCommand.class
        })
final class BenchCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Writes a large, realistic export (deterministic for a seed) in the layout scan reads.")
    static final class GenerateCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write; absent or empty.")
        Path out;

        @Option(names = "--accounts", defaultValue = "20", description = "Accounts. Default: ${DEFAULT-VALUE}.")
        int accounts;

        @Option(
                names = "--regions",
                defaultValue = "17",
                description = "Regions per account. Default: ${DEFAULT-VALUE}.")
        int regions;

        @Option(
                names = "--clusters",
                defaultValue = "2000",
                description = "Clusters in all. Default: ${DEFAULT-VALUE}.")
        int clusters;

        @Option(
                names = "--snapshots",
                defaultValue = "100000",
                description = "Cluster snapshots in all. Default: ${DEFAULT-VALUE}.")
        int snapshots;

        @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() {
            EstateSpec estate;
            try {
                estate = new EstateSpec(accounts, regions, clusters, snapshots, seed);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
            long started = System.nanoTime();
            EstateSummary summary;
            try {
                summary = new EstateGenerator(estate).generate(out);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--out " + e.getMessage());
            } catch (IOException e) {
                throw new Main.UsageException("cannot write " + out + ": " + e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter err = spec.commandLine().getErr();
            err.print(describe(summary, out, seconds));
            err.flush();
            return ExitCode.CLEAN.code();
        }
    }

    static String describe(EstateSummary s, Path out, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "rsaudit-bench generate: wrote %,d files, %,d bytes (%.1f MiB) into %s in" + " %.1f s (seed %d)%n",
                s.totalFiles(),
                s.totalBytes(),
                s.totalBytes() / 1048576.0,
                out,
                seconds,
                s.spec().seed()));
        b.append(String.format(
                Locale.ROOT,
                "  %,d accounts x %,d regions = %,d scopes; %,d clusters; %,d cluster"
                        + " snapshots (%,d automated, %,d orphaned, %,d copied from another region, %,d shared in, %,d shared"
                        + " out); %,d copy grants; %,d KMS keys; %,d parameter groups; %,d security groups; %,d serverless"
                        + " namespaces and workgroups, %,d serverless snapshots; %,d trails%n",
                s.accounts(),
                s.spec().regions(),
                s.scopes(),
                s.clusters(),
                s.snapshots(),
                s.automated(),
                s.orphaned(),
                s.copies(),
                s.sharedIn(),
                s.sharedOut(),
                s.copyGrants(),
                s.keys(),
                s.parameterGroups(),
                s.securityGroups(),
                s.namespaces(),
                s.serverlessSnapshots(),
                s.trails()));
        b.append(String.format(Locale.ROOT, "  %-46s %9s %15s%n", "call", "files", "bytes"));
        for (Map.Entry<String, Long> e : s.files().entrySet()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-46s %,9d %,15d%n",
                    e.getKey(),
                    e.getValue(),
                    s.bytes().get(e.getKey())));
        }
        return b.toString();
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = "Measures baseline (readTree of every file), load and checks; prints medians, ratios, heap"
                    + " peak.")
    static final class RunCommand implements Callable<Integer> {

        enum Format {
            text,
            json
        }

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "DIR", description = "The export to scan.")
        Path input;

        @Option(names = "--repeat", defaultValue = "5", description = "Measured iterations. Default: ${DEFAULT-VALUE}.")
        int repeat;

        @Option(
                names = "--warmup",
                defaultValue = "2",
                description = "Discarded iterations. Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(
                names = "--format",
                defaultValue = "text",
                paramLabel = "FORMAT",
                description = "text or json. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            if (!Files.isDirectory(input)) {
                throw new Main.UsageException("--input " + input + " is not a directory");
            }
            if (repeat < 1 || warmup < 0) {
                throw new Main.UsageException("--repeat must be at least 1 and --warmup at least 0");
            }
            BenchResult result;
            try {
                result = new Benchmark(input, warmup, repeat, spec.commandLine().getErr()).run();
            } catch (IOException e) {
                throw new Main.UsageException("cannot read " + input + ": " + e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? BenchReport.json(result) : BenchReport.text(result));
            out.flush();
            return ExitCode.CLEAN.code();
        }
    }

    @Command(
            name = "live",
            mixinStandardHelpOptions = true,
            description = "Live-scan benchmark: generates an estate, serves it from the local AWS simulator (127.0.0.1)"
                    + " with a latency added to every call, runs the live collector and compares its wall time with"
                    + " the floor (the longest chain of dependent calls of any account-region x the latency).")
    static final class LiveCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--estate",
                paramLabel = "DIR",
                description = "Serve this export instead of generating one (the sizes below are then ignored).")
        Path estate;

        @Option(names = "--accounts", defaultValue = "5", description = "Accounts. Default: ${DEFAULT-VALUE}.")
        int accounts;

        @Option(
                names = "--regions",
                defaultValue = "17",
                description = "Regions per account. Default: ${DEFAULT-VALUE}.")
        int regions;

        @Option(
                names = "--clusters",
                defaultValue = "1000",
                description = "Clusters in all. Default: ${DEFAULT-VALUE}.")
        int clusters;

        @Option(
                names = "--snapshots",
                defaultValue = "20000",
                description = "Cluster snapshots in all. Default: ${DEFAULT-VALUE}.")
        int snapshots;

        @Option(
                names = "--parameter-groups",
                defaultValue = "300",
                description = "Parameter groups in all (two defaults per region). Default: ${DEFAULT-VALUE}.")
        int parameterGroups;

        @Option(
                names = "--kms-keys",
                defaultValue = "200",
                description = "Customer managed KMS keys in all. Default: ${DEFAULT-VALUE}.")
        int keys;

        @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(
                names = "--latency",
                defaultValue = "50",
                paramLabel = "MS",
                description = "Milliseconds added to every call. Default: ${DEFAULT-VALUE}.")
        long latency;

        @Option(
                names = "--concurrency",
                paramLabel = "N",
                description = "The collector's concurrency. Default: its own default.")
        Integer concurrency;

        @Option(
                names = "--per-region",
                paramLabel = "N",
                description = "The collector's limit of calls in flight per account-region. Default: its own default.")
        Integer perRegion;

        @Option(
                names = "--runs",
                defaultValue = "1",
                paramLabel = "N",
                description = "Collections in this JVM, each with a fresh collector, against one simulator. The first"
                        + " is cold (class loading, JIT, and the simulator making its answers) and reported alone;"
                        + " with more, the median of the others is reported too, as warm. Default: ${DEFAULT-VALUE}.")
        int runs;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (runs < 1) {
                throw new Main.UsageException("--runs must be at least 1");
            }
            Path dir = estate;
            Path generated = null;
            int clusterCount;
            if (dir == null) {
                EstateSpec s;
                try {
                    s = new EstateSpec(accounts, regions, clusters, snapshots, seed, parameterGroups, keys);
                } catch (IllegalArgumentException e) {
                    throw new Main.UsageException(e.getMessage());
                }
                generated = Files.createTempDirectory("rsaudit-bench-estate-");
                EstateSummary summary = new EstateGenerator(s).generate(generated);
                err.print(describe(summary, generated, 0));
                err.flush();
                dir = generated;
                clusterCount = summary.clusters();
            } else if (!Files.isDirectory(dir)) {
                throw new Main.UsageException("--estate " + dir + " is not a directory");
            } else {
                clusterCount = countClusters(dir);
            }
            int n = concurrency == null ? io.rsaudit.aws.LiveOptions.DEFAULT_CONCURRENCY : concurrency;
            int lane = perRegion == null ? io.rsaudit.aws.LiveOptions.DEFAULT_PER_REGION : perRegion;
            if (n < 1 || lane < 1) {
                throw new Main.UsageException("--concurrency and --per-region must be at least 1");
            }
            try (AwsSimulator sim = LiveBench.simulator(dir, latency)) {
                PrintWriter out = spec.commandLine().getOut();
                List<LiveBench.Result> all = new ArrayList<>();
                for (int i = 1; i <= runs; i++) {
                    LiveBench.Result one = LiveBench.run(sim, dir, clusterCount, n, lane);
                    all.add(one);
                    if (runs > 1) {
                        out.printf(
                                Locale.ROOT,
                                "  run %d: %,d ms wall, wall / floor %s, %,d ms CPU (simulator %,d" + " ms)%n",
                                i,
                                one.wallMillis(),
                                ratio(one),
                                one.cpu() == null ? -1 : one.cpu().processMillis(),
                                one.cpu() == null ? -1 : one.cpu().simulatorMillis());
                    }
                }
                report(out, "cold, in a fresh JVM (run 1): ", all.get(0));
                if (runs > 1) {
                    List<LiveBench.Result> warm = new ArrayList<>(all.subList(1, all.size()));
                    warm.sort(Comparator.comparingLong(LiveBench.Result::wallMillis));
                    report(
                            out,
                            String.format(Locale.ROOT, "warm, the median of runs 2 to %d: ", runs),
                            warm.get(warm.size() / 2));
                }
                out.flush();
                return all.stream().allMatch(r -> r.collectionErrors() == 0)
                        ? ExitCode.CLEAN.code()
                        : ExitCode.INCOMPLETE.code();
            } finally {
                if (generated != null) {
                    delete(generated);
                }
            }
        }

        private static String ratio(LiveBench.Result r) {
            return r.ratio().isPresent()
                    ? String.format(Locale.ROOT, "%.2f", r.ratio().getAsDouble())
                    : "n/a (" + (r.latencyMillis() == 0 ? "--latency 0" : "no dependent calls")
                            + ": the floor is 0 ms)";
        }

        private static void report(PrintWriter out, String which, LiveBench.Result r) {
            out.printf(
                    Locale.ROOT,
                    "rsaudit-bench live, %s%,d ms wall, %,d API calls (%,d failed), %.2f calls per"
                            + " cluster (%,d clusters), concurrency %d (%d per account-region), %d ms per call%n",
                    which,
                    r.wallMillis(),
                    r.apiCalls(),
                    r.failedCalls(),
                    r.callsPerCluster(),
                    r.clusters(),
                    r.concurrency(),
                    r.perRegion(),
                    r.latencyMillis());
            out.printf(
                    Locale.ROOT,
                    "  floor: %d dependent calls x %d ms = %,d ms, in %s%n",
                    r.floorCalls(),
                    r.latencyMillis(),
                    r.floorMillis(),
                    r.floorScope());
            out.printf(
                    Locale.ROOT,
                    "  wall / floor: %s (goal <= 1.5); collection errors: %d%n",
                    ratio(r),
                    r.collectionErrors());
            r.errorSamples().forEach(e -> out.printf(Locale.ROOT, "    %s%n", e));
            if (r.cpu() != null) {
                LiveBench.Cpu c = r.cpu();
                out.printf(
                        Locale.ROOT,
                        "  cpu: %,d ms in this JVM during the collection (simulator %,d ms;"
                                + " collector with its JIT and GC %,d ms): at least %,d ms of wall even with all %d cores"
                                + " to itself; per 1,000 API calls %.2f cpu-s (collector %.2f)%n",
                        c.processMillis(),
                        c.simulatorMillis(),
                        c.collectorMillis(),
                        c.cpuBoundMillis(),
                        c.cores(),
                        c.processMillis() / (double) r.apiCalls(),
                        c.collectorMillis() / (double) r.apiCalls());
            }
        }

        /** Deletes the estate generated for this run. */
        private static void delete(Path dir) throws IOException {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }

        /** Clusters of an export given with --estate: the Clusters lists of its describe-clusters files. */
        private static int countClusters(Path dir) throws IOException {
            var mapper = new ObjectMapper();
            int n = 0;
            try (var all = Files.walk(dir)) {
                for (Path p : all.filter(f -> f.endsWith(Path.of("redshift", "describe-clusters.json")))
                        .toList()) {
                    n += mapper.readTree(p.toFile()).path("Clusters").size();
                }
            }
            return n;
        }
    }

    @Command(
            name = "hunt",
            mixinStandardHelpOptions = true,
            description = "Measures hunt's log reading against its floors (read + line ends; java.util.zip inflate;"
                    + " zcat), the heap peak per input size, or (--scaling) 2 threads against 1 and gzip with file"
                    + " workers.")
    static final class HuntCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--work",
                defaultValue = "bench-hunt",
                paramLabel = "DIR",
                description = "Where generated logs are kept between runs. Default: ${DEFAULT-VALUE}.")
        Path work;

        @Option(
                names = "--sizes",
                defaultValue = "100000000,1000000000",
                split = ",",
                paramLabel = "BYTES",
                description = "Input sizes (bytes of log text) for the heap peaks; the first is also timed."
                        + " Default: ${DEFAULT-VALUE}; add 5000000000 for 5 GB.")
        List<Long> sizes;

        @Option(
                names = "--repeat",
                defaultValue = "5",
                description = "Timed runs per measure (the median is kept)." + " Default: ${DEFAULT-VALUE}.")
        int repeat;

        @Option(
                names = "--scaling",
                description = "Only measure what needs 2 cores (run it on 2): 2 threads against"
                        + " 1 across files, and gzip read with file workers against inflating alone.")
        boolean scaling;

        @Option(
                names = "--heap-gzip",
                description = "Measure the heap peaks reading gzip corpora (a 5 GB corpus"
                        + " then takes about 0.6 GB of disk instead of 5 GB).")
        boolean heapGzip;

        @Override
        public Integer call() {
            if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1_000_000) || repeat < 1) {
                throw new Main.UsageException("--sizes must be at least 1000000 bytes each and --repeat at least 1");
            }
            try {
                new HuntBenchmark(
                                work,
                                sizes,
                                repeat,
                                scaling,
                                heapGzip,
                                spec.commandLine().getOut())
                        .run();
            } catch (IOException e) {
                throw new Main.UsageException("cannot write or read " + work + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.INTERNAL.code();
            }
            return ExitCode.CLEAN.code();
        }
    }

    @Command(
            name = "rules",
            mixinStandardHelpOptions = true,
            description = "The rule engine: generate DIR BYTES writes plain logs (seed 42) and the policy of their"
                    + " estate (DIR.policy.yaml); ratio DIR times reading alone against a whole hunt (median of 3);"
                    + " hunt DIR runs one hunt and prints its alerts digest and heap peak (run it with -Xmx256m);"
                    + " day DIR N writes a benign day with attacks (N activity records per business hour) as plain"
                    + " and gzip logs; e2e DIR times the whole rsaudit hunt command against zcat and inflate.")
    static final class RulesCommand implements Callable<Integer> {

        enum Measure {
            generate,
            ratio,
            hunt,
            day,
            e2e
        }

        @Parameters(index = "0", paramLabel = "MEASURE", description = "generate, ratio, hunt, day or e2e.")
        Measure measure;

        @Parameters(index = "1", paramLabel = "DIR", description = "The logs.")
        Path dir;

        @Parameters(
                index = "2",
                arity = "0..1",
                paramLabel = "BYTES",
                description = "generate: bytes of log text to write; day: activity records per business hour.")
        Long bytes;

        @picocli.CommandLine.Option(
                names = "--jar",
                defaultValue = "rsaudit-cli/target/rsaudit.jar",
                description = "e2e: the rsaudit jar to run. Default: ${DEFAULT-VALUE}.")
        Path jar;

        @picocli.CommandLine.Option(
                names = "--base",
                description = "e2e: a second rsaudit jar (an earlier build) whose hunts run right after each of"
                        + " --jar's, for a before/after in the same run.")
        Path base;

        @picocli.CommandLine.Option(
                names = "--rounds",
                defaultValue = "3",
                description = "e2e: rounds (medians). Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Override
        public Integer call() throws Exception {
            boolean sized = measure == Measure.generate || measure == Measure.day;
            if (sized != (bytes != null)) {
                throw new Main.UsageException("BYTES is given to generate and day, and only to them");
            }
            switch (measure) {
                case generate -> HuntMeasure.generate(dir, bytes);
                case ratio -> HuntMeasure.ratio(dir);
                case hunt -> HuntMeasure.hunt(dir);
                case day -> HuntEndToEnd.day(dir, Math.toIntExact(bytes));
                case e2e -> HuntEndToEnd.run(dir, jar, base, rounds);
            }
            return ExitCode.CLEAN.code();
        }
    }

    @Command(
            name = "s3-listing",
            mixinStandardHelpOptions = true,
            description = "Counts the ListObjectsV2 calls and the objects selected of a hunt over a trail's bucket"
                    + " (generated, served by the simulator): the whole bucket against a one-day window.")
    static final class S3ListingCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--work",
                defaultValue = "bench-s3-listing",
                paramLabel = "DIR",
                description = "Where the bucket is kept between runs. Default: ${DEFAULT-VALUE}.")
        Path work;

        @Option(names = "--days", defaultValue = "365", description = "Days of logs. Default: ${DEFAULT-VALUE}.")
        int days;

        @Option(
                names = "--regions",
                defaultValue = "eu-west-1,us-east-1",
                split = ",",
                description = "Regions. Default: ${DEFAULT-VALUE}.")
        List<String> regions;

        @Option(
                names = "--minutes",
                defaultValue = "15",
                description = "Minutes between two files of a region. Default: ${DEFAULT-VALUE}.")
        int minutes;

        @Override
        public Integer call() {
            if (days < 3 || minutes < 1 || regions.isEmpty()) {
                throw new Main.UsageException("--days must be at least 3, --minutes at least 1, and a region given");
            }
            try {
                new S3ListingBench(work, java.time.Instant.parse("2026-12-01T00:00:00Z"), days, regions, minutes)
                        .run(spec.commandLine().getOut());
            } catch (IOException e) {
                throw new Main.UsageException("cannot write or read " + work + ": " + e);
            }
            return ExitCode.CLEAN.code();
        }
    }
}
