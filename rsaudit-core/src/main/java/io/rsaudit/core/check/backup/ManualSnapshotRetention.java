package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Severity;
import java.util.Optional;

@CheckInfo(
        id = "RS-BACKUP-004",
        title = "Manual snapshot has a bounded retention",
        severity = Severity.MEDIUM,
        area = Area.BACKUP)
public final class ManualSnapshotRetention implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        Optional<Outcome> skip = Snapshots.notOwnedManual(snapshot);
        if (skip.isPresent()) {
            return skip.get();
        }
        String name = Snapshots.name(snapshot);
        return ManualRetention.judge(
                snapshot.manualRetentionPeriod(),
                context.policy(),
                name,
                name + " is kept",
                ", even after its cluster is deleted",
                "; it is " + Snapshots.ageAndSize(snapshot, context.now()));
    }
}
