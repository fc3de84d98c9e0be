package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.SnapshotCopyConfiguration;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows each of a Serverless namespace's cross-region snapshot copy configurations into its destination: the key
 * it names there ({@code destinationKmsKeyId}), judged as RS-ATREST-011 judges a cluster's copy. A destination region
 * the input does not cover is unknown, naming the region, rather than passed over. The namespace's outcome is its
 * worst configuration's.
 */
@CheckInfo(
        id = "RS-ATREST-013",
        title = "Serverless cross-region snapshot copies are encrypted under a key the policy accepts",
        severity = Severity.HIGH,
        area = Area.AT_REST)
public final class ServerlessCopyDestinationKey implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        String name = "namespace " + namespace.id().name();
        Value<List<SnapshotCopyConfiguration>> copies = namespace.copyConfigurations();
        if (copies.isUnknown()) {
            return Outcome.unknown("cannot tell whether " + name + " copies its snapshots to another region", copies);
        }
        if (copies.value().isEmpty()) {
            return Outcome.notApplicable(
                    Reason.Kind.FEATURE_NOT_IN_USE,
                    name + " has no snapshot copy configuration: there is no copy in another region to judge",
                    copies);
        }
        List<Outcome> each = new ArrayList<>();
        for (SnapshotCopyConfiguration copy : copies.value()) {
            each.add(judge(namespace, name, copy, context));
        }
        return Outcome.worst(each);
    }

    private static Outcome judge(
            Namespace namespace, String name, SnapshotCopyConfiguration copy, CheckContext context) {
        Value<String> destination = copy.destinationRegion();
        if (!destination.isPresent()) {
            return Outcome.unknown(
                    "cannot read which region " + name + " copies its snapshots to",
                    destination.orUnknown("destinationRegion is null"));
        }
        String to = destination.value();
        String subject = "every copy of " + name + "'s snapshots in " + to;
        Scope there = new Scope(namespace.id().scope().account(), to);
        Optional<Outcome> uncollected =
                SnapshotKeys.destinationNotCollected(destination, there, context, subject, "the key");
        if (uncollected.isPresent()) {
            return uncollected.get();
        }
        Value<String> kmsKeyId = copy.destinationKmsKeyId();
        if (kmsKeyId.isUnknown()) {
            return Outcome.unknown(
                    "cannot read the destinationKmsKeyId of the copy of " + name + " to " + to, kmsKeyId);
        }
        if (KeyReference.classify(kmsKeyId.value()) == KeyReference.NONE) {
            String what = "the snapshot copy configuration of " + name + " to " + to + " names no destinationKmsKeyId";
            return context.policy().requireCustomerManagedKeys()
                    ? Outcome.fail(
                            what + ", so Redshift Serverless encrypts the copies with a key AWS chooses, not a"
                                    + " customer-managed key, which the policy requires"
                                    + " (encryption.requireCustomerManagedKeys)",
                            kmsKeyId)
                    : Outcome.pass(
                            what + ": Redshift Serverless encrypts the copies with a key AWS chooses, which the policy"
                                    + " accepts (encryption.requireCustomerManagedKeys is false)",
                            kmsKeyId);
        }
        return SnapshotKeys.judge(kmsKeyId, there, context, subject);
    }
}
