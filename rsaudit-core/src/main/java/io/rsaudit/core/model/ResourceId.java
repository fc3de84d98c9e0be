package io.rsaudit.core.model;

import java.util.Objects;

/** Who a resource is: its type, scope, name, ARN and where its record starts in the source. */
public record ResourceId(ResourceType type, Scope scope, String name, String arn, Provenance origin) {

    public ResourceId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(origin, "origin");
    }
}
