package io.rsaudit.core.check;

import io.rsaudit.core.check.atrest.ClusterEncrypted;
import io.rsaudit.core.check.atrest.ClusterHsmConnectionActive;
import io.rsaudit.core.check.atrest.ClusterRootKeyCustomerManaged;
import io.rsaudit.core.check.atrest.CopyGrantUsesCustomerKey;
import io.rsaudit.core.check.atrest.CustomerKeyEnabled;
import io.rsaudit.core.check.atrest.CustomerKeyRotates;
import io.rsaudit.core.check.atrest.ManualSnapshotEncrypted;
import io.rsaudit.core.check.atrest.NamespaceUsesCustomerKey;
import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.check.transit.ClusterUsesFipsTls;
import io.rsaudit.core.check.transit.WorkgroupRequiresSsl;
import io.rsaudit.core.check.transit.WorkgroupUsesFipsTls;
import io.rsaudit.core.model.Resource;
import java.util.List;

/** The one registration list of built-in checks, sorted by id. */
final class BuiltInChecks {

    static final List<Check<? extends Resource>> ALL = List.of(
            new ClusterEncrypted(),
            new ClusterRootKeyCustomerManaged(),
            new CustomerKeyEnabled(),
            new CustomerKeyRotates(),
            new ClusterHsmConnectionActive(),
            new ManualSnapshotEncrypted(),
            new NamespaceUsesCustomerKey(),
            new CopyGrantUsesCustomerKey(),
            new ClusterRequiresSsl(),
            new ClusterUsesFipsTls(),
            new WorkgroupRequiresSsl(),
            new WorkgroupUsesFipsTls()
    );

    private BuiltInChecks() {
    }
}
