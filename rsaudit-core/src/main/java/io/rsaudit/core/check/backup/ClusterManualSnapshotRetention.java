package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-BACKUP-003",
        title = "Cluster's default manual snapshot retention is bounded",
        severity = Severity.LOW,
        area = Area.BACKUP)
public final class ClusterManualSnapshotRetention implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        String name = "cluster " + cluster.identifier();
        return ManualRetention.judge(
                cluster.manualSnapshotRetentionPeriod(),
                context.policy(),
                name,
                "manual snapshots of " + name + " taken without an explicit retention are kept",
                ", even after the cluster is deleted",
                "");
    }
}
