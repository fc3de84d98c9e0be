package io.rsaudit.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What CloudTrail says of the rotation of clusters' encryption keys ({@code RotateEncryptionKey}): for each account and
 * region, the period the history read covers, and the latest successful rotation of each cluster within it.
 *
 * @param covered per account-region, the period the CloudTrail history read spans; a scope without an entry has no
 *     history at all
 * @param latest per cluster (scope and identifier), its latest rotation in the history read
 */
public record KeyRotations(Map<Scope, Period> covered, Map<ScopedName, Rotation> latest) {

    /**
     * The span of the history read for one account-region.
     *
     * @param from the earliest event time read
     * @param to the latest event time read
     * @param source where the history was read: the files or folder, or the call
     */
    public record Period(Instant from, Instant to, String source) {}

    /** One rotation: when, and the CloudTrail record that says so (its file and {@code /Records/N/eventTime}). */
    public record Rotation(Instant time, Provenance evidence) {}

    public KeyRotations {
        covered = Map.copyOf(covered);
        latest = Map.copyOf(latest);
    }

    /** No history: every cluster's rotation age is unknown. */
    public static KeyRotations none() {
        return new KeyRotations(Map.of(), Map.of());
    }

    public Optional<Period> covered(Scope scope) {
        return Optional.ofNullable(covered.get(scope));
    }

    public Optional<Rotation> latest(Scope scope, String cluster) {
        return Optional.ofNullable(latest.get(new ScopedName(scope, cluster)));
    }
}
