package io.rsaudit.core.check.tagging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TAG-002",
        title = "Cluster snapshot carries the required tags",
        severity = Severity.LOW,
        area = Area.TAGGING,
        securityHub = {"Redshift.13"})
public final class SnapshotTagged implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        String name = "snapshot " + snapshot.id().name();
        if (snapshot.ownerAccount().isUnknown()) {
            return Outcome.unknown("cannot tell whether this account owns " + name, snapshot.ownerAccount());
        }
        if (snapshot.isSharedIn()) {
            // tags belong to the owner's copy: this account can neither see nor set them
            return Outcome.notApplicable(
                    Reason.Kind.OWNED_BY_ANOTHER_ACCOUNT,
                    name + " belongs to account " + snapshot.ownerAccount().value() + ", which shares it with this"
                            + " account; its tags are the owner's, and the owner's own audit judges them",
                    snapshot.ownerAccount());
        }
        return RequiredTags.judge(snapshot.tags(), context.policy(), name);
    }
}
