package io.rsaudit.core.model;

import java.util.List;

/**
 * A KMS key that some Redshift resource of the estate names as its root key.
 *
 * @param metadata unknown when {@code describe-key} was not collected or failed
 * @param rotationEnabled unknown when {@code get-key-rotation-status} was not collected or failed
 * @param usedBy ARNs of the clusters, snapshots, namespaces and copy grants that reference the key
 */
public record KmsKey(
        ResourceId id,
        Value<KeyMetadata> metadata,
        Value<Boolean> rotationEnabled,
        Value<Integer> rotationPeriodInDays,
        List<String> usedBy)
        implements Resource {

    public KmsKey {
        usedBy = List.copyOf(usedBy);
    }
}
