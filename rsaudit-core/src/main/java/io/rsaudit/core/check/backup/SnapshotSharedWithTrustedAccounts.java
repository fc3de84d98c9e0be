package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.TrustedAccounts;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.RestoreAccess;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@CheckInfo(
        id = "RS-BACKUP-006",
        title = "Snapshot is shared only with trusted accounts",
        severity = Severity.HIGH,
        area = Area.BACKUP)
public final class SnapshotSharedWithTrustedAccounts implements Check<ClusterSnapshot> {

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
        String owner = snapshot.ownerAccount().value();
        List<RestoreAccess> untrusted = new ArrayList<>();
        List<String> trusted = new ArrayList<>();
        RestoreAccess unnamed = null;
        boolean support = false;
        for (RestoreAccess access : shared.value() == null ? List.<RestoreAccess>of() : shared.value()) {
            if (access.isAwsSupport()) {
                support = true;
            } else if (access.accountId() == null) {
                unnamed = unnamed == null ? access : unnamed;
            } else if (context.policy().trusts(owner, access.accountId())) {
                trusted.add(Snapshots.show(access));
            } else {
                untrusted.add(access);
            }
        }
        String supportNote = support ? "; AWS Support access is judged by RS-BACKUP-007" : "";
        if (!untrusted.isEmpty()) {
            List<String> names = untrusted.stream().map(Snapshots::show).toList();
            RestoreAccess first = untrusted.get(0);
            return Outcome.fail(
                    name + " is restorable by " + TrustedAccounts.outside(names) + "; "
                            + (names.size() == 1 ? "it" : "each")
                            + " can restore the snapshot into a cluster of its own and"
                            + " read all its data" + unencrypted(snapshot)
                            + context.policy().trustsNoAccountNote(),
                    Value.known(first.accountId(), first.provenance()));
        }
        if (unnamed != null) {
            return Outcome.unknown(
                    "cannot judge an account that may restore " + name,
                    Value.unknown(
                            unnamed.provenance(),
                            Reason.Kind.ABSENT,
                            (unnamed.accountAlias() == null
                                            ? "the entry {} has neither AccountId nor AccountAlias"
                                            : "the entry has no AccountId (alias " + unnamed.accountAlias() + ")")
                                    + ", so it cannot be matched to the trusted accounts"));
        }
        if (trusted.isEmpty()) {
            return Outcome.pass(name + " is shared with no other account" + supportNote, shared);
        }
        return Outcome.pass(
                name + " is shared only with trusted accounts: " + Snapshots.join(trusted) + supportNote, shared);
    }

    private static String unencrypted(ClusterSnapshot snapshot) {
        return Boolean.FALSE.equals(snapshot.encrypted().value())
                ? "; the snapshot is not encrypted, so no KMS key permission stands in the way"
                : "";
    }
}
