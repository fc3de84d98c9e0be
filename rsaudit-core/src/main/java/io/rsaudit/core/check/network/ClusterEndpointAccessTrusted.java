package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.EndpointAuthorization;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;

@CheckInfo(
        id = "RS-NET-008",
        title = "Cluster endpoint access is granted only to trusted accounts",
        severity = Severity.HIGH,
        area = Area.NETWORK)
public final class ClusterEndpointAccessTrusted implements Check<Cluster> {

    /** The list call whose reading the verdict rests on, by its IAM action. */
    static final String LIST = "redshift:DescribeEndpointAuthorization";

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        String name = "cluster " + cluster.identifier();
        Value<Boolean> listed = context.inventory().listed(cluster.id().scope(), LIST);
        if (!listed.isPresent()) {
            return Outcome.unknown("cannot tell which accounts may create endpoints to " + name, listed);
        }
        String owner = cluster.id().scope().account();
        List<EndpointAuthorization> grants = context.inventory().endpointAuthorizations().stream()
                .filter(a -> a.scope().equals(cluster.id().scope())
                        && a.clusterIdentifier().equals(cluster.identifier()))
                .toList();
        // an untrusted account fails the cluster whatever the authorizations whose account cannot be read
        List<EndpointAuthorization> untrusted = grants.stream()
                .filter(a -> a.grantee().isPresent()
                        && !context.policy().trusts(owner, a.grantee().value()))
                .toList();
        if (!untrusted.isEmpty()) {
            List<String> accounts =
                    untrusted.stream().map(a -> a.grantee().value()).toList();
            return Outcome.fail(
                    name + " lets " + (accounts.size() == 1 ? "an account" : accounts.size() + " accounts")
                            + " outside the policy's trusted accounts create Redshift-managed VPC endpoints to it: "
                            + String.join(", ", accounts)
                            + "; from their VPCs only the database login stands in the way"
                            + context.policy().trustsNoAccountNote(),
                    untrusted.get(0).grantee());
        }
        for (EndpointAuthorization a : grants) {
            if (!a.grantee().isPresent()) {
                return Outcome.unknown("cannot read an account allowed to create endpoints to " + name, a.grantee());
            }
        }
        if (grants.isEmpty()) {
            return Outcome.pass("no other account may create endpoints to " + name, listed);
        }
        return Outcome.pass(
                name + " lets only trusted accounts create endpoints to it: "
                        + String.join(
                                ", ",
                                grants.stream().map(a -> a.grantee().value()).toList()),
                grants.get(0).grantee());
    }
}
