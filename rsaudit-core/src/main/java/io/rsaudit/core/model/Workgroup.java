package io.rsaudit.core.model;

import java.util.List;

/** A Redshift Serverless workgroup ({@code ListWorkgroups}). */
public record Workgroup(
        ResourceId id,
        Value<String> namespaceName,
        Value<Boolean> publiclyAccessible,
        Value<Boolean> enhancedVpcRouting,
        Value<ParameterSet> configParameters,
        Value<Integer> port,
        Value<List<String>> securityGroupIds)
        implements Resource {}
