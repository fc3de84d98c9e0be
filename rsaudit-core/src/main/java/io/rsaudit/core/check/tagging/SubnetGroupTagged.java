package io.rsaudit.core.check.tagging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSubnetGroup;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TAG-005",
        title = "Cluster subnet group carries the required tags",
        severity = Severity.LOW,
        area = Area.TAGGING,
        securityHub = {"Redshift.14"})
public final class SubnetGroupTagged implements Check<ClusterSubnetGroup> {

    @Override
    public Outcome evaluate(ClusterSubnetGroup group, CheckContext context) {
        return RequiredTags.judge(group.tags(), context.policy(), group.id().describe());
    }
}
