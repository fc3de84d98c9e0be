package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ScheduledSnapshot;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Serverless namespace's scheduled snapshot actions, each judged as RS-BACKUP-011 judges a snapshot: every snapshot an
 * active schedule will still create must have a bounded retention, within the policy's maximum. A disabled action, or
 * one whose schedule has ended, creates no more snapshots and does not count (the snapshots it created are
 * RS-BACKUP-011's). The namespace's outcome is its worst action's.
 */
@CheckInfo(
        id = "RS-BACKUP-013",
        title = "Serverless scheduled snapshots have a bounded retention",
        severity = Severity.MEDIUM,
        area = Area.BACKUP)
public final class ServerlessScheduledSnapshotRetention implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        String name = "namespace " + namespace.id().name();
        Value<List<ScheduledSnapshot>> schedules = namespace.scheduledSnapshots();
        if (schedules.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " has scheduled snapshots", schedules);
        }
        if (schedules.value().isEmpty()) {
            return Outcome.notApplicable(
                    Reason.Kind.FEATURE_NOT_IN_USE, name + " has no scheduled snapshot action", schedules);
        }
        List<Outcome> each = new ArrayList<>();
        for (ScheduledSnapshot action : schedules.value()) {
            each.add(judge(action, name, context));
        }
        return Outcome.worst(each);
    }

    private static Outcome judge(ScheduledSnapshot action, String namespace, CheckContext context) {
        String resource = "scheduled action " + action.name() + " of " + namespace;
        Value<String> state = action.state();
        if (!state.isPresent()) {
            return Outcome.unknown("cannot read the state of " + resource, state.orUnknown("state is null"));
        }
        if ("DISABLED".equals(state.value())) {
            return Outcome.notApplicable(
                    Reason.Kind.FEATURE_NOT_IN_USE, resource + " is disabled: it creates no snapshot", state);
        }
        if (!"ACTIVE".equals(state.value())) {
            return Outcome.unknown(
                    Reason.Kind.UNRECOGNIZED,
                    "cannot judge " + resource + ": its state " + state.value() + " is neither ACTIVE nor DISABLED",
                    state);
        }
        Value<Instant> end = action.endTime();
        if (end.isUnknown()) {
            return Outcome.unknown("cannot read when the schedule of " + resource + " ends", end);
        }
        if (end.isPresent() && end.value().isBefore(context.now())) {
            return Outcome.notApplicable(
                    Reason.Kind.FEATURE_NOT_IN_USE,
                    resource + " ended at " + end.value() + ": it creates no more snapshots",
                    end);
        }
        return ManualRetention.judge(
                action.retentionPeriod(),
                "retentionPeriod",
                context.policy(),
                resource,
                "each snapshot " + resource + " creates is kept",
                ", even after its namespace is deleted",
                "");
    }
}
