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
        id = "RS-BACKUP-002",
        title = "Automated snapshot retention meets the policy minimum",
        severity = Severity.MEDIUM,
        area = Area.BACKUP,
        securityHub = {"Redshift.3"})
public final class AutomatedSnapshotRetention implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Integer> days = cluster.automatedSnapshotRetentionPeriod();
        String name = "cluster " + cluster.identifier();
        if (!days.isPresent()) {
            return Outcome.unknown("cannot read AutomatedSnapshotRetentionPeriod of " + name, days);
        }
        int d = days.value();
        if (d < 0) {
            return Outcome.unknown(Snapshots.outOfRange(name, d), days);
        }
        int min = context.policy().minAutomatedRetentionDays();
        String minimum = "the policy minimum is " + Snapshots.days(min) + " (backups.minAutomatedRetentionDays)";
        if (d == 0) {
            return Outcome.fail(
                    "automated snapshots of " + name + " are disabled (AutomatedSnapshotRetentionPeriod is 0),"
                            + " so none is kept at all; " + minimum + "; RS-BACKUP-001 reports the disabled snapshots",
                    days);
        }
        if (d < min) {
            String apiDefault = d == 1
                    ? "; 1 day is what the API sets when a cluster is created without a" + " retention period"
                    : "";
            return Outcome.fail(
                    "automated snapshots of " + name + " are kept " + Snapshots.days(d) + ", so damage"
                            + " noticed later than that cannot be undone from an automated snapshot; " + minimum
                            + apiDefault,
                    days);
        }
        return Outcome.pass("automated snapshots of " + name + " are kept " + Snapshots.days(d) + "; " + minimum, days);
    }
}
