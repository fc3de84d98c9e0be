package io.rsaudit.core.check.resilience;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-RES-001",
        title = "Cluster is deployed Multi-AZ",
        severity = Severity.LOW,
        area = Area.RESILIENCE,
        securityHub = {"Redshift.18"})
public final class ClusterMultiAz implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        // MultiAZ is a string in DescribeClusters ("Enabled"/"Disabled"), unlike the boolean CreateCluster takes
        Value<String> multiAz = cluster.multiAz();
        String name = "cluster " + cluster.identifier();
        if (!multiAz.isPresent()) {
            return Outcome.unknown("cannot read MultiAZ of " + name, multiAz.orUnknown("MultiAZ is null"));
        }
        String value = multiAz.value();
        if ("Enabled".equalsIgnoreCase(value)) {
            return Outcome.pass(
                    name + " runs in two Availability Zones behind one endpoint (MultiAZ is " + value + ")", multiAz);
        }
        if ("Disabled".equalsIgnoreCase(value)) {
            return Outcome.fail(
                    name + " runs in a single Availability Zone (MultiAZ is " + value + "): if that zone fails,"
                            + " the cluster is unavailable until it is relocated or restored from a snapshot"
                            + nodeTypeNote(cluster),
                    multiAz);
        }
        return Outcome.unknown(
                Reason.Kind.UNRECOGNIZED,
                "cannot judge " + name + ": MultiAZ is '" + value + "', neither Enabled nor Disabled,"
                        + " and rsaudit does not know what it means",
                multiAz);
    }

    /**
     * Multi-AZ needs Redshift managed storage, which the dense-compute and dense-storage families (dc1, dc2, ds2)
     * lack; other families are not named, so that a newer one with managed storage is not ruled out.
     */
    private static String nodeTypeNote(Cluster cluster) {
        Value<String> nodeType = cluster.nodeType();
        if (!nodeType.isPresent()
                || !(nodeType.value().startsWith("dc") || nodeType.value().startsWith("ds"))) {
            return "";
        }
        return "; its node type " + nodeType.value() + " cannot be Multi-AZ, which needs Redshift managed storage: it"
                + " must move to RA3 first";
    }
}
