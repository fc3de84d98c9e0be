package io.rsaudit.core.model;

import java.util.Objects;

/** Who a resource is: its type, scope, name, ARN and where its record starts in the source. */
public record ResourceId(ResourceType type, Scope scope, String name, String arn, Provenance origin) {

    /**
     * The name of a stand-in for every resource of a type in a scope whose list could not be read (not collected,
     * failed, or only partly read): its values are unknown for that reason, so its checks say UNKNOWN and the gap shows
     * in the report instead of the resources silently missing. No AWS resource name contains {@code *}.
     */
    public static final String UNREAD = "*";

    public ResourceId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * The id of the stand-in for the resources of {@code type} in {@code scope} whose list at {@code where} could not
     * be read; its ARN is a Redshift ARN of {@code arnType} ({@code subnetgroup}) named {@code *}.
     */
    public static ResourceId unread(ResourceType type, Scope scope, String arnType, Provenance where) {
        return new ResourceId(type, scope, UNREAD, Arns.redshift(scope, arnType, UNREAD), where);
    }

    /** How messages name it: "cluster subnet group analytics", or "the cluster subnet groups of 1111.../eu-west-1". */
    public String describe() {
        return isUnread() ? "the " + type.label() + "s of " + scope : type.label() + " " + name;
    }

    /** Whether this is the stand-in for the unread resources of its type in its scope ({@link #UNREAD}). */
    public boolean isUnread() {
        return UNREAD.equals(name);
    }
}
