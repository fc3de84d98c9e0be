package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.SnapshotCopyGrant;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-ATREST-008",
        title = "Snapshot copy grant uses a customer-managed key",
        severity = Severity.MEDIUM,
        area = Area.AT_REST)
public final class CopyGrantUsesCustomerKey implements Check<SnapshotCopyGrant> {

    @Override
    public Outcome evaluate(SnapshotCopyGrant grant, CheckContext context) {
        if (!context.policy().requireCustomerManagedKeys()) {
            return Outcome.notApplicable(Reason.Kind.NOT_REQUIRED_BY_POLICY, KeyOwnership.NOT_REQUIRED);
        }
        String name = "snapshot copy grant " + grant.id().name();
        Value<String> kmsKeyId = grant.kmsKeyId();
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown("cannot read the KmsKeyId of " + name, kmsKeyId);
        }
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            return Outcome.fail(
                    name + " names no KMS key: snapshots copied into "
                            + grant.id().scope().region()
                            + " with it are encrypted with the default key, not a customer-managed key",
                    kmsKeyId);
        }
        return KeyOwnership.judge(kmsKeyId, grant.id().scope(), context, name);
    }
}
