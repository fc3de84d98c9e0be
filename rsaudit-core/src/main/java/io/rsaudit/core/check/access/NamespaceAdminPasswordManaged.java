package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

/**
 * A namespace created without admin credentials has no admin password at all (the creator's IAM identity is the
 * superuser), so a missing secret fails only when the namespace reports an admin user.
 */
@CheckInfo(
        id = "RS-ACCESS-004",
        title = "Serverless namespace admin password is managed by Secrets Manager",
        severity = Severity.MEDIUM,
        area = Area.ACCESS)
public final class NamespaceAdminPasswordManaged implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        String name = "namespace " + namespace.id().name();
        Value<String> secret = namespace.adminPasswordSecretArn();
        if (secret.isUnknown()) {
            return Outcome.unknown("cannot tell whether Secrets Manager manages the admin password of " + name, secret);
        }
        Value<String> user = namespace.adminUsername();
        String password = AdminUser.password(user, name);
        if (secret.value() != null) {
            return Outcome.pass(password + " is kept and rotated by Secrets Manager in " + secret.value(), secret);
        }
        if (!user.isPresent()) {
            return Outcome.unknown(
                    "cannot tell whether " + name + " has an admin password: it reports no"
                            + " adminPasswordSecretArn and no admin user name, so it may have none at all (created with IAM"
                            + " credentials only), or the export lacks the member",
                    user);
        }
        return Outcome.fail(
                password + " is not managed by Secrets Manager (no adminPasswordSecretArn)" + AdminUser.UNMANAGED_RISK,
                secret);
    }
}
