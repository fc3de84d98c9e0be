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

    /** The stand-in {@code id} ({@link ResourceId#unread}) for subscriptions that could not be read, for {@code why}. */
    public static EventSubscription unread(ResourceId id, Reason why) {
        Provenance where = id.origin();
        return new EventSubscription(
                id,
                Value.unknown(where, why.kind(), why.detail()),
                Value.unknown(where, why.kind(), why.detail()),
                Value.unknown(where, why.kind(), why.detail()),
                Value.unknown(where, why.kind(), why.detail()));
    }
}
