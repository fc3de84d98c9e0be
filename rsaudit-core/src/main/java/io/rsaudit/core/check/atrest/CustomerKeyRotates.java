package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KeyMetadata;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
        id = "RS-ATREST-004",
        title = "Customer-managed key rotates automatically",
        severity = Severity.MEDIUM,
        area = Area.AT_REST)
public final class CustomerKeyRotates implements Check<KmsKey> {

    /** Origins whose key material KMS cannot rotate automatically: imported material and custom key stores. */
    private static final Set<String> NOT_AUTO_ROTATABLE = Set.of("EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");

    private static final Set<String> PENDING_DELETION = Set.of("PendingDeletion", "PendingReplicaDeletion");

    @Override
    public Outcome evaluate(KmsKey key, CheckContext context) {
        String name = "key " + key.id().arn();
        Optional<Outcome> skip = CustomerKeys.notJudged(
                key,
                "cannot tell whether " + name + " rotates",
                "KMS rotates AWS managed keys every year, and that cannot be changed");
        if (skip.isPresent()) {
            return skip.get();
        }
        KeyMetadata metadata = key.metadata().value();
        Value<String> manager = metadata.keyManager();
        Value<String> origin = metadata.origin();
        if (origin.isPresent() && NOT_AUTO_ROTATABLE.contains(origin.value())) {
            return Outcome.notApplicable(
                    Reason.Kind.NOT_SUPPORTED,
                    name + " has origin " + origin.value() + ": " + manualRotation(origin.value()),
                    origin);
        }
        Value<String> state = metadata.keyState();
        if (state.isPresent() && PENDING_DELETION.contains(state.value())) {
            // KMS does not rotate a key awaiting deletion; the key still protects data until it is deleted, and a
            // cancelled deletion leaves a key that does not rotate
            return Outcome.fail(
                    name + " does not rotate: it is " + state.value() + ", and KMS does not rotate a key that is"
                            + " scheduled for deletion; RS-ATREST-003 reports the deletion; resources that use it: "
                            + KeyUsers.of(key),
                    state);
        }
        Value<Boolean> rotation = key.rotationEnabled();
        if (rotation.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " rotates", rotation);
        }
        if (Boolean.TRUE.equals(rotation.value())) {
            return Outcome.pass("automatic rotation of " + name + " is on, " + period(key), rotation);
        }
        // Off is a finding only for a customer key of KMS origin that is not awaiting deletion; an unknown manager,
        // origin or state could make it n/a.
        String off = "cannot judge the rotation of " + name + ": it is off";
        if (manager.isUnknown()) {
            return Outcome.unknown(off + ", but who manages the key is unknown", manager);
        }
        if (origin.isUnknown()) {
            return Outcome.unknown(off + ", but its origin is unknown", origin);
        }
        if (state.isUnknown()) {
            return Outcome.unknown(off + ", but its key state is unknown", state);
        }
        return Outcome.fail(
                "automatic rotation of customer-managed " + name + " is off (KeyRotationEnabled false):"
                        + " its key material never changes, however long it protects the data of: " + KeyUsers.of(key),
                rotation);
    }

    private static String manualRotation(String origin) {
        return "EXTERNAL".equals(origin)
                ? "KMS cannot rotate imported key material automatically; rotate it on demand on your own schedule"
                        + " (import new key material, then rotate-key-on-demand)"
                : "KMS cannot rotate keys in a custom key store; rotate it by moving its resources to a new key on"
                        + " your own schedule";
    }

    private static String period(KmsKey key) {
        Value<Integer> days = key.rotationPeriodInDays();
        return days.isPresent()
                ? "every " + days.value() + " days"
                : "period not reported (KMS rotates yearly unless another period is set)";
    }
}
