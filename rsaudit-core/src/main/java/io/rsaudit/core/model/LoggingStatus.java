package io.rsaudit.core.model;

import java.time.Instant;
import java.util.List;

/**
 * Audit logging of a cluster ({@code DescribeLoggingStatus}).
 *
 * @param destinationType {@code s3} or {@code cloudwatch}
 * @param logExports {@code connectionlog}, {@code userlog}, {@code useractivitylog}
 */
public record LoggingStatus(
        Value<Boolean> enabled,
        Value<String> destinationType,
        Value<String> bucketName,
        Value<List<String>> logExports,
        Value<Instant> lastSuccessfulDelivery,
        Value<Instant> lastFailure,
        Value<String> lastFailureMessage) {}
