package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Workgroup;

@CheckInfo(
        id = "RS-NET-006",
        title = "Serverless workgroup uses enhanced VPC routing",
        severity = Severity.MEDIUM,
        area = Area.NETWORK,
        securityHub = {"RedshiftServerless.1"})
public final class WorkgroupUsesEnhancedVpcRouting implements Check<Workgroup> {

    @Override
    public Outcome evaluate(Workgroup workgroup, CheckContext context) {
        return VpcRouting.judge("workgroup", workgroup.id().name(), workgroup.enhancedVpcRouting());
    }
}
