package io.rsaudit.fix.plan;

import java.util.Set;

/**
 * What the user asked of the fix.
 *
 * @param onlyChecks check ids to fix; empty for every check
 * @param resources resource ARNs or names to fix; empty for every resource
 * @param allowReboot reboot a cluster so that a pending static parameter takes effect ({@code RebootCluster})
 * @param allowStopCopy stop a cross-region snapshot copy to a forbidden region ({@code DisableSnapshotCopy})
 * @param migrationKeyId encrypt an unencrypted cluster under this KMS key ({@code --allow-migration KEY}); {@code
 *     null}: refused
 */
public record FixOptions(
        Set<String> onlyChecks,
        Set<String> resources,
        boolean allowReboot,
        boolean allowStopCopy,
        String migrationKeyId) {

    public static final String ALLOW_REBOOT = "--allow-reboot";
    public static final String ALLOW_STOP_COPY = "--allow-stop-copy";
    public static final String ALLOW_MIGRATION = "--allow-migration";

    public FixOptions {
        onlyChecks = Set.copyOf(onlyChecks);
        resources = Set.copyOf(resources);
    }

    public static FixOptions defaults() {
        return new FixOptions(Set.of(), Set.of(), false, false, null);
    }
}
