package io.rsaudit.core.model;

/** A grant that lets Redshift use a KMS key in a destination region for copied snapshots. */
public record SnapshotCopyGrant(ResourceId id, Value<String> kmsKeyId) implements Resource {}
