package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Ownership;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.Optional;

@CheckInfo(
        id = "RS-ATREST-009",
        title = "Snapshot is encrypted under a key the policy accepts",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class SnapshotKeyTrusted implements Check<ClusterSnapshot> {

    @Override
    public Outcome evaluate(ClusterSnapshot snapshot, CheckContext context) {
        String name = "snapshot " + snapshot.id().name();
        Optional<Outcome> skip = Ownership.notOwned(
                name, snapshot.ownerAccount(), snapshot.id().scope().account());
        if (skip.isPresent()) {
            return skip.get();
        }
        // manual or automated, original or a copy in another region: each copy of the data is judged under its own key
        Value<Boolean> encrypted = snapshot.encrypted();
        if (!encrypted.isPresent()) {
            return Outcome.unknown(
                    "cannot tell whether " + name + " is encrypted", encrypted.orUnknown("Encrypted has no value"));
        }
        if (!encrypted.value()) {
            return Outcome.fail(
                    name + " is not encrypted (Encrypted is false), so no key the policy accepts protects it;"
                            + " RS-ATREST-006 reports the missing encryption on its own",
                    encrypted);
        }
        if (Boolean.TRUE.equals(snapshot.encryptedWithHsm().value())) {
            return Outcome.pass(
                    name + " is encrypted under its cluster's HSM-held root key (EncryptedWithHSM is true);"
                            + " RS-ATREST-005 checks the cluster's HSM connection",
                    snapshot.encryptedWithHsm());
        }
        Value<String> kmsKeyId = snapshot.kmsKeyId();
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown("cannot read the KmsKeyId of " + name, kmsKeyId);
        }
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            if (snapshot.encryptedWithHsm().isUnknown()) {
                return Outcome.unknown(
                        "cannot tell which key encrypts " + name + ": it reports no KmsKeyId, and whether its key is"
                                + " held in an HSM is unknown",
                        snapshot.encryptedWithHsm());
            }
            // encrypted, no HSM and no key id: the AWS owned key, as for a cluster that reports none
            return SnapshotKeys.judge(
                    Value.known(KeyReference.AWS_OWNED_SENTINEL, kmsKeyId.provenance()),
                    snapshot.id().scope(),
                    context,
                    name + " (encrypted, with no KmsKeyId and no HSM)");
        }
        return SnapshotKeys.judge(kmsKeyId, snapshot.id().scope(), context, name);
    }
}
