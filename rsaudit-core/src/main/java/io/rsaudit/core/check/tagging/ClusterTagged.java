package io.rsaudit.core.check.tagging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TAG-001",
        title = "Cluster carries the required tags",
        severity = Severity.LOW,
        area = Area.TAGGING,
        securityHub = {"Redshift.11"})
public final class ClusterTagged implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        return RequiredTags.judge(cluster.tags(), context.policy(), "cluster " + cluster.identifier());
    }
}
