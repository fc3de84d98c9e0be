package io.rsaudit.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provisioned cluster snapshot ({@code DescribeClusterSnapshots}), manual or automated, owned or shared in.
 *
 * @param manualRetentionPeriod days; -1 keeps the snapshot forever; {@code null} for automated snapshots
 * @param sourceRegion set on snapshots copied from another region
 * @param tags tag key to value, in the order the API lists them; empty when the snapshot has none
 */
public record ClusterSnapshot(
        ResourceId id,
        Value<String> snapshotType,
        Value<String> clusterIdentifier,
        Value<String> ownerAccount,
        Value<String> status,
        Value<Instant> createTime,
        Value<Boolean> encrypted,
        Value<String> kmsKeyId,
        Value<Boolean> encryptedWithHsm,
        Value<Integer> manualRetentionPeriod,
        Value<Double> totalSizeMegaBytes,
        Value<List<RestoreAccess>> sharedWith,
        Value<String> sourceRegion,
        Value<Map<String, String>> tags)
        implements Resource {

    public boolean isManual() {
        return "manual".equals(snapshotType.value());
    }

    /** True when another account owns the snapshot and merely shares it with this one. */
    public boolean isSharedIn() {
        return ownerAccount.isPresent()
                && !ownerAccount.value().equals(id.scope().account());
    }
}
