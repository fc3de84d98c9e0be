package io.rsaudit.core.model;

import java.util.Map;

/**
 * A Redshift event notification subscription ({@code DescribeEventSubscriptions}): which events of which sources are
 * sent to an SNS topic. When a scope's list could not be read, one subscription named {@link ResourceId#UNREAD} stands
 * for them all, every value unknown for that reason ({@link #unread}).
 *
 * @param sourceType the kind of source it hears ({@code cluster}, {@code cluster-snapshot}...); not set when it hears
 *     every source
 * @param status {@code active}, or {@code no-permission} / {@code topic-not-exist} when SNS cannot be reached
 * @param tags tag key to value, in the order the API lists them; empty when it has none
 */
public record EventSubscription(
        ResourceId id,
        Value<String> sourceType,
        Value<Boolean> enabled,
        Value<String> status,
        Value<Map<String, String>> tags)
        implements Resource {

    /** The stand-in for the subscriptions of {@code scope}, whose list at {@code where} could not be read. */
    public static EventSubscription unread(Scope scope, Provenance where, Reason.Kind kind, String detail) {
        ResourceId id = new ResourceId(
                ResourceType.EVENT_SUBSCRIPTION,
                scope,
                ResourceId.UNREAD,
                Arns.redshift(scope, "eventsubscription", ResourceId.UNREAD),
                where);
        return new EventSubscription(
                id,
                Value.unknown(where, kind, detail),
                Value.unknown(where, kind, detail),
                Value.unknown(where, kind, detail),
                Value.unknown(where, kind, detail));
    }

    /** How messages name it: "event subscription ops-alerts", or "the event subscriptions of 1111.../eu-west-1". */
    public String describe() {
        return id.isUnread() ? "the event subscriptions of " + id.scope() : "event subscription " + id.name();
    }
}
