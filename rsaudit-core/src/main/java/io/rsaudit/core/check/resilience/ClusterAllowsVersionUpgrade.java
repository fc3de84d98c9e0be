package io.rsaudit.core.check.resilience;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-RES-002",
        title = "Cluster receives engine version upgrades",
        severity = Severity.LOW,
        area = Area.RESILIENCE,
        securityHub = {"Redshift.6"})
public final class ClusterAllowsVersionUpgrade implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Boolean> allow = cluster.allowVersionUpgrade();
        String name = "cluster " + cluster.identifier();
        if (!allow.isPresent()) {
            return Outcome.unknown(
                    "cannot read AllowVersionUpgrade of " + name, allow.orUnknown("AllowVersionUpgrade is null"));
        }
        if (!allow.value()) {
            return Outcome.fail(
                    name + " does not receive major engine versions (AllowVersionUpgrade is false): they"
                            + " are not applied in its maintenance window, so fixes that ship with them wait until someone"
                            + " upgrades the cluster by hand",
                    allow);
        }
        return Outcome.pass(
                name + " receives major engine versions in its maintenance window (AllowVersionUpgrade" + " is true)",
                allow);
    }
}
