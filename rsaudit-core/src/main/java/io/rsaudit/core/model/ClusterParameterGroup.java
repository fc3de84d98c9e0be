package io.rsaudit.core.model;

import java.util.Map;

/**
 * A cluster parameter group ({@code DescribeClusterParameterGroups}); its parameters are read separately, for the
 * groups clusters use.
 *
 * @param tags tag key to value, in the order the API lists them; empty when the group has none
 */
public record ClusterParameterGroup(ResourceId id, Value<String> family, Value<Map<String, String>> tags)
        implements Resource {

    /** AWS's own groups ({@code default.redshift-1.0}...), present in every account and region. */
    public boolean isDefault() {
        return id.name().startsWith("default.");
    }
}
