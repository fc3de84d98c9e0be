package io.rsaudit.spark;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.run.Hunt;
import io.rsaudit.core.hunt.run.HuntInput;
import io.rsaudit.core.hunt.run.HuntListener;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.testkit.logs.LogGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale bench's two halves that are not the job (docs/spark.md, "Sizing"): {@code generate DIR BYTES} writes
 * the test kit's corpus (gzip, delivery layout, attacks in the first hour) of about BYTES uncompressed, and
 * {@code local DIR THREADS} runs core's Hunt service over it as {@code rsaudit hunt} does, with THREADS reading
 * threads, and prints the wall time, the process's CPU time and the throughput of both. Not a test; run by hand with the job jar on the class path.
 */
public final class SparkBench {

    private SparkBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            long bytes = Long.parseLong(args[2]);
            long t0 = System.nanoTime();
            LogGenerator.Result r = new LogGenerator(
                            new LogGenerator.Spec(bytes, true, 42, Instant.parse("2024-03-04T08:00:00Z"), 2, 20_000))
                    .generate(dir);
            System.out.printf(
                    Locale.ROOT,
                    "generated %d files, %d bytes uncompressed, %d records in %.1f s%n",
                    r.files(),
                    r.bytes(),
                    r.records(),
                    (System.nanoTime() - t0) / 1e9);
            return;
        }
        int threads = Integer.parseInt(args[2]);
        List<LogInput> inputs = LocalFiles.walk(dir).inputs();
        Hunt hunt = new Hunt(RuleCatalog.builtIn().all(), Policy.defaults(), Clock.systemUTC(), "bench");
        AtomicLong alerts = new AtomicLong();
        long t0 = System.nanoTime();
        HuntSummary s = hunt.run(
                HuntInput.of(List.of(dir.toString()), inputs),
                ReadOptions.defaults().withParallelism(threads),
                Severity.INFO,
                new HuntListener() {
                    @Override
                    public void alert(Alert a) {
                        alerts.incrementAndGet();
                    }
                });
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        System.out.printf(
                Locale.ROOT,
                "local hunt, %d thread(s): %d files, %d decoded bytes, %d records, %d alerts in %.1f s:"
                        + " %.1f MB/s, %.0f records/s; process CPU %.1f s (JVM start included): %.1f MB per CPU-s%n",
                threads,
                s.read().files(),
                s.read().decodedBytes(),
                s.read().records(),
                alerts.get(),
                secs,
                s.read().decodedBytes() / secs / 1e6,
                s.read().records() / secs,
                cpu,
                s.read().decodedBytes() / cpu / 1e6);
    }
}
