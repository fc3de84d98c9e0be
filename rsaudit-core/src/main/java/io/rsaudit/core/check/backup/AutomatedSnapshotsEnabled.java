package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-BACKUP-001",
        title = "Automated snapshots are enabled",
        severity = Severity.HIGH,
        area = Area.BACKUP,
        securityHub = {"Redshift.3"})
public final class AutomatedSnapshotsEnabled implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Integer> days = cluster.automatedSnapshotRetentionPeriod();
        String name = "cluster " + cluster.identifier();
        if (!days.isPresent()) {
            return Outcome.unknown("cannot read AutomatedSnapshotRetentionPeriod of " + name, days);
        }
        int d = days.value();
        if (d == 0) {
            return Outcome.fail(
                    "automated snapshots of " + name + " are disabled (AutomatedSnapshotRetentionPeriod"
                            + " is 0): Redshift takes none, so nothing written since the last manual snapshot can be restored",
                    days);
        }
        if (d < 0) {
            // AWS accepts 0..35; a negative number says nothing about whether snapshots are taken
            return Outcome.unknown(Snapshots.outOfRange(name, d), days);
        }
        return Outcome.pass("automated snapshots of " + name + " are enabled and kept " + Snapshots.days(d), days);
    }
}
