package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-ATREST-001",
        title = "Cluster is encrypted at rest",
        severity = Severity.HIGH,
        area = Area.AT_REST,
        securityHub = {"Redshift.10"})
public final class ClusterEncrypted implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Boolean> encrypted = cluster.encrypted();
        String name = "cluster " + cluster.identifier();
        if (Boolean.TRUE.equals(encrypted.value())) {
            return Outcome.pass(name + " is encrypted at rest" + rootKey(cluster), encrypted);
        }
        if (Boolean.FALSE.equals(encrypted.value())) {
            return Outcome.fail(
                    name + " is not encrypted at rest (Encrypted is false): its data blocks, system"
                            + " metadata and the snapshots taken from it are stored unencrypted",
                    encrypted);
        }
        return Outcome.unknown(
                "cannot tell whether " + name + " is encrypted", encrypted.orUnknown("Encrypted has no value"));
    }

    private static String rootKey(Cluster cluster) {
        if (cluster.hsmStatus().isPresent()) {
            return ", with its root key in an HSM";
        }
        return cluster.kmsKeyId().isPresent()
                ? ", with KMS key " + cluster.kmsKeyId().value()
                : "";
    }
}
