package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-ACCESS-003",
        title = "Serverless namespace admin user does not have a default name",
        severity = Severity.LOW,
        area = Area.ACCESS,
        securityHub = {"RedshiftServerless.5"})
public final class NamespaceAdminNameNotDefault implements Check<Namespace> {

    @Override
    public Outcome evaluate(Namespace namespace, CheckContext context) {
        return AdminUser.judgeName(
                namespace.adminUsername(), "namespace " + namespace.id().name());
    }
}
