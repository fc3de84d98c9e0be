package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.RestoreAccess;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.Optional;

@CheckInfo(
        id = "RS-BACKUP-007",
        title = "Snapshot is not shared with AWS Support",
        severity = Severity.LOW,
        area = Area.BACKUP)
public final class SnapshotNotSharedWithSupport implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        Optional<Outcome> skip = Snapshots.notOwned(snapshot);
        if (skip.isPresent()) {
            return skip.get();
        }
        String name = Snapshots.name(snapshot);
        Value<List<RestoreAccess>> shared = snapshot.sharedWith();
        if (shared.isUnknown()) {
            return Outcome.unknown("cannot read which accounts may restore " + name, shared);
        }
        List<RestoreAccess> all = shared.value() == null ? List.of() : shared.value();
        Optional<RestoreAccess> support =
                all.stream().filter(RestoreAccess::isAwsSupport).findFirst();
        if (support.isPresent()) {
            return Outcome.fail(
                    "AWS Support (" + RestoreAccess.AWS_SUPPORT + ") may restore " + name + " and read"
                            + " its data; access granted for a support case stays until it is revoked",
                    Value.known(RestoreAccess.AWS_SUPPORT, support.get().provenance()));
        }
        return Outcome.pass(name + " is not shared with AWS Support", shared);
    }
}
