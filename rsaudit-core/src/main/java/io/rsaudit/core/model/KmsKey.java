package io.rsaudit.core.model;

import java.util.List;

/**
 * A KMS key that some Redshift resource of the estate names as its root key.
 *
 * @param metadata unknown when {@code describe-key} was not collected or failed
 * @param rotationEnabled unknown when {@code get-key-rotation-status} was not collected or failed
 * @param policy the key policy; unknown when {@code get-key-policy} was not collected (always, for a key of another
 *     account: KMS gives a key policy only to the key's own account) or failed, or its document cannot be read
 * @param grants the key's grants; unknown when {@code list-grants} was not collected (always, for a key of another
 *     account: it is asked only in the key's own account) or failed, or its list was not read whole
 * @param usedBy ARNs of the clusters, snapshots, namespaces and copy grants that reference the key
 */
public record KmsKey(
        ResourceId id,
        Value<KeyMetadata> metadata,
        Value<Boolean> rotationEnabled,
        Value<Integer> rotationPeriodInDays,
        Value<KeyPolicy> policy,
        Value<List<KeyGrant>> grants,
        List<String> usedBy)
        implements Resource {

    public KmsKey {
        usedBy = List.copyOf(usedBy);
    }
}
