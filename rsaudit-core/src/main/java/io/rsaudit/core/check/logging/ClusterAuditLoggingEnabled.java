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
import java.util.Optional;

@CheckInfo(
        id = "RS-LOG-001",
        title = "Cluster audit logging is enabled",
        severity = Severity.HIGH,
        area = Area.LOGGING,
        securityHub = {"Redshift.4"})
public final class ClusterAuditLoggingEnabled implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<LoggingStatus> status = context.inventory().logging(cluster);
        Optional<Outcome> unreadable = AuditLogs.unreadable(cluster, status);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        LoggingStatus logging = status.value();
        String name = "cluster " + cluster.identifier();
        if (!AuditLogs.enabled(logging)) {
            return Outcome.fail(
                    "audit logging of " + name + " is disabled (LoggingEnabled is false): connections,"
                            + " changes to database users and queries are kept only in system tables, which Redshift purges"
                            + " after a few days",
                    logging.enabled());
        }
        return Outcome.pass(
                "audit logging of " + name + " is enabled, delivering to " + AuditLogs.destination(cluster, logging),
                logging.enabled());
    }
}
