package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Ownership;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.RestoreAccess;
import io.rsaudit.core.model.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the snapshot checks share: which snapshots they judge, and how a snapshot is described to a person. */
final class Snapshots {

    private Snapshots() {}

    /**
     * Why a check of the owner's choices does not judge this snapshot: it is shared in by another account (whose
     * own audit judges it), or its owner cannot be read. Empty when the snapshot is this account's own.
     */
    static Optional<Outcome> notOwned(ClusterSnapshot snapshot) {
        return notOwned(
                name(snapshot), snapshot.ownerAccount(), snapshot.id().scope().account());
    }

    /** As {@link #notOwned(ClusterSnapshot)}, for any snapshot: {@code account} is the one it was collected in. */
    static Optional<Outcome> notOwned(String name, Value<String> owner, String account) {
        return Ownership.notOwned(name, owner, account);
    }

    /**
     * As {@link #notOwned}, and also not a manual snapshot: automated snapshots follow their cluster's automated
     * retention and are deleted with the cluster.
     */
    static Optional<Outcome> notOwnedManual(ClusterSnapshot snapshot) {
        Optional<Outcome> notOwned = notOwned(snapshot);
        if (notOwned.isPresent()) {
            return notOwned;
        }
        String name = name(snapshot);
        if (snapshot.snapshotType().isUnknown()) {
            return Optional.of(Outcome.unknown(
                    "cannot tell whether " + name + " is manual or automated", snapshot.snapshotType()));
        }
        String type = snapshot.snapshotType().value();
        if ("automated".equals(type)) {
            return Optional.of(Outcome.notApplicable(
                    Reason.Kind.MANAGED_BY_AWS,
                    name + " is automated: AWS deletes it when its cluster's"
                            + " automated retention period ends, or with the cluster",
                    snapshot.snapshotType()));
        }
        if (!snapshot.isManual()) {
            return Optional.of(Outcome.unknown(
                    Reason.Kind.UNRECOGNIZED,
                    "cannot judge " + name + ": its SnapshotType is '" + type + "',"
                            + " neither manual nor automated, and rsaudit does not know how AWS retains it",
                    snapshot.snapshotType()));
        }
        return Optional.empty();
    }

    /** How long a snapshot stays, for a residency failure: "; it is kept forever (manual retention -1)", or "". */
    static String retentionNote(ClusterSnapshot snapshot) {
        Value<Integer> days = snapshot.manualRetentionPeriod();
        if (!snapshot.isManual() || !days.isPresent()) {
            return "";
        }
        return days.value() == -1
                ? "; it is kept until someone deletes it (retention -1)"
                : "; it is kept " + days(days.value());
    }

    /** The snapshot as messages name it: "snapshot analytics-before-migration". */
    static String name(ClusterSnapshot snapshot) {
        return "snapshot " + snapshot.id().name();
    }

    /** The unknown outcome's reason for an automated retention outside the 0..35 days AWS accepts. */
    static String outOfRange(String cluster, int days) {
        return "cannot judge the automated snapshot retention of " + cluster + ": AutomatedSnapshotRetentionPeriod is "
                + days + ", outside the 0 to 35 days AWS accepts";
    }

    /** Age and size for messages: "412 days old (created 2025-04-15), 1,234.5 GiB". */
    static String ageAndSize(ClusterSnapshot snapshot, Instant now) {
        return age(snapshot, now) + ", " + size(snapshot);
    }

    private static String age(ClusterSnapshot snapshot, Instant now) {
        if (!snapshot.createTime().isPresent()) {
            return "of unknown age (no SnapshotCreateTime)";
        }
        Instant created = snapshot.createTime().value();
        LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
        if (created.isAfter(now)) {
            return "created " + day;
        }
        return days(Duration.between(created, now).toDays()) + " old (created " + day + ")";
    }

    private static String size(ClusterSnapshot snapshot) {
        if (!snapshot.totalSizeMegaBytes().isPresent()) {
            return "size not reported";
        }
        // AWS's "megabytes" here are MiB, so 1024 of them make a GiB
        return gib(snapshot.totalSizeMegaBytes().value() / 1024.0) + " GiB";
    }

    /**
     * {@code String.format(Locale.ROOT, "%,.1f", gib)} without a {@link java.util.Formatter} (a scan describes some
     * hundred thousand snapshots): the same shortest decimal digits rounded half up, grouped by threes.
     */
    static String gib(double gib) {
        boolean plain = gib > 0 && gib < 1e15 || Double.doubleToRawLongBits(gib) == 0L; // not -0.0, NaN, infinite
        if (!plain) {
            return String.format(Locale.ROOT, "%,.1f", gib);
        }
        String digits =
                BigDecimal.valueOf(gib).setScale(1, RoundingMode.HALF_UP).toPlainString();
        int point = digits.length() - 2;
        StringBuilder b = new StringBuilder(digits.length() + point / 3);
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.append(digits, point, digits.length()).toString();
    }

    /** An account that may restore the snapshot, for messages: the id, with the alias when AWS gives one. */
    static String show(RestoreAccess access) {
        if (access.accountId() == null) {
            return "alias " + access.accountAlias();
        }
        return access.accountAlias() == null
                ? access.accountId()
                : access.accountId() + " (" + access.accountAlias() + ")";
    }

    static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    static String join(List<String> items) {
        return String.join(", ", items);
    }
}
