package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.SnapshotCopyGrant;
import io.rsaudit.core.model.SnapshotCopyStatus;
import io.rsaudit.core.model.Value;
import java.util.Optional;

/**
 * Follows a cluster's cross-region snapshot copy into its destination: the copy grant it names there, and that grant's
 * key, judged as RS-ATREST-009 judges a snapshot's key. A destination region the input does not cover is unknown,
 * naming the region, rather than passed over.
 */
@CheckInfo(
        id = "RS-ATREST-011",
        title = "Cross-region snapshot copies are encrypted under a key the policy accepts",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class CopyDestinationKey implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        String name = "cluster " + cluster.identifier();
        Value<SnapshotCopyStatus> copy = cluster.snapshotCopy();
        if (copy.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " copies its snapshots to another region", copy);
        }
        if (copy.value() == null) {
            return Outcome.notApplicable(
                    Reason.Kind.FEATURE_NOT_IN_USE,
                    "cross-region snapshot copy of " + name + " is off: there is no copy in another region to judge",
                    copy);
        }
        Value<String> destination = copy.value().destinationRegion();
        if (!destination.isPresent()) {
            return Outcome.unknown(
                    "cannot read which region " + name + " copies its snapshots to",
                    destination.orUnknown("DestinationRegion is null"));
        }
        String to = destination.value();
        String subject = "every copy of " + name + "'s snapshots in " + to;
        Value<Boolean> encrypted = cluster.encrypted();
        if (!encrypted.isPresent()) {
            return Outcome.unknown(
                    "cannot tell whether " + name + " is encrypted", encrypted.orUnknown("Encrypted has no value"));
        }
        if (!encrypted.value()) {
            return Outcome.fail(
                    subject + " is unencrypted: " + name + " is not encrypted (Encrypted is false), so neither are"
                            + " the copies it sends; encrypting the cluster (RS-ATREST-001) is the first step",
                    encrypted);
        }
        Scope there = new Scope(cluster.id().scope().account(), to);
        Optional<Outcome> uncollected =
                SnapshotKeys.destinationNotCollected(destination, there, context, subject, "the copy grant and key");
        if (uncollected.isPresent()) {
            return uncollected.get();
        }
        Value<String> grantName = copy.value().snapshotCopyGrantName();
        if (grantName.isUnknown()) {
            return Outcome.unknown("cannot read the SnapshotCopyGrantName of " + name, grantName);
        }
        if (grantName.value() == null) {
            return defaultKey(
                    "the snapshot copy of " + name + " to " + to + " names no snapshot copy grant", grantName, context);
        }
        SnapshotCopyGrant grant = context.inventory().snapshotCopyGrants().stream()
                .filter(g -> g.id().scope().equals(there) && g.id().name().equals(grantName.value()))
                .findFirst()
                .orElse(null);
        if (grant == null) {
            Value<Boolean> grants = context.inventory().listed(there, "redshift:DescribeSnapshotCopyGrants");
            if (!grants.isPresent()) {
                // the grants of the destination were not read: the reason names the failed call or the absent file
                return Outcome.unknown(
                        "cannot judge the key of " + subject + ": snapshot copy grant " + grantName.value()
                                + " cannot be looked up, as the snapshot copy grants of " + there + " were not read",
                        grants);
            }
            return Outcome.unknown(
                    "cannot judge the key of " + subject,
                    Value.unknown(
                            grantName.provenance(),
                            Reason.Kind.NOT_FOUND,
                            "snapshot copy grant " + grantName.value() + " is not among the grants read in " + there
                                    + ": it was deleted, in which case the copies fail"));
        }
        Value<String> kmsKeyId = grant.kmsKeyId();
        String via = subject + " (snapshot copy grant " + grant.id().name() + ")";
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown(
                    "cannot read the KmsKeyId of snapshot copy grant "
                            + grant.id().name(),
                    kmsKeyId);
        }
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            return defaultKey(
                    "snapshot copy grant " + grant.id().name() + ", which " + name + " copies its snapshots to " + to
                            + " with, names no KMS key",
                    kmsKeyId,
                    context);
        }
        return SnapshotKeys.judge(kmsKeyId, there, context, via);
    }

    /** No key chosen: Redshift encrypts the copies with the destination's default key, never a customer-managed one. */
    private static Outcome defaultKey(String what, Value<String> field, CheckContext context) {
        if (context.policy().requireCustomerManagedKeys()) {
            return Outcome.fail(
                    what + ", so Redshift encrypts the copies with the default key of the destination region, not a"
                            + " customer-managed key, which the policy requires (encryption.requireCustomerManagedKeys)",
                    field);
        }
        return Outcome.pass(
                what + ": Redshift encrypts the copies with the default key of the destination region, which the policy"
                        + " accepts (encryption.requireCustomerManagedKeys is false)",
                field);
    }
}
