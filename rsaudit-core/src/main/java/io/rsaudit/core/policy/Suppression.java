package io.rsaudit.core.policy;

import io.rsaudit.core.model.ResourceId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted risk: findings of one check on resources matching a pattern are suppressed until the expiry date
 * (inclusive). After that it stops suppressing and the report says so.
 *
 * @param resource a {@link Glob} ({@code *} any text, {@code ?} one character) matched against the ARN and the name;
 *     matching is linear in the text's length
 * @param where where it is written, for messages: {@code policy.yaml suppressions[2]}
 */
public record Suppression(String check, String resource, String reason, LocalDate expires, String where) {

    public Suppression {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }

    public boolean matches(String checkId, ResourceId id) {
        if (!check.equals(checkId)) {
            return false;
        }
        Glob g = Glob.of(resource);
        return g.matches(id.arn()) || g.matches(id.name());
    }
}
