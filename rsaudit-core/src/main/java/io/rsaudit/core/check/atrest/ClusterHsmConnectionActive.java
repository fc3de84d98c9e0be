package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.HsmStatus;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-ATREST-005",
        title = "HSM-backed cluster's HSM connection is active",
        severity = Severity.MEDIUM,
        area = Area.AT_REST)
public final class ClusterHsmConnectionActive implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        String name = "cluster " + cluster.identifier();
        Value<HsmStatus> hsm = cluster.hsmStatus();
        if (hsm.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " is HSM-backed", hsm);
        }
        if (hsm.value() == null) {
            return Outcome.notApplicable(
                    Reason.Kind.FEATURE_NOT_IN_USE, name + " is not HSM-backed (it reports no HsmStatus)", hsm);
        }
        Value<String> status = hsm.value().status();
        String which = HsmNames.of(hsm.value());
        if (status.isUnknown()) {
            return Outcome.unknown("cannot read the HSM status of " + name + " (" + which + ")", status);
        }
        if ("active".equals(status.value())) {
            return Outcome.pass("the HSM of " + name + " is active (" + which + ")", status);
        }
        String detail = "applying".equals(status.value())
                ? ": Redshift has not finished applying the HSM settings of the last modify-cluster call, so the"
                        + " cluster is not yet using the HSM it names; if it stays so, check that Redshift can reach"
                        + " the HSM and that the HSM trusts the client certificate"
                : ", not active: the cluster may be unable to reach its root key";
        return Outcome.fail(
                "the HSM status of " + name + " is '" + status.value() + "' (" + which + ")" + detail, status);
    }
}
