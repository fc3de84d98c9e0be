package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-NET-002",
        title = "Cluster security groups do not admit the internet on its port",
        severity = Severity.HIGH,
        area = Area.NETWORK)
public final class ClusterPortClosedToInternet implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return InternetIngress.judge(
                "cluster",
                cluster.identifier(),
                cluster.id().scope(),
                cluster.port(),
                cluster.vpcSecurityGroupIds(),
                cluster.publiclyAccessible(),
                context);
    }
}
