package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Ownership;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.Optional;

@CheckInfo(
        id = "RS-ATREST-010",
        title = "Serverless snapshot is encrypted under a key the policy accepts",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class ServerlessSnapshotKeyTrusted implements Check<ServerlessSnapshot> {

    @Override
    public Outcome evaluate(ServerlessSnapshot snapshot, CheckContext context) {
        String name = "serverless snapshot " + snapshot.id().name();
        Optional<Outcome> skip = Ownership.notOwned(
                name, snapshot.ownerAccount(), snapshot.id().scope().account());
        if (skip.isPresent()) {
            return skip.get();
        }
        Value<String> kmsKeyId = snapshot.kmsKeyId();
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown("cannot read the kmsKeyId of " + name, kmsKeyId);
        }
        // Serverless data is always encrypted; a missing kmsKeyId says nothing about which key, so it is no fail
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            return Outcome.unknown(
                    "cannot tell which key encrypts " + name,
                    Value.unknown(kmsKeyId.provenance(), Reason.Kind.ABSENT, "the snapshot reports no kmsKeyId"));
        }
        return SnapshotKeys.judge(kmsKeyId, snapshot.id().scope(), context, name);
    }
}
