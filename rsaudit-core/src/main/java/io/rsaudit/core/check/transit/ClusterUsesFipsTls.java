package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TRANSIT-002",
        title = "Cluster uses FIPS-validated TLS",
        severity = Severity.MEDIUM,
        area = Area.TRANSIT)
public final class ClusterUsesFipsTls implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        if (!context.policy().requireFips()) {
            return Outcome.notApplicable(Reason.Kind.NOT_REQUIRED_BY_POLICY, FipsTls.NOT_REQUIRED);
        }
        return FipsTls.judge(
                SslParameter.read(cluster, context, "use_fips_ssl"),
                SslParameter.read(cluster, context, "require_ssl"));
    }
}
