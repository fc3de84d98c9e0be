package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.HsmStatus;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-ATREST-002",
        title = "Cluster's root key is customer-managed",
        severity = Severity.MEDIUM,
        area = Area.AT_REST)
public final class ClusterRootKeyCustomerManaged implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        if (!context.policy().requireCustomerManagedKeys()) {
            return Outcome.notApplicable(Reason.Kind.NOT_REQUIRED_BY_POLICY, KeyOwnership.NOT_REQUIRED);
        }
        String name = "cluster " + cluster.identifier();
        Value<Boolean> encrypted = cluster.encrypted();
        if (encrypted.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " is encrypted", encrypted);
        }
        if (!Boolean.TRUE.equals(encrypted.value())) {
            // the policy asks for a customer-managed key; an unencrypted cluster has none, so the requirement is unmet
            return Outcome.fail(
                    name + " is not encrypted at rest (Encrypted is false), so no customer-managed key protects its"
                            + " data, which the policy requires (encryption.requireCustomerManagedKeys); encrypting it"
                            + " with a customer-managed key fixes this check and RS-ATREST-001",
                    encrypted);
        }
        Value<HsmStatus> hsm = cluster.hsmStatus();
        if (hsm.isPresent()) {
            return Outcome.pass(
                    name + " keeps its root key in an HSM (" + HsmNames.of(hsm.value())
                            + "); RS-ATREST-005 checks the HSM connection",
                    hsm);
        }
        Value<String> kmsKeyId = cluster.kmsKeyId();
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown("cannot read the KmsKeyId of " + name, kmsKeyId);
        }
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            // Without a key id the root key could still be in an HSM; only a known absence of HsmStatus rules it out.
            if (hsm.isUnknown()) {
                return Outcome.unknown(
                        "cannot tell which root key " + name + " uses: it reports no KmsKeyId, and whether"
                                + " it is HSM-backed is unknown",
                        hsm);
            }
            return Outcome.fail(
                    name + " is encrypted but reports no KmsKeyId and no HSM, so it uses an AWS owned key,"
                            + " not a customer-managed key: you cannot see or change its policy, disable it, or audit its use"
                            + " in your CloudTrail",
                    kmsKeyId);
        }
        return KeyOwnership.judge(kmsKeyId, cluster.id().scope(), context, name);
    }
}
