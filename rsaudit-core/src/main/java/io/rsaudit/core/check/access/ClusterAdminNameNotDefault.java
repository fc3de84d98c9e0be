package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-ACCESS-001",
        title = "Cluster admin user does not have a default name",
        severity = Severity.LOW,
        area = Area.ACCESS,
        securityHub = {"Redshift.8"})
public final class ClusterAdminNameNotDefault implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return AdminUser.judgeName(cluster.masterUsername(), "cluster " + cluster.identifier());
    }
}
