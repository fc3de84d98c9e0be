package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Workgroup;

@CheckInfo(
        id = "RS-TRANSIT-003",
        title = "Serverless workgroup requires SSL/TLS connections",
        severity = Severity.HIGH,
        area = Area.TRANSIT,
        securityHub = {"RedshiftServerless.2"})
public final class WorkgroupRequiresSsl implements Check<Workgroup> {

    @Override
    public Outcome evaluate(Workgroup workgroup, CheckContext context) {
        return WorkgroupParameter.read(workgroup, "require_ssl").alone();
    }
}
