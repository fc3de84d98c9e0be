package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three Redshift audit logs and the logging-status reading the cluster logging checks share. */
final class AuditLogs {

    static final String USER_ACTIVITY = "useractivitylog";
    static final List<String> ALL = List.of("connectionlog", "userlog", USER_ACTIVITY);

    private static final Map<String, String> CONTENT = Map.of(
            "connectionlog",
            "authentication attempts, connections and disconnections",
            "userlog",
            "changes to database users",
            USER_ACTIVITY,
            "each query before it runs");

    private AuditLogs() {}

    /** The logs of {@link #ALL} that {@code exports} lacks, in their usual order. */
    static List<String> missing(List<String> exports) {
        return ALL.stream().filter(log -> !exports.contains(log)).toList();
    }

    /** "userlog (changes to database users), useractivitylog (each query before it runs)". */
    static String describe(List<String> logs) {
        return logs.stream().map(log -> log + " (" + CONTENT.get(log) + ")").collect(Collectors.joining(", "));
    }

    /**
     * The outcome when the cluster's logging status, or whether logging is on, cannot be read; empty when the
     * status is known and {@code enabled} is true or false.
     */
    static Optional<Outcome> unreadable(Cluster cluster, Value<LoggingStatus> status) {
        if (status.isUnknown()) {
            return Optional.of(
                    Outcome.unknown("cannot read the audit logging status of cluster " + cluster.identifier(), status));
        }
        Value<Boolean> enabled = status.value().enabled();
        if (!enabled.isPresent()) {
            return Optional.of(Outcome.unknown(
                    "cannot tell whether audit logging is enabled on cluster " + cluster.identifier(), enabled));
        }
        return Optional.empty();
    }

    static boolean enabled(LoggingStatus status) {
        return Boolean.TRUE.equals(status.enabled().value());
    }

    /**
     * The fail outcome of the checks that look into enabled audit logging, when it is off: what they require cannot
     * happen without it.
     */
    static Outcome disabled(Cluster cluster, LoggingStatus status, String consequence) {
        return Outcome.fail(
                "audit logging of cluster " + cluster.identifier() + " is disabled (LoggingEnabled is false), so "
                        + consequence + "; enabling audit logging (RS-LOG-001) is the first step",
                status.enabled());
    }

    /** Where the logs go, for messages: "S3 bucket b", "CloudWatch Logs (/aws/redshift/cluster/c/...)". */
    static String destination(Cluster cluster, LoggingStatus status) {
        String type = status.destinationType().value();
        if ("cloudwatch".equals(type)) {
            return "CloudWatch Logs (log groups /aws/redshift/cluster/" + cluster.identifier() + "/<log>)";
        }
        if ("s3".equals(type)) {
            String bucket = status.bucketName().value();
            return bucket == null ? "S3 (no bucket name reported)" : "S3 bucket " + bucket;
        }
        return type == null ? "an unreported destination (no LogDestinationType or BucketName)" : type;
    }
}
