package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Residency;
import java.util.List;
import java.util.Optional;

/**
 * Judges where a snapshot lies, not only where its cluster's copy configuration sends snapshots: a snapshot copied
 * from another region (automatically or by hand) carries its source's data into the region it was collected in.
 */
@CheckInfo(
        id = "RS-BACKUP-010",
        title = "Snapshot lies in a region its data may reside in",
        severity = Severity.HIGH,
        area = Area.BACKUP)
public final class SnapshotResidency implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        Optional<Outcome> skip = Snapshots.notOwned(snapshot);
        if (skip.isPresent()) {
            return skip.get();
        }
        String name = Snapshots.name(snapshot);
        String region = snapshot.id().scope().region();
        Value<String> source = snapshot.sourceRegion();
        if (source.isUnknown()) {
            return Outcome.unknown(
                    "cannot tell whether " + name + " in " + region + " was copied from another region", source);
        }
        if (!source.isPresent() || source.value().equals(region)) {
            return Outcome.pass(
                    name + " was taken in " + region + ", where its cluster lies: it is not a copy from another region",
                    source);
        }
        Residency residency = context.policy().residency();
        String from = source.value();
        Residency.Decision decision = residency.copy(from, region);
        String what = name + " in " + region + " is a copy of data from " + from;
        return switch (decision.verdict()) {
            case ALLOWED -> Outcome.pass(what + ": " + decision.reason(), source);
            case DENIED ->
                Outcome.fail(
                        what + ": " + decision.reason() + "; " + allowed(residency, from, true)
                                + "; copy it into one of those regions and delete this copy"
                                + Snapshots.retentionNote(snapshot),
                        source);
            case UNKNOWN ->
                Outcome.unknown(
                        "cannot judge where " + name + " may lie (a copy from " + from + " in " + region + ")",
                        Value.unknown(source.provenance(), Reason.Kind.UNRECOGNIZED, decision.reason()));
        };
    }

    /**
     * "data from eu-west-1 (EEA) may lie only in eu-central-1, eu-north-1, ... under the policy's dataResidency";
     * {@code withSource} keeps {@code from} itself in the list (where a snapshot may lie, not where a copy may go).
     */
    static String allowed(Residency residency, String from, boolean withSource) {
        List<String> regions = residency.allowedDestinations(from).stream()
                .filter(r -> withSource || !r.equals(from))
                .toList();
        return "data from " + from + " (" + residency.jurisdiction(from) + ") may lie only in "
                + (regions.isEmpty() ? "its own region" : String.join(", ", regions))
                + " under the policy's dataResidency";
    }
}
