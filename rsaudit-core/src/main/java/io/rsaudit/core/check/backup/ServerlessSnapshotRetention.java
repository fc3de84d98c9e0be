package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.Optional;

@CheckInfo(
        id = "RS-BACKUP-011",
        title = "Serverless snapshot has a bounded retention",
        severity = Severity.MEDIUM,
        area = Area.BACKUP)
public final class ServerlessSnapshotRetention implements Check<ServerlessSnapshot> {

    @Override
    public Outcome evaluate(ServerlessSnapshot snapshot, CheckContext context) {
        String name = "serverless snapshot " + snapshot.id().name();
        Optional<Outcome> skip = Snapshots.notOwned(
                name, snapshot.ownerAccount(), snapshot.id().scope().account());
        if (skip.isPresent()) {
            return skip.get();
        }
        Value<Integer> days = snapshot.retentionPeriod();
        return ManualRetention.judge(
                days.isPresent() || days.isUnknown()
                        ? days
                        : days.orUnknown(
                                Reason.Kind.ABSENT,
                                "snapshotRetentionPeriod is not reported, so how long the snapshot is kept is not known"),
                "snapshotRetentionPeriod",
                context.policy(),
                name,
                name + " of namespace " + snapshot.namespaceName().show() + " is kept",
                ", even after its namespace is deleted",
                "");
    }
}
