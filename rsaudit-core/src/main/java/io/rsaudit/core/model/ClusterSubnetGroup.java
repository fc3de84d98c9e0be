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

    /** The stand-in {@code id} ({@link ResourceId#unread}) for groups that could not be read, for {@code why}. */
    public static ClusterSubnetGroup unread(ResourceId id, Reason why) {
        Provenance where = id.origin();
        return new ClusterSubnetGroup(
                id,
                Value.unknown(where, why.kind(), why.detail()),
                Value.unknown(where, why.kind(), why.detail()),
                Value.unknown(where, why.kind(), why.detail()),
                Value.unknown(where, why.kind(), why.detail()));
    }
}
