package io.rsaudit.fix.plan;

import java.util.Map;
import java.util.Set;

/** Whether {@code rsaudit fix} can repair a check, in one sentence for {@code rsaudit checks explain}. */
public final class Fixability {

    private static final Map<String, String> REMEDIES = Map.ofEntries(
            Map.entry(
                    "RS-TRANSIT-001",
                    "sets require_ssl=true in the cluster's own parameter group (a copy of a default"
                            + " or shared group); takes effect at the next reboot"),
            Map.entry(
                    "RS-TRANSIT-002",
                    "sets use_fips_ssl=true and require_ssl=true in the cluster's own parameter"
                            + " group; takes effect at the next reboot"),
            Map.entry("RS-TRANSIT-003", "sets require_ssl=true in the workgroup's configParameters"),
            Map.entry(
                    "RS-TRANSIT-004",
                    "sets use_fips_ssl=true and require_ssl=true in the workgroup's configParameters"),
            Map.entry("RS-LOG-001", "turns audit logging on with the three logs (EnableLogging)"),
            Map.entry("RS-LOG-002", "exports the three logs to the cluster's current destination (EnableLogging)"),
            Map.entry("RS-LOG-003", "sets enable_user_activity_logging=true and exports useractivitylog"),
            Map.entry("RS-LOG-005", "exports the namespace's three logs (UpdateNamespace)"),
            Map.entry(
                    "RS-LOG-007",
                    "sets enable_user_activity_logging=true in the workgroup's configParameters (the namespace's"
                            + " useractivitylog export is RS-LOG-005's remedy)"),
            Map.entry("RS-BACKUP-001", "sets the automated snapshot retention to the policy minimum"),
            Map.entry("RS-BACKUP-002", "sets the automated snapshot retention to the policy minimum"),
            Map.entry("RS-BACKUP-003", "sets the default manual retention to the policy maximum"),
            Map.entry("RS-BACKUP-004", "sets the snapshot's retention to the policy maximum, unless that deletes it"),
            Map.entry(
                    "RS-BACKUP-011",
                    "sets the Serverless snapshot's retention to the policy maximum (UpdateSnapshot), unless that"
                            + " deletes it"),
            Map.entry("RS-BACKUP-006", "revokes the untrusted accounts' restore access"),
            Map.entry("RS-BACKUP-007", "revokes AWS Support's restore access"),
            Map.entry(
                    ServerlessSharing.CHECK,
                    "takes the untrusted accounts out of the restore statements of the Serverless snapshot's resource"
                            + " policy (GetResourcePolicy, then PutResourcePolicy), read from the live account; refused"
                            + " when no principal would be left (deleting the policy is left to a person)"),
            Map.entry(
                    "RS-BACKUP-009", "stops the cross-region copy (DisableSnapshotCopy), only with --allow-stop-copy"),
            Map.entry("RS-NET-001", "turns public access off"),
            Map.entry("RS-NET-003", "turns enhanced VPC routing on"),
            Map.entry("RS-NET-005", "turns the workgroup's public access off"),
            Map.entry("RS-NET-006", "turns the workgroup's enhanced VPC routing on"),
            Map.entry("RS-RES-002", "allows engine version upgrades"),
            Map.entry("RS-ATREST-001", "encrypts the cluster, only with --allow-migration KEY (a long migration)"),
            Map.entry("RS-ATREST-004", "turns on automatic key rotation (EnableKeyRotation)"),
            Map.entry(
                    ClusterRemedies.KEY_AGE,
                    "rotates the cluster's encryption key (RotateEncryptionKey), only with "
                            + FixOptions.ALLOW_KEY_ROTATION + " (the cluster is briefly unavailable)"));

    private Fixability() {}

    /** Whether {@code rsaudit fix} has a remedy for the check (perhaps behind a flag, or refused for a resource). */
    public static boolean repairable(String checkId) {
        return REMEDIES.containsKey(checkId);
    }

    /** The check ids with a remedy. */
    static Set<String> ids() {
        return REMEDIES.keySet();
    }

    /** "rsaudit fix: ..." for the check. */
    public static String explain(String checkId) {
        String remedy = REMEDIES.get(checkId);
        return remedy != null
                ? "rsaudit fix can repair it: " + remedy + " (docs/fix.md)"
                : "rsaudit fix leaves it to a person: " + ManualChecks.reason(checkId);
    }
}
