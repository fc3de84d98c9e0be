package io.rsaudit.spark;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The job: finds the files, reads them on the executors, judges the correlated rules by group after one shuffle,
 * merges on the driver, and writes the output ({@link Output}). The same rules and parsers as {@code rsaudit hunt};
 * the alerts are the ones {@code rsaudit hunt} reports for the same files.
 */
final class SparkHunt {

    /**
     * What a run found.
     *
     * @param files the files read in this run
     * @param previouslyRead files the state listed, not read again
     */
    record Result(
            HuntHeader header,
            List<Alert> alerts,
            HuntSummary summary,
            List<FileRef> files,
            long previouslyRead,
            State state) {}

    private final JavaSparkContext spark;
    private final Clock clock;
    private final String toolVersion;

    SparkHunt(JavaSparkContext spark, Clock clock, String toolVersion) {
        this.spark = spark;
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    /**
     * Runs the hunt and writes its output under {@link JobOptions#output()}.
     *
     * @param failOn alerts at or above it make the verdict FINDINGS; {@code null} for never
     * @throws IllegalArgumentException for rules or a policy that do not load
     * @throws IOException when the output or the state cannot be written or read
     */
    Result run(JobOptions options, Severity failOn) throws IOException {
        Instant started = clock.instant();
        RuleSet rules = RuleSet.of(options.rules());
        String policy = options.rules().policyName() == null
                ? Policy.defaults().source()
                : options.rules().policyName();
        HuntHeader header =
                new HuntHeader(toolVersion, started, options.inputs(), policy, rules.plain(), rules.idle(), failOn);

        Discovery.Found found = Discovery.find(options, spark.hadoopConfiguration());
        State before = options.incremental() ? State.read(options.output(), spark.hadoopConfiguration()) : State.EMPTY;
        Set<String> done = before.fileNames();
        List<FileRef> files = new ArrayList<>();
        for (FileRef f : found.files()) {
            if (!done.contains(f.name())) {
                files.add(f);
            }
        }
        List<TaskOutput> outputs =
                files.isEmpty() && before.tail().isEmpty() ? List.of() : evaluate(options, files, before);

        List<PartResult> parts = new ArrayList<>();
        List<EngineOutput> engines = new ArrayList<>();
        List<TaskOutput.Tail> tail = new ArrayList<>();
        for (TaskOutput t : outputs) {
            parts.addAll(t.parts());
            engines.addAll(t.correlated());
            tail.addAll(t.tail());
        }
        parts.sort(Comparator.comparingInt(PartResult::part));
        List<ReadData> reads = new ArrayList<>();
        List<EngineOutput> all = new ArrayList<>();
        for (PartResult p : parts) {
            reads.add(p.read());
            all.add(p.singles());
        }
        all.addAll(engines);
        ReadSummary read = Merge.read(reads).including(found.filesLeftOut(), found.foldersLeftOut(), found.problems());
        Merge.Judged judged = Merge.alerts(rules.plain(), all);
        List<Alert> alerts = before.fileNames().isEmpty() ? judged.alerts() : before.withoutReported(judged.alerts());
        long atThreshold = failOn == null
                ? 0
                : alerts.stream().filter(a -> a.level().atLeast(failOn)).count();
        List<String> notes = HuntSummary.withNothingRead(judged.notes(), read);
        HuntSummary summary = new HuntSummary(
                clock.instant(),
                read,
                notes,
                alerts.size(),
                atThreshold,
                HuntSummary.verdict(atThreshold, read, notes));
        State after = options.incremental() ? before.after(files, tail) : State.EMPTY;
        Result result = new Result(header, alerts, summary, files, found.files().size() - files.size(), after);
        Output.write(options, result, spark.hadoopConfiguration());
        return result;
    }

    private List<TaskOutput> evaluate(JobOptions options, List<FileRef> files, State before) {
        int slices = Math.max(1, (files.size() + options.filesPerTask() - 1) / options.filesPerTask());
        JavaRDD<FileRef> byFile = spark.parallelize(files, slices);
        JavaRDD<Tuple2<ShuffleKey, Serializable>> read =
                byFile.mapPartitionsWithIndex(new ReadTask(options, spark.hadoopConfiguration()), false);
        JavaPairRDD<ShuffleKey, Serializable> pairs = JavaPairRDD.fromJavaRDD(read);
        if (!before.tail().isEmpty()) {
            pairs = pairs.union(JavaPairRDD.fromJavaRDD(spark.parallelize(before.tailPairs(options.rules()))));
        }
        return pairs.partitionBy(new HashPartitioner(options.partitions()))
                .mapPartitions(new EvaluateTask(options.rules(), options.incremental()))
                .collect();
    }
}
