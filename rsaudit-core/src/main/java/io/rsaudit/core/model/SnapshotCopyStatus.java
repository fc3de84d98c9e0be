package io.rsaudit.core.model;

/**
 * Cross-region snapshot copy of a cluster ({@code ClusterSnapshotCopyStatus}).
 *
 * @param snapshotCopyGrantName the grant that lets Redshift use a KMS key in the destination; {@code null} when
 *     the copies are not KMS-encrypted with a customer key
 */
public record SnapshotCopyStatus(
        Value<String> destinationRegion,
        Value<Long> retentionPeriod,
        Value<Integer> manualSnapshotRetentionPeriod,
        Value<String> snapshotCopyGrantName) {}
