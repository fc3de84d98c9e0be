package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.TrustedAccounts;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
        id = "RS-BACKUP-008",
        title = "Serverless snapshot is shared only with trusted accounts",
        severity = Severity.HIGH,
        area = Area.BACKUP)
public final class ServerlessSnapshotSharedWithTrustedAccounts implements Check<ServerlessSnapshot> {

    private static final String TO_NAMESPACE = "to a serverless namespace";
    private static final String TO_CLUSTER = "to a provisioned cluster";

    @Override
    public Outcome evaluate(ServerlessSnapshot snapshot, CheckContext context) {
        String name = "snapshot " + snapshot.id().name();
        Value<String> owner = snapshot.ownerAccount();
        Optional<Outcome> skip =
                Snapshots.notOwned(name, owner, snapshot.id().scope().account());
        if (skip.isPresent()) {
            return skip.get();
        }
        Map<String, List<String>> untrusted = new LinkedHashMap<>();
        List<Value<String>> evidence = new ArrayList<>();
        collect(
                snapshot.accountsWithRestoreAccess(),
                TO_NAMESPACE,
                context.policy(),
                owner.value(),
                untrusted,
                evidence);
        collect(
                snapshot.accountsWithProvisionedRestoreAccess(),
                TO_CLUSTER,
                context.policy(),
                owner.value(),
                untrusted,
                evidence);
        if (!untrusted.isEmpty()) {
            List<String> names = new ArrayList<>();
            untrusted.forEach((account, kinds) -> names.add(account + " (" + String.join(" and ", kinds) + ")"));
            return Outcome.fail(
                    name + " is restorable by " + TrustedAccounts.outside(names) + "; a restore gives "
                            + (names.size() == 1 ? "that account" : "each of them") + " all the data of namespace "
                            + snapshot.namespaceName().show() + context.policy().trustsNoAccountNote(),
                    evidence.get(0));
        }
        // after the failure above on purpose: an untrusted account in one list decides, whatever the other holds
        for (Value<List<String>> list :
                List.of(snapshot.accountsWithRestoreAccess(), snapshot.accountsWithProvisionedRestoreAccess())) {
            if (!list.isPresent()) {
                return Outcome.unknown(
                        "cannot read which accounts may restore " + name,
                        list.orUnknown(list.provenance().field() + " is null"));
            }
        }
        Set<String> trusted =
                new LinkedHashSet<>(snapshot.accountsWithRestoreAccess().value());
        trusted.addAll(snapshot.accountsWithProvisionedRestoreAccess().value());
        trusted.remove(owner.value());
        return Outcome.pass(
                trusted.isEmpty()
                        ? name + " is shared with no other account"
                        : name + " is shared only with trusted accounts: " + Snapshots.join(List.copyOf(trusted)),
                snapshot.accountsWithRestoreAccess());
    }

    private static void collect(
            Value<List<String>> list,
            String kind,
            Policy policy,
            String owner,
            Map<String, List<String>> untrusted,
            List<Value<String>> evidence) {
        if (!list.isPresent()) {
            return;
        }
        List<String> accounts = list.value();
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            if (!policy.trusts(owner, account)) {
                untrusted.computeIfAbsent(account, a -> new ArrayList<>()).add(kind);
                evidence.add(Value.known(account, list.provenance().child(i)));
            }
        }
    }
}
