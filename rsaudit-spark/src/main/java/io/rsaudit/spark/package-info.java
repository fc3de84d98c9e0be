/**
 * The hunt as a Spark job. In: {@link io.rsaudit.spark.JobOptions} (log prefixes or paths in the delivery layout,
 * the same filters as {@code rsaudit hunt}, an output prefix). Out: under the output prefix, the hunt's JSON report
 * ({@code report.json}, the same as {@code rsaudit hunt --format json}), the alerts as JSON Lines partitioned by date
 * ({@code alerts/date=YYYY-MM-DD/alerts.jsonl}), a {@code summary.json} and, for incremental runs, a
 * {@code state.json}.
 *
 * <p>How. The driver lists the inputs ({@link io.rsaudit.spark.Discovery}, pruning date prefixes by the window
 * without listing them); executors read whole files with core's {@code LogReader} and run core's engine over the
 * single-record rules ({@link io.rsaudit.spark.ReadTask}); the matches of correlated rules are shuffled on (rule,
 * group key) and every reduce task runs core's engine, one per rule, over whole groups ({@link
 * io.rsaudit.spark.EvaluateTask}); the driver merges what the tasks found as core's engine merges rules
 * ({@link io.rsaudit.spark.Merge}). Rules and parsers are core's; nothing here matches or parses a record.
 */
package io.rsaudit.spark;
