package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.transit.TlsSetting.State;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;

/**
 * Reads one boolean TLS parameter of a serverless workgroup's {@code configParameters}. A key the workgroup does
 * not report is unknown rather than defaulted: the serverless defaults have changed over time and are not
 * documented per workgroup, so rsaudit does not guess them.
 */
final class WorkgroupParameter {

    private WorkgroupParameter() {}

    static TlsSetting read(Workgroup workgroup, String parameter) {
        String subject = "workgroup " + workgroup.id().name();
        String where = "configParameters";
        Value<ParameterSet> params = workgroup.configParameters();
        if (!params.isPresent()) {
            Value<String> missing = params.isUnknown()
                    ? params.map(p -> null)
                    : Value.unknown(
                            params.provenance(), Reason.Kind.ABSENT, "the workgroup reports no configParameters");
            return new TlsSetting(parameter, subject, where, missing, State.UNKNOWN, false);
        }
        Value<String> value = params.value().get(parameter);
        if (value == null) {
            value = Value.unknown(
                    params.provenance(),
                    Reason.Kind.ABSENT,
                    parameter + " is not among the configParameters the workgroup" + " reports");
        } else if (!value.isUnknown() && value.value() == null) {
            value = Value.unknown(
                    value.provenance(), Reason.Kind.ABSENT, parameter + " is listed without a parameterValue");
        }
        if (value.isUnknown()) {
            return new TlsSetting(parameter, subject, where, value, State.UNKNOWN, false);
        }
        // Serverless applies configParameters without a reboot: there is no pending state to look for.
        return new TlsSetting(
                parameter, subject, where, value, ClusterParameters.isTrue(value) ? State.ON : State.OFF, false);
    }
}
