package io.rsaudit.core.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What CloudTrail says of the rotation of clusters' encryption keys ({@code RotateEncryptionKey}): for each account and
 * region, the period the history read covers, and the latest successful rotation of each cluster within it. The
 * history comes from CloudTrail log files ({@code --cloudtrail}) or from {@code cloudtrail:LookupEvents} (a live scan,
 * or the export it wrote), or both.
 *
 * @param covered per account-region, the period the CloudTrail history read spans; a scope without an entry has no
 *     history at all
 * @param latest per cluster (scope and identifier), its latest rotation in the history read
 * @param unread per account-region without a covered period, why its history could not be read (the lookup failed,
 *     was not collected, or its answer could not be read): an unknown value naming the call
 */
public record KeyRotations(Map<Scope, Period> covered, Map<ScopedName, Rotation> latest, Map<Scope, Value<?>> unread) {

    /**
     * The span of the history read for one account-region.
     *
     * @param from the earliest event time read (for a lookup: the start of the period it asked for)
     * @param to the latest event time read (for a lookup: the collection time)
     * @param source where the history was read: the files or folder, or the call
     */
    public record Period(Instant from, Instant to, String source) {}

    /**
     * One rotation: when, and the CloudTrail record that says so (its file and {@code /Records/N/eventTime}, or its
     * place in the other layouts of CloudTrail records).
     */
    public record Rotation(Instant time, Provenance evidence) {}

    /**
     * How far back CloudTrail's event history reaches, and so the period a lookup ({@code cloudtrail:LookupEvents})
     * asks for: the 90 days before the collection.
     */
    public static final java.time.Duration LOOKUP_WINDOW = java.time.Duration.ofDays(90);

    public KeyRotations {
        covered = Map.copyOf(covered);
        latest = Map.copyOf(latest);
        unread = Map.copyOf(unread);
    }

    public KeyRotations(Map<Scope, Period> covered, Map<ScopedName, Rotation> latest) {
        this(covered, latest, Map.of());
    }

    /** No history: every cluster's rotation age is unknown. */
    public static KeyRotations none() {
        return new KeyRotations(Map.of(), Map.of(), Map.of());
    }

    public Optional<Period> covered(Scope scope) {
        return Optional.ofNullable(covered.get(scope));
    }

    public Optional<Rotation> latest(Scope scope, String cluster) {
        return Optional.ofNullable(latest.get(new ScopedName(scope, cluster)));
    }

    /** Why the history of {@code scope} could not be read, when it could not and no other history covers it. */
    public Optional<Value<?>> unread(Scope scope) {
        return Optional.ofNullable(unread.get(scope));
    }

    /**
     * Both histories: per scope, periods that overlap (or touch) become one; of two apart, only the later one is kept,
     * with the rotations in it, since a rotation in the gap between them would not be seen. A scope one of them
     * covers is no longer unread.
     */
    public KeyRotations merge(KeyRotations other) {
        Map<Scope, Period> periods = new HashMap<>(covered);
        other.covered.forEach((scope, b) -> periods.merge(scope, b, KeyRotations::join));
        Map<ScopedName, Rotation> rotations = new HashMap<>();
        for (Map<ScopedName, Rotation> side : java.util.List.of(latest, other.latest)) {
            side.forEach((cluster, r) -> {
                Period p = periods.get(cluster.scope());
                if (p == null || !r.time().isBefore(p.from())) {
                    rotations.merge(cluster, r, (x, y) -> y.time().isAfter(x.time()) ? y : x);
                }
            });
        }
        Map<Scope, Value<?>> failed = new HashMap<>(unread);
        other.unread.forEach(failed::putIfAbsent);
        failed.keySet().removeAll(periods.keySet());
        return new KeyRotations(periods, rotations, failed);
    }

    private static Period join(Period a, Period b) {
        if (a.from().isAfter(b.to()) || b.from().isAfter(a.to())) {
            return a.to().isAfter(b.to()) ? a : b;
        }
        return new Period(
                a.from().isBefore(b.from()) ? a.from() : b.from(),
                a.to().isAfter(b.to()) ? a.to() : b.to(),
                a.source() + " and " + b.source());
    }
}
