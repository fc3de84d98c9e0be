package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Severity;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.Optional;

@CheckInfo(id = "RS-LOG-002", title = "Cluster exports the connection, user and user activity logs",
        severity = Severity.MEDIUM, area = Area.LOGGING)
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
            return Outcome.notApplicable("audit logging is disabled, so no log is exported; RS-LOG-001 reports it",
                    logging.enabled());
        }
        Value<List<String>> exports = logging.logExports();
        if (exports.isUnknown()) {
            return Outcome.unknown("cannot read which logs cluster " + cluster.identifier() + " exports", exports);
        }
        List<String> exported = exports.value() == null ? List.of() : exports.value();
        String destination = AuditLogs.destination(cluster, logging);
        List<String> missing = AuditLogs.missing(exported);
        if (!missing.isEmpty()) {
            String what = exported.isEmpty() ? "audit logging to " + destination + " exports no log (LogExports is"
                    + " empty)" : "audit logging to " + destination + " exports only " + String.join(", ", exported);
            return Outcome.fail(what + "; not exported: " + AuditLogs.describe(missing), exports);
        }
        String defaulted = exports.note() == null ? "" : " (" + exports.note() + ")";
        return Outcome.pass("connectionlog, userlog and useractivitylog are exported to " + destination + defaulted,
                exports);
    }
}
