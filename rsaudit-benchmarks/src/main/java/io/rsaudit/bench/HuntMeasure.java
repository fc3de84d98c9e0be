package io.rsaudit.bench;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.testkit.logs.LogGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A measurement of the rule engine (not a test): the cost of the rules against reading alone, in one JVM, and the
 * heap a whole hunt needs. Behind {@code rsaudit-bench rules}, from the worktree root:
 *
 * <pre>
 * ./rsaudit-bench rules generate DIR 100000000                    # plain logs, seed 42
 * ./rsaudit-bench rules ratio DIR                                 # read-only vs hunt, median of 3
 * RSAUDIT_JAVA_OPTS=-Xmx256m ./rsaudit-bench rules hunt DIR       # one hunt: alerts digest, heap
 * </pre>
 *
 * The policy is the generator's estate ({@code DIR.policy.yaml}, written by {@code generate}), so the benign part
 * stays quiet and only the injected scenarios alert.
 */
final class HuntMeasure {

    private HuntMeasure() {}

    static void generate(Path dir, long bytes) throws IOException {
        LogGenerator.Result r = new LogGenerator(LogGenerator.Spec.of(bytes, false)).generate(dir);
        Files.writeString(
                policyFile(dir),
                "hunt:\n  allowedCidrs: [" + LogGenerator.OFFICE_CIDR + "]\n"
                        + "  allowedBuckets: [" + LogGenerator.ALLOWED_BUCKET + "]\n  adminUsers: ["
                        + LogGenerator.ADMIN
                        + "]\n");
        System.out.printf(
                Locale.ROOT,
                "%d files, %,d bytes, %,d records, %d injections%n",
                r.files(),
                r.bytes(),
                r.records(),
                r.injections().size());
    }

    private static Path policyFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".policy.yaml");
    }

    private static List<LogInput> inputs(Path dir) throws IOException {
        return LocalFiles.walk(dir).inputs().stream()
                .filter(i -> !i.name().endsWith(".tsv"))
                .toList();
    }

    private static HuntEngine engine(Path dir) throws Exception {
        Policy policy = new PolicyLoader(Set.of()).load(policyFile(dir));
        return new HuntEngine(RuleCatalog.builtIn().all().stream()
                .map(r -> CompiledRule.of(r, policy))
                .toList());
    }

    static void ratio(Path dir) throws Exception {
        List<LogInput> inputs = inputs(dir);
        ReadOptions options = ReadOptions.defaults();
        double[] read = new double[3];
        double[] hunt = new double[3];
        double[] readCpu = new double[3];
        double[] huntCpu = new double[3];
        long events = 0;
        int alerts = 0;
        for (int round = 0; round < 3; round++) {
            LongAdder n = new LongAdder();
            long t0 = System.nanoTime();
            long c0 = cpu();
            ReadSummary s = LogReader.read(inputs, options, e -> n.increment());
            read[round] = (System.nanoTime() - t0) / 1e9;
            readCpu[round] = (cpu() - c0) / 1e9;
            events = s.events();
            HuntEngine engine = engine(dir);
            t0 = System.nanoTime();
            c0 = cpu();
            LogReader.read(inputs, options, engine::accept);
            alerts = engine.finish().alerts().size();
            hunt[round] = (System.nanoTime() - t0) / 1e9;
            huntCpu[round] = (cpu() - c0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: read-only %.2f s (cpu %.2f s), hunt %.2f s (cpu %.2f s)%n",
                    round + 1,
                    read[round],
                    readCpu[round],
                    hunt[round],
                    huntCpu[round]);
        }
        double r = Median.of(read);
        double h = Median.of(hunt);
        System.out.printf(
                Locale.ROOT,
                "%,d events, %d alerts, %d threads; median read-only %.2f s, hunt %.2f s:"
                        + " hunt/read %.2f; cpu read-only %.2f s, hunt %.2f s: hunt/read %.2f%n",
                events,
                alerts,
                options.parallelism(),
                r,
                h,
                h / r,
                Median.of(readCpu),
                Median.of(huntCpu),
                Median.of(huntCpu) / Median.of(readCpu));
    }

    static void hunt(Path dir) throws Exception {
        List<LogInput> inputs = inputs(dir);
        HuntEngine engine = engine(dir);
        long t0 = System.nanoTime();
        ReadSummary s = LogReader.read(inputs, ReadOptions.defaults(), engine::accept);
        HuntEngine.Result result = engine.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        TreeMap<String, Integer> perRule = new TreeMap<>();
        List<String> digest = new ArrayList<>();
        for (Alert a : result.alerts()) {
            perRule.merge(a.ruleId(), 1, Integer::sum);
            digest.add(a.ruleId() + " " + a.first() + " " + a.eventCount() + " " + a.summary() + " "
                    + a.evidence().stream().map(e -> e.origin().toString()).toList());
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d events in %d files, %.2f s; %d alerts %s; notes %s%n",
                s.events(),
                s.files(),
                seconds,
                result.alerts().size(),
                perRule,
                result.notes());
        System.out.printf(
                Locale.ROOT,
                "max heap %d MiB; sum of heap pool peaks %d MiB; alerts digest %08x%n",
                Runtime.getRuntime().maxMemory() >> 20,
                peak >> 20,
                digest.hashCode());
        if (System.getProperty("digest") != null) {
            Files.write(Path.of(System.getProperty("digest")), digest);
        }
    }

    /** CPU time of the whole process: less disturbed than wall time on a shared machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
