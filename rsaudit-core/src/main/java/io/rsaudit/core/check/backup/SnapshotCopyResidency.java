package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.SnapshotCopyStatus;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Residency;

@CheckInfo(
        id = "RS-BACKUP-009",
        title = "Cross-region snapshot copy respects data residency",
        severity = Severity.HIGH,
        area = Area.BACKUP)
public final class SnapshotCopyResidency implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<SnapshotCopyStatus> copy = cluster.snapshotCopy();
        String name = "cluster " + cluster.identifier();
        String region = cluster.id().scope().region();
        if (copy.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " copies its snapshots to another region", copy);
        }
        if (copy.value() == null) {
            return Outcome.pass(
                    "cross-region snapshot copy of " + name + " is off: its snapshots stay in " + region, copy);
        }
        Value<String> destination = copy.value().destinationRegion();
        if (!destination.isPresent()) {
            return Outcome.unknown(
                    "cannot read which region " + name + " copies its snapshots to",
                    destination.orUnknown("DestinationRegion is null"));
        }
        String to = destination.value();
        Residency.Decision decision = context.policy().residency().copy(region, to);
        String what = "snapshots of " + name + " are copied from " + region + " to " + to;
        return switch (decision.verdict()) {
            case ALLOWED -> Outcome.pass(what + ": " + decision.reason(), destination);
            case DENIED ->
                Outcome.fail(
                        what + ": " + decision.reason() + "; "
                                + SnapshotResidency.allowed(context.policy().residency(), region, false)
                                + ", so point the copy at one of them" + retention(copy.value()),
                        destination);
            case UNKNOWN ->
                Outcome.unknown(
                        "cannot judge the copy of the snapshots of " + name + " from " + region + " to " + to,
                        Value.unknown(destination.provenance(), Reason.Kind.UNRECOGNIZED, decision.reason()));
        };
    }

    private static String retention(SnapshotCopyStatus copy) {
        String out = "";
        Value<Long> automated = copy.retentionPeriod();
        if (automated.isPresent()) {
            out += "; copied automated snapshots are kept there " + Snapshots.days(automated.value());
        }
        Value<Integer> manual = copy.manualSnapshotRetentionPeriod();
        if (manual.isPresent()) {
            out += manual.value() == -1
                    ? "; copied manual snapshots are kept there forever"
                    : "; copied manual snapshots are kept there " + Snapshots.days(manual.value());
        }
        return out;
    }
}
