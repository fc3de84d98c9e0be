package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TRANSIT-001",
        title = "Cluster requires SSL/TLS connections",
        severity = Severity.HIGH,
        area = Area.TRANSIT,
        securityHub = {"Redshift.2"})
public final class ClusterRequiresSsl implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return SslParameter.judge(cluster, context, "require_ssl");
    }
}
