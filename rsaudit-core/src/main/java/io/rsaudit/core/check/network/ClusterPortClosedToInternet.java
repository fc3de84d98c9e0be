package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;

@CheckInfo(
        id = "RS-NET-002",
        title = "Cluster security groups do not admit the internet on its port",
        severity = Severity.HIGH,
        area = Area.NETWORK,
        securityHub = {"Redshift.15"})
public final class ClusterPortClosedToInternet implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Outcome vpc = InternetIngress.judge(
                "cluster",
                cluster.identifier(),
                cluster.id().scope(),
                cluster.port(),
                cluster.vpcSecurityGroupIds(),
                cluster.publiclyAccessible(),
                context);
        if (vpc.result() == Result.FAIL || vpc.result() == Result.UNKNOWN) {
            return vpc;
        }
        // EC2-Classic cluster security groups are not collected: a pass on the VPC groups alone would be a guess
        Value<List<String>> classic = cluster.classicSecurityGroups();
        if (!classic.isPresent()) {
            return Outcome.unknown(
                    "cannot tell whether cluster " + cluster.identifier() + " uses EC2-Classic security groups",
                    classic.orUnknown("ClusterSecurityGroups has no value"));
        }
        if (!classic.value().isEmpty()) {
            return Outcome.unknown(
                    Reason.Kind.NOT_COLLECTED,
                    "cannot tell whether cluster " + cluster.identifier() + " admits the whole internet: it uses the"
                            + " EC2-Classic cluster security groups " + String.join(", ", classic.value())
                            + " (ClusterSecurityGroups), which rsaudit does not collect or judge; "
                            + vpc.message(),
                    classic);
        }
        return vpc;
    }
}
