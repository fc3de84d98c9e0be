package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-ATREST-007",
        title = "Serverless namespace uses a customer-managed key",
        severity = Severity.MEDIUM,
        area = Area.AT_REST,
        securityHub = {"RedshiftServerless.4"})
public final class NamespaceUsesCustomerKey implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        if (!context.policy().requireCustomerManagedKeys()) {
            return Outcome.notApplicable(Reason.Kind.NOT_REQUIRED_BY_POLICY, KeyOwnership.NOT_REQUIRED);
        }
        String name = "namespace " + namespace.id().name();
        Value<String> kmsKeyId = namespace.kmsKeyId();
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown("cannot read the kmsKeyId of " + name, kmsKeyId);
        }
        // Namespaces are always encrypted; a missing kmsKeyId says nothing about which key, so it is not a fail.
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            return Outcome.unknown(
                    "cannot tell which key encrypts " + name,
                    Value.unknown(kmsKeyId.provenance(), Reason.Kind.ABSENT, "the namespace reports no kmsKeyId"));
        }
        return KeyOwnership.judge(kmsKeyId, namespace.id().scope(), context, name);
    }
}
