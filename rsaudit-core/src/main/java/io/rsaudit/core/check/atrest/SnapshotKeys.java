package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.KeyMetadata;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;

/**
 * Judges the key a snapshot (cluster or Serverless) is encrypted under against the whole key policy: owned by this
 * account or a trusted one, enabled, and customer-managed when {@code encryption.requireCustomerManagedKeys} says so.
 * Shared by RS-ATREST-009 and RS-ATREST-010; what a missing key id means differs between them, so they decide that.
 */
final class SnapshotKeys {

    private SnapshotKeys() {}

    /**
     * @param kmsKeyId a key id that is set ({@link KeyReference#NONE} is the caller's case)
     * @param scope where the snapshot lies: its account is the one that must own or trust the key
     * @param subject the snapshot as the message names it
     */
    static Outcome judge(Value<String> kmsKeyId, Scope scope, CheckContext context, String subject) {
        String id = kmsKeyId.value();
        boolean customerRequired = context.policy().requireCustomerManagedKeys();
        return switch (KeyReference.classify(id)) {
            case AWS_OWNED ->
                customerRequired
                        ? KeyOwnership.judge(kmsKeyId, scope, context, subject)
                        : Outcome.pass(
                                subject + " is encrypted under an AWS owned key (KmsKeyId " + id + "), which the"
                                        + " policy accepts (encryption.requireCustomerManagedKeys is false)",
                                kmsKeyId);
            case AWS_MANAGED_ALIAS ->
                customerRequired
                        ? KeyOwnership.judge(kmsKeyId, scope, context, subject)
                        : Outcome.pass(
                                subject + " is encrypted under the AWS managed key " + id + ", which AWS keeps"
                                        + " enabled and the policy accepts (encryption.requireCustomerManagedKeys is"
                                        + " false)",
                                kmsKeyId);
            case LOOKUP -> lookUp(kmsKeyId, scope, context, subject, customerRequired);
            case NONE -> throw new IllegalArgumentException("no key id for " + subject + ": the caller decides");
        };
    }

    /**
     * Unknown when a copy's destination region {@code there} was not collected (the copy's key there cannot be read),
     * naming the region; empty when it was.
     *
     * @param what what cannot be read there: "the copy grant and key", "the key"
     */
    static java.util.Optional<Outcome> destinationNotCollected(
            Value<String> destination, Scope there, CheckContext context, String subject, String what) {
        if (context.inventory().scopes().contains(there)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Outcome.unknown(
                "cannot judge the key of " + subject,
                Value.unknown(
                        destination.provenance(),
                        Reason.Kind.NOT_COLLECTED,
                        "region " + there.region() + " of account " + there.account() + " was not collected, so " + what
                                + " the copies use there cannot be read; collect " + there.region() + " too")));
    }

    private static Outcome lookUp(
            Value<String> kmsKeyId, Scope scope, CheckContext context, String subject, boolean customerRequired) {
        String id = kmsKeyId.value();
        // a key ARN names its account without any KMS call; a bare key id or alias is a key of the snapshot's account
        Outcome untrusted = untrusted(Arns.accountOf(id), id, scope, context, subject, kmsKeyId);
        if (untrusted != null) {
            return untrusted;
        }
        Value<KmsKey> key = context.inventory().key(scope, id);
        if (!key.isPresent()) {
            return Outcome.unknown(
                    "cannot read key " + id + " of " + subject,
                    key.orUnknown(Reason.Kind.NOT_FOUND, "no key record for " + id));
        }
        String arn = key.value().id().arn();
        Value<KeyMetadata> metadata = key.value().metadata();
        if (metadata.isUnknown()) {
            return Outcome.unknown("cannot read key " + arn + " of " + subject + " (kms describe-key)", metadata);
        }
        untrusted = untrusted(Arns.accountOf(arn), arn, scope, context, subject, metadata);
        if (untrusted != null) {
            return untrusted;
        }
        Value<String> manager = metadata.value().keyManager();
        if ("AWS".equals(manager.value()) && !customerRequired) {
            return Outcome.pass(
                    subject + " is encrypted under the AWS managed key " + arn + ", which AWS keeps enabled and the"
                            + " policy accepts (encryption.requireCustomerManagedKeys is false)",
                    manager);
        }
        if (!"CUSTOMER".equals(manager.value())) {
            // an AWS managed key where the policy requires a customer-managed one, or a manager not known
            return KeyOwnership.judge(kmsKeyId, scope, context, subject);
        }
        Value<String> state = metadata.value().keyState();
        if (state.isUnknown()) {
            return Outcome.unknown("cannot read the state of key " + arn + " of " + subject, state);
        }
        if (!"Enabled".equals(state.value())) {
            return Outcome.fail(
                    subject + " is encrypted under customer-managed key " + arn + ", which is " + state.value()
                            + ": while the key is not Enabled the snapshot cannot be restored, and once the key is"
                            + " deleted the snapshot is lost for good (RS-ATREST-003 judges the key itself)",
                    state);
        }
        return Outcome.pass(
                subject + " is encrypted under customer-managed key " + arn + " of account "
                        + key.value().id().scope().account() + ", which is Enabled",
                state);
    }

    /** A fail when {@code account} (from a key ARN) is neither the snapshot's nor trusted; {@code null} otherwise. */
    private static Outcome untrusted(
            String account, String key, Scope scope, CheckContext context, String subject, Value<?> evidence) {
        if (account == null || context.policy().trusts(scope.account(), account)) {
            return null;
        }
        return Outcome.fail(
                subject + " is encrypted under key " + key + " of account " + account + ", which is neither this"
                        + " account (" + scope.account() + ") nor one of the policy's trustedAccounts"
                        + context.policy().trustsNoAccountNote()
                        + ": whoever controls that account can disable or delete the key, or revoke this account's"
                        + " grant, and so make the snapshot unreadable",
                evidence);
    }
}
