package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.check.logging.ActivityLogHalves.Half;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.util.List;

/**
 * A Serverless workgroup logs each query only when its {@code configParameters} set {@value
 * ActivityLogHalves#PARAMETER} to true and its namespace exports {@value AuditLogs#USER_ACTIVITY}: the parameter
 * lives on the workgroup, the export on the namespace, and each alone records no query.
 */
@CheckInfo(
        id = "RS-LOG-007",
        title = "Serverless workgroup logs user activity",
        severity = Severity.MEDIUM,
        area = Area.LOGGING)
public final class WorkgroupUserActivityLogging implements Check<Workgroup> {

    @Override
    public Outcome evaluate(Workgroup workgroup, CheckContext context) {
        return ActivityLogHalves.judge(
                "workgroup " + workgroup.id().name(), export(workgroup, context), parameter(workgroup));
    }

    private static Half export(Workgroup workgroup, CheckContext context) {
        Value<String> namespaceName = workgroup.namespaceName();
        if (!namespaceName.isPresent()) {
            return new Half(
                    Result.UNKNOWN,
                    "its namespace is not known",
                    namespaceName.orUnknown("the workgroup reports no namespaceName"));
        }
        String name = namespaceName.value();
        Namespace namespace = context.inventory().namespaces().stream()
                .filter(n -> n.id().scope().equals(workgroup.id().scope())
                        && n.id().name().equals(name))
                .findFirst()
                .orElse(null);
        if (namespace == null) {
            Value<Boolean> listed =
                    context.inventory().listed(workgroup.id().scope(), "redshift-serverless:ListNamespaces");
            return new Half(
                    Result.UNKNOWN,
                    "namespace " + name + " is not among the namespaces read in "
                            + workgroup.id().scope(),
                    listed.isPresent()
                            ? Value.unknown(
                                    namespaceName.provenance(),
                                    Reason.Kind.NOT_FOUND,
                                    "namespace " + name + " is not in the namespaces listed in "
                                            + workgroup.id().scope() + ": it is gone")
                            // the list was not read: its reason names the failed call or the absent file
                            : listed);
        }
        Value<List<String>> exports = namespace.logExports();
        if (exports.isUnknown()) {
            return new Half(Result.UNKNOWN, "the logExports of namespace " + name + " are not known", exports);
        }
        List<String> exported = exports.value() == null ? List.of() : exports.value();
        if (!exported.contains(AuditLogs.USER_ACTIVITY)) {
            return new Half(
                    Result.FAIL,
                    "namespace " + name + " does not export " + AuditLogs.USER_ACTIVITY + " (logExports: " + exported
                            + ")",
                    exports);
        }
        return new Half(
                Result.PASS,
                "namespace " + name + " exports " + AuditLogs.USER_ACTIVITY + " to CloudWatch Logs",
                exports);
    }

    private static Half parameter(Workgroup workgroup) {
        String parameter = ActivityLogHalves.PARAMETER;
        Value<ParameterSet> params = workgroup.configParameters();
        if (!params.isPresent()) {
            return new Half(
                    Result.UNKNOWN,
                    "its configParameters are not known",
                    params.isUnknown()
                            ? params
                            : params.orUnknown(Reason.Kind.ABSENT, "the workgroup reports no configParameters"));
        }
        Value<String> value = params.value().get(parameter);
        if (value == null || (!value.isUnknown() && value.value() == null)) {
            return new Half(
                    Result.UNKNOWN,
                    parameter + " is not among its configParameters",
                    Value.unknown(
                            value == null ? params.provenance() : value.provenance(),
                            Reason.Kind.ABSENT,
                            parameter + " is not among the configParameters the workgroup reports"));
        }
        if (value.isUnknown()) {
            return new Half(Result.UNKNOWN, parameter + " cannot be read", value);
        }
        // Serverless applies configParameters without a reboot: there is no pending state to look for
        if (!ClusterParameters.isTrue(value)) {
            return new Half(
                    Result.FAIL, parameter + " is " + value.value() + " in the workgroup's configParameters", value);
        }
        return new Half(Result.PASS, parameter + " is true in the workgroup's configParameters", value);
    }
}
