package io.rsaudit.fix.plan;

import java.util.Map;
import java.util.Set;

/** Why the failures of some checks are left to a person: the fix would break something it cannot see. */
public final class ManualChecks {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(
                    "RS-NET-002",
                    "which of the security group's internet rules are still needed is a network decision; removing"
                            + " one may cut off legitimate clients"),
            Map.entry(
                    "RS-NET-007",
                    "which of the security group's internet rules are still needed is a network decision; removing"
                            + " one may cut off legitimate clients"),
            Map.entry("RS-NET-004", "changing the port breaks every client and firewall rule that names it"),
            Map.entry(
                    "RS-ACCESS-005",
                    "removing a consumer's association cuts its queries at once: the consumer's owners must agree, or"
                            + " the account belongs in trustedAccounts"),
            Map.entry(
                    "RS-NET-008",
                    "revoking an account's endpoint access (RevokeEndpointAccess with Force) deletes the endpoints its"
                            + " workloads use: the grantee must agree, or the account belongs in trustedAccounts"),
            Map.entry(
                    "RS-ACCESS-001",
                    "the admin user name cannot be changed in place: it needs a new cluster from a snapshot"),
            Map.entry(
                    "RS-ACCESS-003",
                    "the admin user name of a namespace is changed with its password; rsaudit does not handle"
                            + " credentials"),
            Map.entry(
                    "RS-ACCESS-002",
                    "moving the admin password to Secrets Manager replaces it: every client using it breaks until"
                            + " it reads the secret"),
            Map.entry(
                    "RS-ACCESS-004",
                    "moving the admin password to Secrets Manager replaces it: every client using it breaks until"
                            + " it reads the secret"),
            Map.entry(
                    "RS-ATREST-002",
                    "moving to a customer-managed key is an encryption migration and needs the key chosen and its"
                            + " policy written"),
            Map.entry(
                    "RS-ATREST-003", "a disabled key may be on its way to deletion; enabling it is a key owner's call"),
            Map.entry("RS-ATREST-005", "an HSM connection is repaired on the HSM side (certificates, network)"),
            Map.entry(
                    "RS-ATREST-006",
                    "a snapshot cannot be encrypted in place: copy it (restore, re-snapshot) and delete the old one,"
                            + " which rsaudit never does"),
            Map.entry("RS-ATREST-007", "a namespace's key is changed by a migration that needs the key chosen"),
            Map.entry("RS-ATREST-008", "a copy grant's key cannot be changed: a new grant and a copy reconfiguration"),
            Map.entry(
                    "RS-ATREST-009",
                    "a snapshot's key cannot be changed: copy it under a key the owners choose and delete the old one,"
                            + " which rsaudit never does"),
            Map.entry(
                    "RS-ATREST-010",
                    "a Serverless snapshot's key cannot be changed: restore it and snapshot again under a key the"
                            + " owners choose, then delete the old one, which rsaudit never does"),
            Map.entry(
                    "RS-ATREST-011",
                    "the destination's copy grant and its key are chosen by the key's owners: a new grant and a copy"
                            + " reconfiguration"),
            Map.entry(
                    "RS-ATREST-013",
                    "a Serverless copy configuration's key cannot be changed: it is deleted and created again with a"
                            + " key the owners choose, and rsaudit never deletes"),
            Map.entry(
                    "RS-ATREST-014",
                    "a key policy is never edited automatically: taking an account out of it cuts off whatever that"
                            + " account decrypts with the key, and a wrong policy can lock everyone out of the key; the"
                            + " key's owners remove the statements the finding names (get-key-policy, then"
                            + " put-key-policy), or the account belongs in trustedAccounts"),
            Map.entry(
                    "RS-ATREST-015",
                    "a grant is never revoked automatically: revoking the wrong one (one Redshift made for itself) makes"
                            + " the data of a cluster, namespace or snapshot copy unreadable, and revoking one an account"
                            + " relies on cuts off what it decrypts; the key's owners revoke the grants the finding names"
                            + " (aws kms revoke-grant --key-id <key ARN> --grant-id <grant id>), or the account belongs"
                            + " in trustedAccounts"),
            Map.entry(
                    "RS-BACKUP-012",
                    "stopping a Serverless snapshot copy deletes its copy configuration, and rsaudit never deletes;"
                            + " the allowed destination is the owners' choice"),
            Map.entry(
                    "RS-BACKUP-013",
                    "a scheduled action is updated with its whole target (snapshot name prefix, tags) and schedule,"
                            + " which its owners set; the snapshots it already created keep their own retention"
                            + " (RS-BACKUP-011)"),
            Map.entry("RS-BACKUP-005", "the remedy for an orphaned snapshot is deleting it, which rsaudit never does"),
            Map.entry(
                    "RS-BACKUP-010",
                    "a snapshot in a region its data may not reside in has to be deleted there (after a copy where it"
                            + " may reside, if it is needed), and rsaudit never deletes"),
            Map.entry(
                    "RS-TAG-001",
                    "the values of the required tags (owner, environment, cost centre) are facts only the cluster's"
                            + " owners know"),
            Map.entry(
                    "RS-TAG-002",
                    "the values of the required tags (owner, environment, cost centre) are facts only the snapshot's"
                            + " owners know"),
            Map.entry(
                    "RS-TAG-003",
                    "the values of the required tags (owner, environment, cost centre) are facts only the parameter"
                            + " group's owners know"),
            Map.entry(
                    "RS-TAG-004",
                    "the values of the required tags (owner, environment, cost centre) are facts only the event"
                            + " subscription's owners know"),
            Map.entry(
                    "RS-TAG-005",
                    "the values of the required tags (owner, environment, cost centre) are facts only the subnet"
                            + " group's owners know"),
            Map.entry(
                    "RS-RES-003",
                    "the subnet to add must be chosen in the group's VPC, in another Availability Zone, by its network's"
                            + " owners"),
            Map.entry(
                    "RS-LOG-004",
                    "failing delivery is repaired at the destination (bucket policy, KMS key, log group)"),
            Map.entry("RS-LOG-006", "CloudTrail trails are account-wide infrastructure, outside Redshift"),
            Map.entry("RS-RES-001", "Multi-AZ needs RA3 nodes and doubles the compute cost: a capacity decision"));

    private ManualChecks() {}

    /** The check ids this class gives a reason for. */
    static Set<String> ids() {
        return REASONS.keySet();
    }

    public static String reason(String checkId) {
        return REASONS.getOrDefault(checkId, "rsaudit has no automatic remedy for this check");
    }

    /** Whether the check is known to stay manual. */
    public static boolean isManual(String checkId) {
        return REASONS.containsKey(checkId);
    }
}
