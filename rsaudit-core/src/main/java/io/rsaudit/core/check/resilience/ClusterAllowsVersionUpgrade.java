package io.rsaudit.core.check.resilience;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Severity;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Value;

@CheckInfo(id = "RS-RES-002", title = "Cluster receives engine version upgrades", severity = Severity.LOW,
        area = Area.RESILIENCE)
public final class ClusterAllowsVersionUpgrade implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Boolean> allow = cluster.allowVersionUpgrade();
        if (!allow.isPresent()) {
            return Outcome.unknown("cannot read AllowVersionUpgrade", allow.isUnknown() ? allow
                    : Value.unknown(allow.provenance(), "AllowVersionUpgrade is null"));
        }
        if (!allow.value()) {
            return Outcome.fail("AllowVersionUpgrade is false: new major engine versions are not applied in the"
                    + " maintenance window, so fixes that ship with them wait until someone upgrades the cluster"
                    + " by hand", allow);
        }
        return Outcome.pass("AllowVersionUpgrade is true: major engine versions are applied in the maintenance"
                + " window", allow);
    }
}
