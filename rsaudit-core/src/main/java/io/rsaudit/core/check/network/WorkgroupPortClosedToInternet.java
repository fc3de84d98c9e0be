package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Workgroup;

@CheckInfo(
        id = "RS-NET-007",
        title = "Serverless workgroup security groups do not admit the internet on its port",
        severity = Severity.HIGH,
        area = Area.NETWORK)
public final class WorkgroupPortClosedToInternet implements Check<Workgroup> {

    @Override
    public Outcome evaluate(Workgroup workgroup, CheckContext context) {
        return InternetIngress.judge(
                "workgroup",
                workgroup.id().name(),
                workgroup.id().scope(),
                workgroup.port(),
                workgroup.securityGroupIds(),
                workgroup.publiclyAccessible(),
                context);
    }
}
