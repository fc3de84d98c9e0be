package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.TrustedAccounts;
import io.rsaudit.core.model.KeyPolicy;
import io.rsaudit.core.model.KeyPolicyUse;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@CheckInfo(
        id = "RS-ATREST-014",
        title = "Customer-managed key's policy lets only trusted accounts use it",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class CustomerKeyUsableOnlyByTrustedAccounts implements Check<KmsKey> {

    @Override
    public Outcome evaluate(KmsKey key, CheckContext context) {
        String name = "key " + key.id().arn();
        Optional<Outcome> skip = CustomerKeys.notJudged(
                key,
                "cannot tell who may use " + name,
                "AWS writes its key policy, which lets only principals of the key's account use it through the"
                        + " service that created it, and no one can change it");
        if (skip.isPresent()) {
            return skip.get();
        }
        Value<KeyPolicy> policy = key.policy();
        if (policy.isUnknown()) {
            return Outcome.unknown("cannot read the key policy of " + name, policy);
        }
        Value<String> document = policy.map(KeyPolicy::document);
        String account = key.id().scope().account();
        KeyPolicyUse.Reading use = KeyPolicyUse.read(
                policy.value(),
                a -> context.policy().trusts(account, a) || context.policy().trustsOrganization(a),
                !context.policy().trustedOrganizations().isEmpty());
        String exposure = CustomerKeys.exposure(key, context.policy());
        List<String> grants = new ArrayList<>(use.grantsToUntrusted());
        grants.addAll(use.grantsToAnyone());
        if (!use.untrusted().isEmpty()) {
            return Outcome.fail(
                    "the key policy of " + name + " lets " + TrustedAccounts.outside(List.copyOf(use.untrusted()))
                            + " use the key: " + String.join("; ", grants) + exposure,
                    document);
        }
        if (use.opensToUntrusted()) {
            return Outcome.fail(
                    "the key policy of " + name + " lets any AWS account use the key: " + String.join("; ", grants)
                            + exposure,
                    document);
        }
        List<String> unjudged = new ArrayList<>(use.grantsToAnyone());
        unjudged.addAll(use.unjudged());
        if (!unjudged.isEmpty()) {
            return Outcome.unknown(
                    Reason.Kind.UNRECOGNIZED,
                    "cannot judge who may use " + name + ": " + String.join("; ", unjudged)
                            + (use.grantsToAnyone().isEmpty()
                                    ? ""
                                    : "; the policy also has Deny statements, which rsaudit does not evaluate and"
                                            + " which may take that access away"),
                    document);
        }
        return CustomerKeys.passIfCustomerManaged(
                key,
                "cannot judge the key policy of " + name + ": it lets only trusted accounts use the key",
                use.trusted().isEmpty()
                        ? Outcome.pass(
                                "the key policy of " + name + " lets no account use the key: no Allow statement grants "
                                        + String.join(", ", KeyPolicyUse.USES) + " to an AWS principal",
                                document)
                        : Outcome.pass(
                                "the key policy of " + name + " lets only trusted accounts use the key: "
                                        + CustomerKeys.trusted(key, use.trusted()),
                                document));
    }
}
