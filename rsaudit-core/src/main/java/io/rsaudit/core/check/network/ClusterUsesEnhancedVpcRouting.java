package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-NET-003",
        title = "Cluster uses enhanced VPC routing",
        severity = Severity.MEDIUM,
        area = Area.NETWORK,
        securityHub = {"Redshift.7"})
public final class ClusterUsesEnhancedVpcRouting implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return VpcRouting.judge("cluster", cluster.identifier(), cluster.enhancedVpcRouting());
    }
}
