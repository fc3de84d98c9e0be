package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Severity;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Value;

@CheckInfo(id = "RS-BACKUP-001", title = "Automated snapshots are enabled", severity = Severity.HIGH,
        area = Area.BACKUP)
public final class AutomatedSnapshotsEnabled implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Integer> days = cluster.automatedSnapshotRetentionPeriod();
        if (!days.isPresent()) {
            return Outcome.unknown("cannot read AutomatedSnapshotRetentionPeriod", days);
        }
        int d = days.value();
        if (d == 0) {
            return Outcome.fail("automated snapshots are disabled (AutomatedSnapshotRetentionPeriod is 0): Redshift"
                    + " takes no automated snapshots of the cluster, so nothing written since the last manual"
                    + " snapshot can be restored", days);
        }
        if (d < 0) {
            // AWS accepts 0..35; a negative number says nothing about whether snapshots are taken
            return Outcome.unknown("AutomatedSnapshotRetentionPeriod is " + d + ", outside the 0 to 35 days AWS"
                    + " accepts", days);
        }
        return Outcome.pass("automated snapshots are enabled and kept " + Snapshots.days(d), days);
    }
}
