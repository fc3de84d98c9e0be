package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.Optional;

@CheckInfo(
        id = "RS-LOG-002",
        title = "Cluster exports the connection, user and user activity logs",
        severity = Severity.MEDIUM,
        area = Area.LOGGING)
public final class ClusterExportsAllAuditLogs implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<LoggingStatus> status = context.inventory().logging(cluster);
        Optional<Outcome> unreadable = AuditLogs.unreadable(cluster, status);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        LoggingStatus logging = status.value();
        if (!AuditLogs.enabled(logging)) {
            return AuditLogs.disabled(
                    cluster, logging, "none of " + AuditLogs.describe(AuditLogs.ALL) + " is exported");
        }
        String name = "cluster " + cluster.identifier();
        Value<List<String>> exports = logging.logExports();
        if (exports.isUnknown()) {
            return Outcome.unknown("cannot read which logs " + name + " exports", exports);
        }
        List<String> exported = exports.value() == null ? List.of() : exports.value();
        String destination = AuditLogs.destination(cluster, logging);
        List<String> missing = AuditLogs.missing(exported);
        if (!missing.isEmpty()) {
            String what = "audit logging of " + name + " to " + destination
                    + (exported.isEmpty()
                            ? " exports no log (LogExports is empty)"
                            : " exports only " + String.join(", ", exported));
            return Outcome.fail(what + "; not exported: " + AuditLogs.describe(missing), exports);
        }
        String defaulted = exports.note() == null ? "" : " (" + exports.note() + ")";
        return Outcome.pass(
                name + " exports connectionlog, userlog and useractivitylog to " + destination + defaulted, exports);
    }
}
