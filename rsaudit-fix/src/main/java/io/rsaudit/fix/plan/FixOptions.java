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
 * @param allowKeyRotation rotate the encryption key of a cluster whose key is older than the policy allows ({@code
 *     RotateEncryptionKey}: the cluster is briefly unavailable)
 */
public record FixOptions(
        Set<String> onlyChecks,
        Set<String> resources,
        boolean allowReboot,
        boolean allowStopCopy,
        String migrationKeyId,
        boolean allowKeyRotation) {

    public static final String ALLOW_REBOOT = "--allow-reboot";
    public static final String ALLOW_STOP_COPY = "--allow-stop-copy";
    public static final String ALLOW_MIGRATION = "--allow-migration";
    public static final String ALLOW_KEY_ROTATION = "--allow-key-rotation";

    public FixOptions {
        onlyChecks = Set.copyOf(onlyChecks);
        resources = Set.copyOf(resources);
    }

    public static FixOptions defaults() {
        return new FixOptions(Set.of(), Set.of(), false, false, null, false);
    }
}
