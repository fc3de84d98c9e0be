package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;

@CheckInfo(
        id = "RS-LOG-005",
        title = "Serverless namespace exports its audit logs",
        severity = Severity.MEDIUM,
        area = Area.LOGGING,
        securityHub = {"RedshiftServerless.6"})
public final class NamespaceExportsAuditLogs implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        String name = "namespace " + namespace.id().name();
        Value<List<String>> exports = namespace.logExports();
        if (exports.isUnknown()) {
            return Outcome.unknown("cannot read which logs " + name + " exports", exports);
        }
        List<String> exported = exports.value() == null ? List.of() : exports.value();
        String groups = "/aws/redshift/" + namespace.id().name() + "/<log>";
        List<String> missing = AuditLogs.missing(exported);
        if (!missing.isEmpty()) {
            String what = exported.isEmpty()
                    ? name + " exports no audit log to CloudWatch Logs"
                    : name + " exports only " + String.join(", ", exported) + " to CloudWatch Logs";
            return Outcome.fail(
                    what + "; not exported: " + AuditLogs.describe(missing) + "; without the export"
                            + " these events are kept only in system views, which hold a short history",
                    exports);
        }
        return Outcome.pass(
                name + " exports connectionlog, userlog and useractivitylog to CloudWatch Logs (log groups " + groups
                        + ")",
                exports);
    }
}
