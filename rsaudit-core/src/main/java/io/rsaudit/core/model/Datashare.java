package io.rsaudit.core.model;

import java.util.List;

/**
 * A datashare this account produces ({@code DescribeDataSharesForProducer}): live, read-only access to the objects
 * its producer namespace adds to it, for every consumer associated with it. When a scope's list could not be read,
 * one datashare named {@link ResourceId#UNREAD} stands for them all, its consumers unknown for that reason
 * ({@link #unread}).
 *
 * @param consumers the consumers associated with it, in the order the API lists them
 */
public record Datashare(ResourceId id, Value<List<Consumer>> consumers) implements Resource {

    /**
     * One association of the datashare.
     *
     * @param identifier what the API names the consumer by: an account id, or a namespace's ARN
     * @param status {@code ACTIVE}, {@code AUTHORIZED}, {@code PENDING_AUTHORIZATION}, {@code AVAILABLE},
     *     {@code DEAUTHORIZED} or {@code REJECTED}; {@code null} when the answer does not say
     * @param provenance where the association was read
     */
    public record Consumer(String identifier, String status, Provenance provenance) {}

    /** The stand-in {@code id} ({@link ResourceId#unread}) for datashares that could not be read, for {@code why}. */
    public static Datashare unread(ResourceId id, Reason why) {
        return new Datashare(id, Value.unknown(id.origin(), why.kind(), why.detail()));
    }
}
