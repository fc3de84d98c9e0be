package io.rsaudit.core.model;

/**
 * One cross-region snapshot copy configuration of a Redshift Serverless namespace
 * ({@code ListSnapshotCopyConfigurations}): Redshift Serverless copies the namespace's snapshots to another region.
 *
 * @param destinationRegion where the copies go
 * @param destinationKmsKeyId the key the copies are encrypted with there; {@code null} when none is named (the
 *     destination's AWS-owned key)
 * @param retentionPeriod how many days the copies are kept; {@code null} when not set
 * @param origin the configuration in its answer
 */
public record SnapshotCopyConfiguration(
        Value<String> destinationRegion,
        Value<String> destinationKmsKeyId,
        Value<Integer> retentionPeriod,
        Provenance origin) {}
