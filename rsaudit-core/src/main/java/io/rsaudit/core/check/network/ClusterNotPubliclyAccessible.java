package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-NET-001",
        title = "Cluster is not publicly accessible",
        severity = Severity.HIGH,
        area = Area.NETWORK,
        securityHub = {"Redshift.1"})
public final class ClusterNotPubliclyAccessible implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return PublicAccess.judge("cluster " + cluster.identifier(), cluster.publiclyAccessible(), "RS-NET-002");
    }
}
