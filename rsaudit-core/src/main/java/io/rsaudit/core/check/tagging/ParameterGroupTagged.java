package io.rsaudit.core.check.tagging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterParameterGroup;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TAG-003",
        title = "Cluster parameter group carries the required tags",
        severity = Severity.LOW,
        area = Area.TAGGING,
        securityHub = {"Redshift.17"})
public final class ParameterGroupTagged implements Check<ClusterParameterGroup> {

    @Override
    public Outcome evaluate(ClusterParameterGroup group, CheckContext context) {
        String name = "cluster parameter group " + group.id().name();
        if (group.isDefault()) {
            return Outcome.notApplicable(
                    Reason.Kind.MANAGED_BY_AWS,
                    name + " is one of the default groups AWS provides in every account and region; only the groups"
                            + " the account creates are judged");
        }
        return RequiredTags.judge(group.tags(), context.policy(), name);
    }
}
