package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.RestoreAccess;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

@CheckInfo(id = "RS-ATREST-006", title = "Snapshot is encrypted", severity = Severity.HIGH, area = Area.AT_REST)
public final class SnapshotEncrypted implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        String name = "snapshot " + snapshot.id().name();
        if (snapshot.ownerAccount().isUnknown()) {
            // a snapshot shared in by another account is not applicable, so an unknown owner decides nothing
            return Outcome.unknown("cannot tell whether this account owns " + name, snapshot.ownerAccount());
        }
        if (snapshot.isSharedIn()) {
            return Outcome.notApplicable(
                    Reason.Kind.OWNED_BY_ANOTHER_ACCOUNT,
                    name + " belongs to account " + snapshot.ownerAccount().value()
                            + ", which shares it with this account; only the owner can change it, and the owner's own audit"
                            + " judges it",
                    snapshot.ownerAccount());
        }
        // manual or automated, and a copy in another region as much as the original: each is a copy of the data
        Value<String> type = snapshot.snapshotType();
        String kind = type.isPresent() ? type.value() + " " : "";
        Value<Boolean> encrypted = snapshot.encrypted();
        if (Boolean.TRUE.equals(encrypted.value())) {
            return Outcome.pass(kind + name + copy(snapshot) + " is encrypted" + key(snapshot), encrypted);
        }
        if (Boolean.FALSE.equals(encrypted.value())) {
            return Outcome.fail(
                    kind + name + origin(snapshot) + copy(snapshot) + " is not encrypted: a full copy of the"
                            + " cluster's data at that time is stored unencrypted" + exposure(snapshot)
                            + automated(type),
                    encrypted);
        }
        return Outcome.unknown(
                "cannot tell whether " + name + " is encrypted", encrypted.orUnknown("Encrypted has no value"));
    }

    /** For a copy from another region: where it came from. */
    private static String copy(ClusterSnapshot snapshot) {
        return snapshot.sourceRegion().isPresent()
                ? " (a copy in " + snapshot.id().scope().region() + " from "
                        + snapshot.sourceRegion().value() + ")"
                : "";
    }

    private static String automated(Value<String> type) {
        return "automated".equals(type.value())
                ? "; automated snapshots cannot be encrypted one by one: encrypt the cluster (RS-ATREST-001), and"
                        + " AWS replaces them as the retention period runs out"
                : "";
    }

    private static String key(ClusterSnapshot snapshot) {
        if (Boolean.TRUE.equals(snapshot.encryptedWithHsm().value())) {
            return ", with its cluster's HSM-held key";
        }
        return snapshot.kmsKeyId().isPresent()
                ? ", with KMS key " + snapshot.kmsKeyId().value()
                : "";
    }

    private static String origin(ClusterSnapshot snapshot) {
        String text = snapshot.clusterIdentifier().isPresent()
                ? " of cluster " + snapshot.clusterIdentifier().value()
                : "";
        return snapshot.createTime().isPresent()
                ? text + ", created "
                        + LocalDate.ofInstant(snapshot.createTime().value(), ZoneOffset.UTC) + ","
                : text;
    }

    /** How long the unencrypted copy stays and who else may restore it: what makes the finding urgent. */
    private static String exposure(ClusterSnapshot snapshot) {
        StringBuilder text = new StringBuilder();
        Value<Integer> retention = snapshot.manualRetentionPeriod();
        if (retention.isPresent()) {
            text.append(
                    retention.value() == -1
                            ? "; it is kept until someone deletes it (retention -1)"
                            : "; it is kept " + retention.value() + " days");
        }
        Value<List<RestoreAccess>> shared = snapshot.sharedWith();
        if (shared.isPresent() && !shared.value().isEmpty()) {
            text.append(text.length() == 0 ? "; it" : " and")
                    .append(" is shared with ")
                    .append(shared.value().stream().map(RestoreAccess::display).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }
}
