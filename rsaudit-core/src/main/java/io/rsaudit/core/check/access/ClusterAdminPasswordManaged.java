package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-ACCESS-002",
        title = "Cluster admin password is managed by Secrets Manager",
        severity = Severity.MEDIUM,
        area = Area.ACCESS)
public final class ClusterAdminPasswordManaged implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        String name = "cluster " + cluster.identifier();
        Value<String> secret = cluster.masterPasswordSecretArn();
        if (secret.isUnknown()) {
            return Outcome.unknown("cannot tell whether Secrets Manager manages the admin password of " + name, secret);
        }
        String password = AdminUser.password(cluster.masterUsername(), name);
        if (secret.value() == null) {
            return Outcome.fail(
                    password + " is not managed by Secrets Manager (no MasterPasswordSecretArn)"
                            + AdminUser.UNMANAGED_RISK,
                    secret);
        }
        return Outcome.pass(password + " is kept and rotated by Secrets Manager in " + secret.value(), secret);
    }
}
