package io.rsaudit.bench;

import io.rsaudit.aws.LiveCollector;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.Progress;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The live-scan benchmark: the live collector, at its default concurrency, against the simulator serving a
 * generated estate with a fixed latency added to every call; compared with the floor, the longest chain of calls
 * that must follow one another in any single account-region, times that latency.
 *
 * <p>The chain is computed from the simulator's request log (how many pages each list took there, and which
 * per-resource calls were made) and the known dependencies: the role is assumed and the regions listed before a
 * region starts (2 calls); then a list's pages follow one another, and what a list names can only be asked after
 * the page naming it: a cluster's logging status and parameters (all pages of one group), the security groups of
 * clusters and workgroups (every page of the group-id batches), and a key's describe-key then rotation status.
 * Parallel calls do not lengthen it, so wall / floor near 1 means latency, not scheduling, bounds the scan.
 */
public final class LiveBench {

    /** The caller, who assumes {@link #ROLE} in every account of the estate. */
    static final String CALLER = "100000000001";

    static final String ROLE = "rsaudit-bench";

    /**
     * What one run measured.
     *
     * @param wallMillis the collection's wall time
     * @param apiCalls requests the simulator answered (every page, the role and the region list included)
     * @param failedCalls requests answered with an error (none is expected)
     * @param clusters clusters in the estate
     * @param floorCalls the longest dependent chain of any account-region
     * @param floorScope that account-region
     * @param latencyMillis the latency added to every call
     * @param concurrency the collector's concurrency
     * @param perRegion the collector's limit of calls in flight per account-region
     * @param collectionErrors calls the collector could not complete
     * @param cpu the CPU time this JVM used during the collection, or {@code null} when it cannot be measured
     * @param errorSamples the first few collection errors (location and message), to say what failed
     */
    public record Result(
            long wallMillis,
            long apiCalls,
            long failedCalls,
            int clusters,
            int floorCalls,
            String floorScope,
            long latencyMillis,
            int concurrency,
            int perRegion,
            long collectionErrors,
            Cpu cpu,
            List<String> errorSamples) {

        public long floorMillis() {
            return floorCalls * latencyMillis;
        }

        /** wall / floor, or empty when there is no floor to compare with (no latency, or no chain). */
        public java.util.OptionalDouble ratio() {
            return floorMillis() == 0
                    ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of((double) wallMillis / floorMillis());
        }

        public double callsPerCluster() {
            return clusters == 0 ? 0 : (double) apiCalls / clusters;
        }
    }

    /**
     * Where the CPU time of a run went: the simulator and the collector share this JVM and the machine's cores, so a
     * wall time far above the floor may only mean that the machine had not the CPU for both.
     *
     * @param processMillis CPU time of the whole JVM during the collection (every thread: collector, simulator,
     *     JIT compiler, garbage collector)
     * @param simulatorMillis the part the simulator's request handlers used
     * @param cores the processors the JVM may use
     */
    public record Cpu(long processMillis, long simulatorMillis, int cores) {

        /** The rest: the collector, the SDK and the JVM's own work (JIT, GC) for them. */
        public long collectorMillis() {
            return processMillis - simulatorMillis;
        }

        /** The shortest wall time that this much CPU allows on these cores, had nothing else run on them. */
        public long cpuBoundMillis() {
            return processMillis / cores;
        }
    }

    private LiveBench() {}

    /** The simulator every run of a benchmark asks: one, so that later runs find its answers made (see below). */
    public static AwsSimulator simulator(Path estate, long latencyMillis) throws IOException {
        return AwsSimulator.start(
                estate, SimOptions.builder().latencyMillis(latencyMillis).build());
    }

    /**
     * Collects the estate at {@code estate}, which {@code sim} serves, with a fresh collector, into memory, and builds
     * its inventory, as a live scan does before its checks. The simulator keeps the bytes of every answer it made, as
     * AWS's work is not on the caller's machine: a first run pays for making them (and for the JIT), later runs
     * measure the collector.
     */
    public static Result run(AwsSimulator sim, Path estate, int clusters, int concurrency, int perRegion)
            throws IOException {
        List<String> accounts;
        try (Stream<Path> s = Files.list(estate)) {
            accounts = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{12}"))
                    .sorted()
                    .toList();
        }
        long latencyMillis = sim.options().latencyMillis();
        LiveOptions options = new LiveOptions(
                        null,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM" + CALLER, "bench")),
                        ROLE,
                        null,
                        accounts,
                        false,
                        List.of(),
                        "us-east-1",
                        sim.endpoint(),
                        concurrency,
                        List.of(),
                        Progress.NONE)
                .withPerRegion(perRegion);
        int asked = sim.requests().size();
        long simCpu0 = sim.cpuTime().toMillis();
        long cpu0 = processCpuNanos();
        long started = System.nanoTime();
        LiveCollector.Collection collection = new LiveCollector(options).collect();
        Inventory inventory = collection.inventory();
        LiveCollector.Result collected = collection.result();
        long wall = (System.nanoTime() - started) / 1_000_000;
        long cpu1 = processCpuNanos();
        Cpu cpu = cpu0 < 0 || cpu1 < 0
                ? null
                : new Cpu(
                        (cpu1 - cpu0) / 1_000_000,
                        sim.cpuTime().toMillis() - simCpu0,
                        Runtime.getRuntime().availableProcessors());
        List<SimRequest> all = sim.requests();
        List<SimRequest> log = all.subList(asked, all.size());
        Floor floor = floor(estate, log);
        return new Result(
                wall,
                log.size(),
                log.stream().filter(r -> !r.ok()).count(),
                clusters,
                floor.calls,
                floor.scope,
                latencyMillis,
                concurrency,
                perRegion,
                collected.failed() + collected.problems().size(),
                cpu,
                inventory.errors().stream()
                        .filter(e -> !e.isWarning())
                        .limit(6)
                        .map(e -> e.location() + ": " + e.message())
                        .toList());
    }

    /** The JVM's CPU time so far, or -1 where the platform does not say. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private record Floor(int calls, String scope) {}

    /** The longest dependent chain of any account-region, from the request log (see the class comment). */
    static Floor floor(Path estate, List<SimRequest> log) throws IOException {
        Map<String, Map<String, Integer>> byScope = new HashMap<>();
        for (SimRequest r : log) {
            if (r.ok() && !r.service().equals("sts") && !r.operation().equals("DescribeRegions")) {
                byScope.computeIfAbsent(r.account() + "/" + r.region(), k -> new HashMap<>())
                        .merge(r.operation(), 1, Integer::sum);
            }
        }
        Floor worst = new Floor(0, "-");
        for (Map.Entry<String, Map<String, Integer>> e : byScope.entrySet()) {
            Map<String, Integer> n = e.getValue();
            int groups = count(estate.resolve(e.getKey()).resolve("redshift/describe-cluster-parameters"));
            int paramPages = groups == 0 ? 0 : ceil(n.getOrDefault("DescribeClusterParameters", 0), groups);
            int kms = (n.containsKey("DescribeKey") ? 1 : 0) + (n.containsKey("GetKeyRotationStatus") ? 1 : 0);
            int sg = n.getOrDefault("DescribeSecurityGroups", 0);
            int clusters = n.getOrDefault("DescribeClusters", 0);
            int perCluster =
                    Math.max(n.containsKey("DescribeLoggingStatus") ? 1 : 0, Math.max(paramPages, Math.max(sg, kms)));
            int chain = Stream.of(
                            clusters + perCluster,
                            n.getOrDefault("DescribeClusterSnapshots", 0) + kms,
                            n.getOrDefault("DescribeClusterParameterGroups", 0),
                            n.getOrDefault("DescribeEventSubscriptions", 0),
                            n.getOrDefault("DescribeClusterSubnetGroups", 0),
                            n.getOrDefault("DescribeSnapshotCopyGrants", 0) + kms,
                            n.getOrDefault("ListNamespaces", 0) + kms,
                            n.getOrDefault("ListWorkgroups", 0) + sg,
                            n.getOrDefault("ListSnapshots", 0) + kms,
                            n.getOrDefault("DescribeTrails", 0) + (n.containsKey("GetTrailStatus") ? 1 : 0))
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
            // the role and the region list come first in every account
            chain += 2;
            if (chain > worst.calls || (chain == worst.calls && e.getKey().compareTo(worst.scope) < 0)) {
                worst = new Floor(chain, e.getKey() + " " + describe(n));
            }
        }
        return worst;
    }

    private static String describe(Map<String, Integer> n) {
        return n.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(calls: ", ")"));
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        }
    }
}
