package io.rsaudit.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A Redshift Serverless snapshot ({@code ListSnapshots}).
 *
 * @param accountsWithRestoreAccess accounts that may restore it to a namespace
 * @param accountsWithProvisionedRestoreAccess accounts that may restore it to a provisioned cluster
 */
public record ServerlessSnapshot(
        ResourceId id,
        Value<String> namespaceName,
        Value<String> ownerAccount,
        Value<Instant> createTime,
        Value<String> kmsKeyId,
        Value<Integer> retentionPeriod,
        Value<List<String>> accountsWithRestoreAccess,
        Value<List<String>> accountsWithProvisionedRestoreAccess)
        implements Resource {}
