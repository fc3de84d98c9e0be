package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.check.logging.ActivityLogHalves.Half;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;

/**
 * Redshift writes the user activity log only when audit logging exports it and the parameter group enables it;
 * each half alone looks configured but records no query. Both halves are judged so that the message can say which
 * one is missing.
 */
@CheckInfo(
        id = "RS-LOG-003",
        title = "User activity logging is fully enabled",
        severity = Severity.MEDIUM,
        area = Area.LOGGING)
public final class UserActivityLoggingEnabled implements Check<Cluster> {

    private static final String PARAMETER = ActivityLogHalves.PARAMETER;

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return ActivityLogHalves.judge(
                "cluster " + cluster.identifier(), export(cluster, context), parameter(cluster, context));
    }

    private static Half export(Cluster cluster, CheckContext context) {
        Value<LoggingStatus> status = context.inventory().logging(cluster);
        if (status.isUnknown()) {
            return new Half(Result.UNKNOWN, "the audit logging status was not read", status);
        }
        LoggingStatus logging = status.value();
        if (!logging.enabled().isPresent()) {
            return new Half(Result.UNKNOWN, "whether audit logging is enabled is not known", logging.enabled());
        }
        if (!AuditLogs.enabled(logging)) {
            return new Half(Result.FAIL, "audit logging is disabled, so no log is delivered", logging.enabled());
        }
        Value<List<String>> exports = logging.logExports();
        String destination = AuditLogs.destination(cluster, logging);
        if (exports.isUnknown()) {
            return new Half(Result.UNKNOWN, "the logs exported to " + destination + " are not known", exports);
        }
        List<String> exported = exports.value() == null ? List.of() : exports.value();
        if (!exported.contains(AuditLogs.USER_ACTIVITY)) {
            return new Half(
                    Result.FAIL,
                    "audit logging to " + destination + " does not export " + AuditLogs.USER_ACTIVITY + " (LogExports: "
                            + exported + ")",
                    exports);
        }
        return new Half(
                Result.PASS, "audit logging exports " + AuditLogs.USER_ACTIVITY + " to " + destination, exports);
    }

    private static Half parameter(Cluster cluster, CheckContext context) {
        Value<String> value = ClusterParameters.read(cluster, context, PARAMETER, "false");
        String group = ClusterParameters.groupName(cluster);
        if (value.isUnknown()) {
            return new Half(Result.UNKNOWN, PARAMETER + " of " + group + " is not known", value);
        }
        boolean pending = ClusterParameters.pendingReboot(cluster, PARAMETER);
        if (!ClusterParameters.isTrue(value)) {
            String fix =
                    ClusterParameters.onDefaultGroup(cluster) ? "; " + ClusterParameters.defaultGroupAdvice(1) : "";
            String change = pending ? " (the cluster reports a change to it pending-reboot)" : "";
            return new Half(Result.FAIL, PARAMETER + " is " + value.value() + " in " + group + change + fix, value);
        }
        if (pending) {
            return new Half(
                    Result.FAIL,
                    PARAMETER + " is true in " + group + " but not yet in effect: the cluster"
                            + " reports it pending-reboot",
                    value);
        }
        return new Half(Result.PASS, PARAMETER + " is true in " + group, value);
    }
}
