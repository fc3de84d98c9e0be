package io.rsaudit.core.model;

import java.util.Map;

/**
 * Parameters by name: a cluster parameter group's ({@code DescribeClusterParameters}) or a serverless
 * workgroup's ({@code configParameters}). Each value carries its own provenance.
 *
 * @param where the group or workgroup the parameters belong to, for messages
 */
public record ParameterSet(String where, Map<String, Value<String>> parameters) {

    public ParameterSet {
        parameters = Map.copyOf(parameters);
    }

    /** The parameter, or {@code null} when the set does not contain it. */
    public Value<String> get(String name) {
        return parameters.get(name);
    }
}
