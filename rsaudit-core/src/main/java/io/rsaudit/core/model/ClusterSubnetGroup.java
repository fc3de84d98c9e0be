package io.rsaudit.core.model;

import java.util.List;
import java.util.Map;

/**
 * A cluster subnet group ({@code DescribeClusterSubnetGroups}): the VPC subnets, and so the Availability Zones, a
 * cluster placed in it can use. When a scope's list could not be read, one group named {@link ResourceId#UNREAD}
 * stands for them all, every value unknown for that reason ({@link #unread}).
 *
 * @param status {@code Complete}, {@code Incomplete} or {@code Invalid} ({@code SubnetGroupStatus})
 * @param subnets the group's subnets, in the order the API lists them
 * @param tags tag key to value, in the order the API lists them; empty when it has none
 */
public record ClusterSubnetGroup(
        ResourceId id,
        Value<String> vpcId,
        Value<String> status,
        Value<List<Subnet>> subnets,
        Value<Map<String, String>> tags)
        implements Resource {

    /**
     * One subnet of the group.
     *
     * @param identifier the subnet id, {@code null} when the API left it out
     * @param availabilityZone the name of its Availability Zone ({@code SubnetAvailabilityZone.Name})
     */
    public record Subnet(String identifier, Value<String> availabilityZone) {}

    /** The stand-in for the subnet groups of {@code scope}, whose list at {@code where} could not be read. */
    public static ClusterSubnetGroup unread(Scope scope, Provenance where, Reason.Kind kind, String detail) {
        ResourceId id = new ResourceId(
                ResourceType.CLUSTER_SUBNET_GROUP,
                scope,
                ResourceId.UNREAD,
                Arns.redshift(scope, "subnetgroup", ResourceId.UNREAD),
                where);
        return new ClusterSubnetGroup(
                id,
                Value.unknown(where, kind, detail),
                Value.unknown(where, kind, detail),
                Value.unknown(where, kind, detail),
                Value.unknown(where, kind, detail));
    }

    /** How messages name it: "cluster subnet group analytics", or "the cluster subnet groups of 1111.../eu-west-1". */
    public String describe() {
        return id.isUnread() ? "the cluster subnet groups of " + id.scope() : "cluster subnet group " + id.name();
    }
}
