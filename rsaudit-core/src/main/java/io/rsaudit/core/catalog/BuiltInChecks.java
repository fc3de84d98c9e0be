package io.rsaudit.core.catalog;

import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.access.ClusterAdminNameNotDefault;
import io.rsaudit.core.check.access.ClusterAdminPasswordManaged;
import io.rsaudit.core.check.access.NamespaceAdminNameNotDefault;
import io.rsaudit.core.check.access.NamespaceAdminPasswordManaged;
import io.rsaudit.core.check.atrest.ClusterEncrypted;
import io.rsaudit.core.check.atrest.ClusterHsmConnectionActive;
import io.rsaudit.core.check.atrest.ClusterRootKeyCustomerManaged;
import io.rsaudit.core.check.atrest.CopyGrantUsesCustomerKey;
import io.rsaudit.core.check.atrest.CustomerKeyEnabled;
import io.rsaudit.core.check.atrest.CustomerKeyRotates;
import io.rsaudit.core.check.atrest.NamespaceUsesCustomerKey;
import io.rsaudit.core.check.atrest.SnapshotEncrypted;
import io.rsaudit.core.check.backup.AutomatedSnapshotRetention;
import io.rsaudit.core.check.backup.AutomatedSnapshotsEnabled;
import io.rsaudit.core.check.backup.ClusterManualSnapshotRetention;
import io.rsaudit.core.check.backup.ManualSnapshotClusterExists;
import io.rsaudit.core.check.backup.ManualSnapshotRetention;
import io.rsaudit.core.check.backup.ServerlessSnapshotSharedWithTrustedAccounts;
import io.rsaudit.core.check.backup.SnapshotCopyResidency;
import io.rsaudit.core.check.backup.SnapshotNotSharedWithSupport;
import io.rsaudit.core.check.backup.SnapshotSharedWithTrustedAccounts;
import io.rsaudit.core.check.logging.AuditLogDeliveryHealthy;
import io.rsaudit.core.check.logging.CloudTrailCoversAllRegions;
import io.rsaudit.core.check.logging.ClusterAuditLoggingEnabled;
import io.rsaudit.core.check.logging.ClusterExportsAllAuditLogs;
import io.rsaudit.core.check.logging.NamespaceExportsAuditLogs;
import io.rsaudit.core.check.logging.UserActivityLoggingEnabled;
import io.rsaudit.core.check.network.ClusterNotPubliclyAccessible;
import io.rsaudit.core.check.network.ClusterPortClosedToInternet;
import io.rsaudit.core.check.network.ClusterUsesEnhancedVpcRouting;
import io.rsaudit.core.check.network.ClusterUsesNonDefaultPort;
import io.rsaudit.core.check.network.WorkgroupNotPubliclyAccessible;
import io.rsaudit.core.check.network.WorkgroupPortClosedToInternet;
import io.rsaudit.core.check.network.WorkgroupUsesEnhancedVpcRouting;
import io.rsaudit.core.check.resilience.ClusterAllowsVersionUpgrade;
import io.rsaudit.core.check.resilience.ClusterMultiAz;
import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.check.transit.ClusterUsesFipsTls;
import io.rsaudit.core.check.transit.WorkgroupRequiresSsl;
import io.rsaudit.core.check.transit.WorkgroupUsesFipsTls;
import io.rsaudit.core.model.Resource;
import java.util.List;

/** The one registration list of built-in checks, sorted by id. */
final class BuiltInChecks {

    static final List<Check<? extends Resource>> ALL = List.of(
            new ClusterAdminNameNotDefault(),
            new ClusterAdminPasswordManaged(),
            new NamespaceAdminNameNotDefault(),
            new NamespaceAdminPasswordManaged(),
            new ClusterEncrypted(),
            new ClusterRootKeyCustomerManaged(),
            new CustomerKeyEnabled(),
            new CustomerKeyRotates(),
            new ClusterHsmConnectionActive(),
            new SnapshotEncrypted(),
            new NamespaceUsesCustomerKey(),
            new CopyGrantUsesCustomerKey(),
            new AutomatedSnapshotsEnabled(),
            new AutomatedSnapshotRetention(),
            new ClusterManualSnapshotRetention(),
            new ManualSnapshotRetention(),
            new ManualSnapshotClusterExists(),
            new SnapshotSharedWithTrustedAccounts(),
            new SnapshotNotSharedWithSupport(),
            new ServerlessSnapshotSharedWithTrustedAccounts(),
            new SnapshotCopyResidency(),
            new ClusterAuditLoggingEnabled(),
            new ClusterExportsAllAuditLogs(),
            new UserActivityLoggingEnabled(),
            new AuditLogDeliveryHealthy(),
            new NamespaceExportsAuditLogs(),
            new CloudTrailCoversAllRegions(),
            new ClusterNotPubliclyAccessible(),
            new ClusterPortClosedToInternet(),
            new ClusterUsesEnhancedVpcRouting(),
            new ClusterUsesNonDefaultPort(),
            new WorkgroupNotPubliclyAccessible(),
            new WorkgroupUsesEnhancedVpcRouting(),
            new WorkgroupPortClosedToInternet(),
            new ClusterMultiAz(),
            new ClusterAllowsVersionUpgrade(),
            new ClusterRequiresSsl(),
            new ClusterUsesFipsTls(),
            new WorkgroupRequiresSsl(),
            new WorkgroupUsesFipsTls());

    private BuiltInChecks() {}
}
