package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Workgroup;

@CheckInfo(
        id = "RS-TRANSIT-004",
        title = "Serverless workgroup uses FIPS-validated TLS",
        severity = Severity.MEDIUM,
        area = Area.TRANSIT)
public final class WorkgroupUsesFipsTls implements Check<Workgroup> {

    @Override
    public Outcome evaluate(Workgroup workgroup, CheckContext context) {
        if (!context.policy().requireFips()) {
            return Outcome.notApplicable(Reason.Kind.NOT_REQUIRED_BY_POLICY, FipsTls.NOT_REQUIRED);
        }
        return FipsTls.judge(
                WorkgroupParameter.read(workgroup, "use_fips_ssl"), WorkgroupParameter.read(workgroup, "require_ssl"));
    }
}
