package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KeyMetadata;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@CheckInfo(
        id = "RS-ATREST-003",
        title = "Customer-managed key is enabled",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class CustomerKeyEnabled implements Check<KmsKey> {

    @Override
    public Outcome evaluate(KmsKey key, CheckContext context) {
        String name = "key " + key.id().arn();
        Optional<Outcome> skip = CustomerKeys.notJudged(
                key,
                "cannot read the state of " + name,
                "no one in the account can disable it or schedule its deletion");
        if (skip.isPresent()) {
            return skip.get();
        }
        KeyMetadata metadata = key.metadata().value();
        Value<String> state = metadata.keyState();
        if (state.isUnknown()) {
            return Outcome.unknown("cannot read the state of " + name, state);
        }
        if ("Enabled".equals(state.value())) {
            return Outcome.pass(name + " is Enabled", state);
        }
        Value<Instant> deletion = metadata.deletionDate();
        String when = deletion.isPresent()
                ? "; KMS deletes it on " + deletion.value() + " ("
                        + Duration.between(context.now(), deletion.value()).toDays() + " days after this scan)"
                : "";
        return Outcome.fail(
                name + " is " + state.value() + consequence(state.value()) + when + "; resources that use it: "
                        + KeyUsers.of(key),
                state);
    }

    private static String consequence(String state) {
        String unusable = ": Redshift cannot use a key in this state, so the data it protects is unreadable";
        return switch (state) {
            case "Disabled" -> unusable + " until the key is enabled again";
            case "PendingDeletion", "PendingReplicaDeletion" ->
                unusable + ", and once KMS deletes the key at the end"
                        + " of the waiting period that data is lost for good: cancel the deletion, then enable the key";
            case "PendingImport" ->
                unusable + ": its imported key material is missing, expired or deleted; import"
                        + " the same key material again";
            case "Unavailable" -> unusable + ": its custom key store is disconnected; reconnect the key store";
            case "Creating", "Updating" ->
                ", a transient state of multi-Region keys that normally ends in"
                        + " Enabled; if it persists, the data it protects may be unreadable";
            default -> ", not Enabled: Redshift can use a key only while it is Enabled";
        };
    }
}
