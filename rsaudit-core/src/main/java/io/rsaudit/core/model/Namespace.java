package io.rsaudit.core.model;

import java.util.List;

/**
 * A Redshift Serverless namespace ({@code ListNamespaces}).
 *
 * @param adminPasswordSecretArn {@code null} when the admin password is not managed by Secrets Manager
 * @param copyConfigurations its cross-region snapshot copy configurations ({@code ListSnapshotCopyConfigurations}),
 *     empty when it copies nowhere; unknown when that list was not read
 * @param scheduledSnapshots its scheduled actions that create snapshots ({@code ListScheduledActions},
 *     {@code GetScheduledAction}), empty when it has none; unknown when the region's list was not read whole
 */
public record Namespace(
        ResourceId id,
        Value<String> status,
        Value<String> kmsKeyId,
        Value<String> adminUsername,
        Value<String> adminPasswordSecretArn,
        Value<List<String>> logExports,
        Value<List<SnapshotCopyConfiguration>> copyConfigurations,
        Value<List<ScheduledSnapshot>> scheduledSnapshots)
        implements Resource {}
