package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.SnapshotCopyConfiguration;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Residency;
import java.util.ArrayList;
import java.util.List;

/**
 * A Serverless namespace's cross-region snapshot copy configurations, judged against the residency policy as
 * RS-BACKUP-009 judges a cluster's copy: each destination must be a region the namespace's data may lie in. The
 * namespace's outcome is its worst configuration's.
 */
@CheckInfo(
        id = "RS-BACKUP-012",
        title = "Serverless cross-region snapshot copy respects data residency",
        severity = Severity.HIGH,
        area = Area.BACKUP)
public final class ServerlessSnapshotCopyResidency implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        String name = "namespace " + namespace.id().name();
        String region = namespace.id().scope().region();
        Value<List<SnapshotCopyConfiguration>> copies = namespace.copyConfigurations();
        if (copies.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " copies its snapshots to another region", copies);
        }
        if (copies.value().isEmpty()) {
            return Outcome.pass(name + " has no snapshot copy configuration: its snapshots stay in " + region, copies);
        }
        Residency residency = context.policy().residency();
        List<Outcome> each = new ArrayList<>();
        for (SnapshotCopyConfiguration copy : copies.value()) {
            Value<String> destination = copy.destinationRegion();
            if (!destination.isPresent()) {
                each.add(Outcome.unknown(
                        "cannot read which region " + name + " copies its snapshots to",
                        destination.orUnknown("destinationRegion is null")));
                continue;
            }
            String to = destination.value();
            Residency.Decision decision = residency.copy(region, to);
            String what = "snapshots of " + name + " are copied from " + region + " to " + to;
            each.add(
                    switch (decision.verdict()) {
                        case ALLOWED -> Outcome.pass(what + ": " + decision.reason(), destination);
                        case DENIED ->
                            Outcome.fail(
                                    what + ": " + decision.reason() + "; "
                                            + SnapshotResidency.allowed(residency, region, false)
                                            + ", so point the copy at one of them" + retention(copy),
                                    destination);
                        case UNKNOWN ->
                            Outcome.unknown(
                                    "cannot judge the copy of the snapshots of " + name + " from " + region + " to "
                                            + to,
                                    Value.unknown(
                                            destination.provenance(), Reason.Kind.UNRECOGNIZED, decision.reason()));
                    });
        }
        return Outcome.worst(each);
    }

    private static String retention(SnapshotCopyConfiguration copy) {
        Value<Integer> days = copy.retentionPeriod();
        if (!days.isPresent()) {
            return "";
        }
        return days.value() == -1
                ? "; the copies are kept there forever"
                : "; the copies are kept there " + Snapshots.days(days.value());
    }
}
