package io.rsaudit.spark;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.ReadOptions;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One run of the job.
 *
 * @param inputs local paths or URIs ({@code s3://bucket/prefix}) in the delivery layout, or any folder of logs
 * @param output where the report, the alerts, the summary and the state go (a local path or a URI)
 * @param type the log type of every input ({@code --type}), or {@code null} to tell it from each name
 * @param since keep records at or after it ({@code null}: no bound); also prunes date prefixes
 * @param until keep records before it ({@code null}: no bound); also prunes date prefixes
 * @param rules the rules and policy to run, as the executors load them
 * @param partitions reduce partitions for the correlated rules' groups
 * @param filesPerTask files one read task reads (a gzip file is always read whole by one task)
 * @param incremental read only files the state under the output does not list, and add them to it
 * @param inventory which security groups are Redshift's, from the export {@code --inventory} names (read on the
 *     driver, shipped to every task); {@code null} without one
 */
record JobOptions(
        List<String> inputs,
        String output,
        LogType type,
        Instant since,
        Instant until,
        Set<String> accounts,
        Set<String> regions,
        Set<String> clusters,
        boolean includeRdsdb,
        int maxRecordBytes,
        RuleSet.Spec rules,
        int partitions,
        int filesPerTask,
        boolean incremental,
        ResourceUse inventory)
        implements Serializable {

    JobOptions {
        inputs = List.copyOf(inputs);
        accounts = Set.copyOf(accounts);
        regions = Set.copyOf(regions);
        clusters = Set.copyOf(clusters);
        if (partitions < 1 || filesPerTask < 1) {
            throw new IllegalArgumentException("partitions and files per task must be at least 1");
        }
        // fails here, on the driver, as the reader would on every executor
        read(type, since, until, accounts, regions, clusters, includeRdsdb, maxRecordBytes);
    }

    /**
     * How every executor reads: the same filters as {@code rsaudit hunt}, one file at a time on the task's own
     * thread (Spark gives a task one core).
     */
    ReadOptions read() {
        return read(type, since, until, accounts, regions, clusters, includeRdsdb, maxRecordBytes);
    }

    private static ReadOptions read(
            LogType type,
            Instant since,
            Instant until,
            Set<String> accounts,
            Set<String> regions,
            Set<String> clusters,
            boolean includeRdsdb,
            int maxRecordBytes) {
        return ReadOptions.defaults()
                .withType(type)
                .withWindow(since, until)
                .withAccounts(accounts)
                .withRegions(regions)
                .withClusters(clusters)
                .withRdsdb(includeRdsdb)
                .withMaxRecordBytes(maxRecordBytes)
                .withParallelism(1)
                .withFileWorkers(ReadOptions.FileWorkers.NEVER);
    }
}
