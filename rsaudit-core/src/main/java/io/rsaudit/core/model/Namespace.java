package io.rsaudit.core.model;

import java.util.List;

/**
 * A Redshift Serverless namespace ({@code ListNamespaces}).
 *
 * @param adminPasswordSecretArn {@code null} when the admin password is not managed by Secrets Manager
 */
public record Namespace(
        ResourceId id,
        Value<String> status,
        Value<String> kmsKeyId,
        Value<String> adminUsername,
        Value<String> adminPasswordSecretArn,
        Value<List<String>> logExports)
        implements Resource {}
