package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Workgroup;

@CheckInfo(
        id = "RS-NET-005",
        title = "Serverless workgroup is not publicly accessible",
        severity = Severity.HIGH,
        area = Area.NETWORK,
        securityHub = {"RedshiftServerless.3"})
public final class WorkgroupNotPubliclyAccessible implements Check<Workgroup> {

    @Override
    public Outcome evaluate(Workgroup workgroup, CheckContext context) {
        return PublicAccess.judge("workgroup " + workgroup.id().name(), workgroup.publiclyAccessible(), "RS-NET-007");
    }
}
