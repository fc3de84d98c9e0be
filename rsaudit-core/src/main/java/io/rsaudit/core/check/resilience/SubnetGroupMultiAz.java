package io.rsaudit.core.check.resilience;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSubnetGroup;
import io.rsaudit.core.model.ClusterSubnetGroup.Subnet;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts the distinct Availability Zones of a subnet group's subnets, as AWS Config's
 * {@code redshift-cluster-subnet-group-multi-az} does: two or more pass. A subnet whose zone cannot be read leaves the
 * verdict unknown only when the zones that can be read do not already reach two.
 */
@CheckInfo(
        id = "RS-RES-003",
        title = "Cluster subnet group has subnets in at least two Availability Zones",
        severity = Severity.LOW,
        area = Area.RESILIENCE,
        securityHub = {"Redshift.16"})
public final class SubnetGroupMultiAz implements Check<ClusterSubnetGroup> {

    @Override
    public Outcome evaluate(ClusterSubnetGroup group, CheckContext context) {
        String name = group.id().describe();
        Value<List<Subnet>> subnets = group.subnets();
        if (!subnets.isPresent()) {
            return Outcome.unknown("cannot read the subnets of " + name, subnets.orUnknown("Subnets has no value"));
        }
        Set<String> zones = new TreeSet<>();
        Value<String> unread = null;
        for (Subnet s : subnets.value()) {
            if (s.availabilityZone().isPresent()) {
                zones.add(s.availabilityZone().value());
            } else if (unread == null) {
                unread = s.availabilityZone();
            }
        }
        if (zones.size() >= 2) {
            return Outcome.pass(
                    name + " has subnets in " + zones.size() + " Availability Zones: " + String.join(", ", zones),
                    subnets);
        }
        if (unread != null) {
            return Outcome.unknown(
                    "cannot tell the Availability Zone of every subnet of " + name
                            + (zones.isEmpty()
                                    ? ""
                                    : " (the others are all in "
                                            + zones.iterator().next() + ")"),
                    unread.orUnknown("SubnetAvailabilityZone.Name has no value"));
        }
        return Outcome.fail(
                name
                        + (zones.isEmpty()
                                ? " has no subnet"
                                : " has subnets in one Availability Zone only, "
                                        + zones.iterator().next())
                        + ": a cluster placed in it cannot be deployed Multi-AZ or relocated to another zone, so the loss"
                        + " of that zone leaves it unavailable until it is restored elsewhere",
                subnets);
    }
}
