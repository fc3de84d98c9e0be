package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.TrustedAccounts;
import io.rsaudit.core.model.IamPolicies;
import io.rsaudit.core.model.KeyGrant;
import io.rsaudit.core.model.KeyPolicyUse;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grants of a customer-managed key let only the key's account, the policy's trusted accounts and AWS services use
 * it: a grant's {@code GranteePrincipal} may make the calls its {@code Operations} name with the key, whatever the key
 * policy says.
 */
@CheckInfo(
        id = "RS-ATREST-015",
        title = "Customer-managed key grants no untrusted account the use of it",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class CustomerKeyGrantedOnlyToTrustedAccounts implements Check<KmsKey> {

    /** {@link KeyPolicyUse#USES} as a grant lists its operations: without the {@code kms:} prefix. */
    private static final List<String> USES = KeyPolicyUse.USES.stream()
            .map(action -> action.substring(action.indexOf(':') + 1))
            .toList();

    @Override
    public Outcome evaluate(KmsKey key, CheckContext context) {
        String name = "key " + key.id().arn();
        Optional<Outcome> skip = CustomerKeys.notJudged(
                key,
                "cannot tell who may use " + name + " through its grants",
                "its key policy, which AWS writes and no one can change, lets only the AWS service that uses it make"
                        + " grants on it, for principals of the key's account");
        if (skip.isPresent()) {
            return skip.get();
        }
        Value<List<KeyGrant>> grants = key.grants();
        if (grants.isUnknown()) {
            return Outcome.unknown("cannot read the grants of " + name, grants);
        }
        Reading reading = new Reading(key, context);
        grants.value().forEach(reading::grant);
        if (!reading.untrusted.isEmpty()) {
            return Outcome.fail(
                    "the grants of " + name + " let " + TrustedAccounts.outside(List.copyOf(reading.untrusted))
                            + " use the key: " + String.join("; ", reading.failing)
                            + CustomerKeys.exposure(key, context.policy()),
                    reading.failed);
        }
        if (!reading.unjudged.isEmpty()) {
            return Outcome.unknown(
                    reading.unjudgedKind,
                    "cannot judge who may use " + name + " through its grants: " + String.join("; ", reading.unjudged),
                    reading.firstUnjudged);
        }
        return CustomerKeys.passIfCustomerManaged(
                key,
                "cannot judge the grants of " + name + ": they let only trusted accounts and AWS services use the key",
                Outcome.pass(name + " has " + reading.passes(grants.value().size()), grants));
    }

    /** What the grants of one key say, grant after grant. */
    private static final class Reading {
        private final KmsKey key;
        private final String owner;
        private final CheckContext context;
        private final Set<String> untrusted = new LinkedHashSet<>();
        private final List<String> failing = new ArrayList<>();
        private Value<?> failed;
        private final List<String> unjudged = new ArrayList<>();
        private Value<?> firstUnjudged;
        private Reason.Kind unjudgedKind;
        private final Set<String> trusted = new LinkedHashSet<>();
        private final Set<String> services = new LinkedHashSet<>();

        Reading(KmsKey key, CheckContext context) {
            this.key = key;
            this.owner = key.id().scope().account();
            this.context = context;
        }

        void grant(KeyGrant g) {
            String label = "grant " + (g.grantId() == null ? "without a GrantId" : g.grantId());
            Value<String> grantee = g.granteePrincipal();
            Value<List<String>> operations = g.operations();
            // both are read as unknown when absent
            for (Value<?> v : List.of(grantee, operations)) {
                if (v.isUnknown()) {
                    unjudged(label + ": " + v.note(), v, v.reason().kind());
                    return;
                }
            }
            List<String> uses =
                    operations.value().stream().filter(USES::contains).toList();
            if (uses.isEmpty()) {
                return;
            }
            String principal = grantee.value();
            String what = label + " lets " + principal + " use the key (" + String.join(", ", uses) + ")";
            if (isService(principal)) {
                services.add(principal);
                return;
            }
            String account = IamPolicies.principalAccount(principal);
            if (account == null || account.equals("*")) {
                unjudged(what + ", and rsaudit cannot tell its account", grantee, Reason.Kind.UNRECOGNIZED);
            } else if (context.policy().trusts(owner, account)) {
                trusted.add(account);
            } else {
                untrusted.add(account);
                failing.add(what + retiring(g.retiringPrincipal()));
                if (failed == null) {
                    failed = grantee;
                }
            }
        }

        /** What a pass says after "key ARN has ", of {@code n} grants none of which fails. */
        String passes(int n) {
            if (n == 0) {
                return "no grants";
            }
            String count = n == 1 ? "1 grant" : n + " grants";
            List<String> grantees = new ArrayList<>();
            if (!trusted.isEmpty()) {
                grantees.add("accounts " + CustomerKeys.trusted(key, trusted));
            }
            if (!services.isEmpty()) {
                grantees.add("AWS services " + String.join(", ", services));
            }
            return grantees.isEmpty()
                    ? count + (n == 1 ? ", which does not let" : ", none of which lets") + " its grantee use the key ("
                            + String.join(", ", USES) + ")"
                    : count + ", and only the key's account, trusted accounts and AWS services may use the key through "
                            + (n == 1 ? "it" : "them") + ": " + String.join("; ", grantees);
        }

        /** ", and PRINCIPAL (of account A) may retire it" when another account than the key's may. */
        private String retiring(Value<String> principal) {
            if (!principal.isPresent()) {
                return "";
            }
            String account = IamPolicies.principalAccount(principal.value());
            return account == null || account.equals(owner)
                    ? ""
                    : ", and " + principal.value() + " (of account " + account + ") may retire it";
        }

        private void unjudged(String what, Value<?> at, Reason.Kind kind) {
            unjudged.add(what);
            if (firstUnjudged == null) {
                firstUnjudged = at;
                unjudgedKind = kind;
            }
        }

        /** A service principal ({@code redshift.eu-west-1.amazonaws.com}): an AWS service, not an account. */
        private static boolean isService(String principal) {
            return !principal.startsWith("arn:")
                    && (principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn"));
        }
    }
}
