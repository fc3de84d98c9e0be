package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KeyMetadata;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;

/**
 * Decides whether a {@code KmsKeyId} names a customer-managed key; shared by the cluster, namespace and snapshot
 * copy grant checks. What a missing key id means differs between them, so the callers decide that.
 */
final class KeyOwnership {

    static final String NOT_REQUIRED =
            "the policy does not require customer-managed keys" + " (encryption.requireCustomerManagedKeys is false)";

    static final String AWS_MANAGED_RISK = ": its key policy, which lets every principal of the account use it"
            + " through Redshift, cannot be changed, and the key cannot be disabled or deleted";

    private KeyOwnership() {}

    /**
     * @param kmsKeyId a key id that is set ({@link KeyReference#NONE} is the caller's case)
     * @param subject the resource as the message names it: "cluster analytics", "namespace sales"...
     */
    static Outcome judge(Value<String> kmsKeyId, Scope scope, CheckContext context, String subject) {
        String id = kmsKeyId.value();
        return switch (KeyReference.classify(id)) {
            case AWS_OWNED ->
                Outcome.fail(
                        subject + " uses an AWS owned key (KmsKeyId " + id + "), not a"
                                + " customer-managed key: AWS holds it in its own account, so you cannot see or change its policy,"
                                + " disable it, or audit its use in your CloudTrail",
                        kmsKeyId);
            case AWS_MANAGED_ALIAS ->
                Outcome.fail(
                        subject + " uses the AWS managed key " + id + ", not a customer-managed key" + AWS_MANAGED_RISK,
                        kmsKeyId);
            case LOOKUP -> lookUp(context.inventory().key(scope, id), id, subject);
            case NONE -> throw new IllegalArgumentException("no key id for " + subject + ": the caller decides");
        };
    }

    private static Outcome lookUp(Value<KmsKey> key, String id, String subject) {
        if (!key.isPresent()) {
            Value<KmsKey> why = key.orUnknown(Reason.Kind.NOT_FOUND, "no key record for " + id);
            return Outcome.unknown("cannot look up key " + id + " of " + subject, why);
        }
        String arn = key.value().id().arn();
        Value<KeyMetadata> metadata = key.value().metadata();
        if (metadata.isUnknown()) {
            return Outcome.unknown("cannot tell who manages key " + arn + " of " + subject, metadata);
        }
        Value<String> manager = metadata.value().keyManager();
        if (manager.isUnknown()) {
            return Outcome.unknown("cannot tell who manages key " + arn + " of " + subject, manager);
        }
        if ("CUSTOMER".equals(manager.value())) {
            return Outcome.pass(subject + " uses customer-managed key " + arn, manager);
        }
        if ("AWS".equals(manager.value())) {
            return Outcome.fail(
                    subject + " uses key " + arn + ", which KMS reports as AWS managed (KeyManager AWS,"
                            + " the aws/redshift key), not customer-managed" + AWS_MANAGED_RISK,
                    manager);
        }
        return Outcome.unknown(
                "cannot tell who manages key " + arn + " of " + subject,
                Value.unknown(
                        manager.provenance(),
                        Reason.Kind.UNRECOGNIZED,
                        "KeyManager is '" + manager.value() + "', neither AWS nor CUSTOMER"));
    }
}
