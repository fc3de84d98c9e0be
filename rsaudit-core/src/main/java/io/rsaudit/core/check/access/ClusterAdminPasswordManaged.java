package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Severity;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Value;

@CheckInfo(id = "RS-ACCESS-002", title = "Cluster admin password is managed by Secrets Manager",
        severity = Severity.MEDIUM, area = Area.ACCESS)
public final class ClusterAdminPasswordManaged implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<String> secret = cluster.masterPasswordSecretArn();
        if (secret.isUnknown()) {
            return Outcome.unknown("cannot tell whether Secrets Manager manages the admin password of cluster "
                    + cluster.identifier(), secret);
        }
        String user = cluster.masterUsername().isPresent() ? "'" + cluster.masterUsername().value() + "'"
                : "the admin user";
        if (secret.value() == null) {
            return Outcome.fail("the password of admin user " + user + " is not managed by Secrets Manager (the"
                    + " cluster reports no MasterPasswordSecretArn): a person or script chose it, nothing rotates it,"
                    + " and anyone who learns it is a superuser until someone changes it by hand", secret);
        }
        return Outcome.pass("the password of admin user " + user + " is kept and rotated by Secrets Manager in "
                + secret.value(), secret);
    }
}
