package io.rsaudit.core.check;

import io.rsaudit.core.check.backup.AutomatedSnapshotRetention;
import io.rsaudit.core.check.backup.AutomatedSnapshotsEnabled;
import io.rsaudit.core.check.backup.ClusterManualSnapshotRetention;
import io.rsaudit.core.check.backup.ManualSnapshotClusterExists;
import io.rsaudit.core.check.backup.ManualSnapshotRetention;
import io.rsaudit.core.check.backup.ServerlessSnapshotSharedWithTrustedAccounts;
import io.rsaudit.core.check.backup.SnapshotCopyResidency;
import io.rsaudit.core.check.backup.SnapshotNotSharedWithSupport;
import io.rsaudit.core.check.backup.SnapshotSharedWithTrustedAccounts;
import io.rsaudit.core.check.resilience.ClusterAllowsVersionUpgrade;
import io.rsaudit.core.check.resilience.ClusterMultiAz;
import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.model.Resource;
import java.util.List;

/** The one registration list of built-in checks, sorted by id. */
final class BuiltInChecks {

    static final List<Check<? extends Resource>> ALL = List.of(
            new AutomatedSnapshotsEnabled(),
            new AutomatedSnapshotRetention(),
            new ClusterManualSnapshotRetention(),
            new ManualSnapshotRetention(),
            new ManualSnapshotClusterExists(),
            new SnapshotSharedWithTrustedAccounts(),
            new SnapshotNotSharedWithSupport(),
            new ServerlessSnapshotSharedWithTrustedAccounts(),
            new SnapshotCopyResidency(),
            new ClusterMultiAz(),
            new ClusterAllowsVersionUpgrade(),
            new ClusterRequiresSsl()
    );

    private BuiltInChecks() {
    }
}
