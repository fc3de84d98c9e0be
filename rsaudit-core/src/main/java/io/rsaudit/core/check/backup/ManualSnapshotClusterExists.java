package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.RestoreAccess;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
        id = "RS-BACKUP-005",
        title = "Manual snapshot's cluster still exists",
        severity = Severity.LOW,
        area = Area.BACKUP)
public final class ManualSnapshotClusterExists implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        Optional<Outcome> skip = Snapshots.notOwnedManual(snapshot);
        if (skip.isPresent()) {
            return skip.get();
        }
        String name = Snapshots.name(snapshot);
        Value<String> cluster = snapshot.clusterIdentifier();
        if (!cluster.isPresent()) {
            return Outcome.unknown("cannot tell which cluster " + name + " was taken from", cluster);
        }
        if (snapshot.sourceRegion().isUnknown()) {
            return Outcome.unknown(
                    "cannot tell which region cluster " + cluster.value() + " of " + name + " lives in",
                    snapshot.sourceRegion());
        }
        // a cross-region copy names its cluster in the region it was copied from
        boolean copied = snapshot.sourceRegion().isPresent();
        String region =
                copied ? snapshot.sourceRegion().value() : snapshot.id().scope().region();
        Value<Set<String>> clusters = context.inventory()
                .clusterIdentifiers(new Scope(snapshot.id().scope().account(), region));
        if (!clusters.isPresent()) {
            return Outcome.unknown(
                    "cannot tell whether cluster " + cluster.value() + " of " + name + " still exists in " + region,
                    clusters.orUnknown("no cluster list"));
        }
        String copy = copied ? " (the snapshot is a copy from there)" : "";
        if (clusters.value().contains(cluster.value())) {
            return Outcome.pass(
                    "cluster " + cluster.value() + " of " + name + " still exists in " + region + copy, cluster);
        }
        return Outcome.fail(
                name + " is orphaned: its cluster " + cluster.value() + " no longer exists in " + region
                        + copy + "; it is " + Snapshots.ageAndSize(snapshot, context.now()) + ", "
                        + retention(snapshot) + sharing(snapshot),
                cluster);
    }

    private static String retention(ClusterSnapshot snapshot) {
        Value<Integer> days = snapshot.manualRetentionPeriod();
        if (!days.isPresent()) {
            return "retention unknown";
        }
        return days.value() == -1 ? "kept forever" : "retention " + Snapshots.days(days.value());
    }

    private static String sharing(ClusterSnapshot snapshot) {
        if (!snapshot.sharedWith().isPresent() || snapshot.sharedWith().value().isEmpty()) {
            return "";
        }
        List<String> who = snapshot.sharedWith().value().stream()
                .map(RestoreAccess::display)
                .toList();
        return ", and still restorable by " + Snapshots.join(who) + " (RS-BACKUP-006, RS-BACKUP-007)";
    }
}
