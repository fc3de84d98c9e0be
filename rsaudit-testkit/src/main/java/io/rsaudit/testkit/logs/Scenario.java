package io.rsaudit.testkit.logs;

import io.rsaudit.core.hunt.LogType;

/** The attacks {@link LogGenerator} injects, each into one log type; ids are what the manifest names. */
public enum Scenario {
    BRUTE_FORCE("brute-force", LogType.CONNECTION_LOG),
    PASSWORD_SPRAY("password-spray", LogType.CONNECTION_LOG),
    SUCCESS_AFTER_FAILURES("success-after-failures", LogType.CONNECTION_LOG),
    NON_TLS_REMOTE("non-tls-remote", LogType.CONNECTION_LOG),
    PUBLIC_IP_LOGIN("public-ip-login", LogType.CONNECTION_LOG),
    ADMIN_NEW_SOURCE("admin-new-source", LogType.CONNECTION_LOG),
    ALTER_USER_CREATEUSER("alter-user-createuser", LogType.USER_ACTIVITY_LOG),
    GRANT_ALL("grant-all", LogType.USER_ACTIVITY_LOG),
    GRANT_TO_PUBLIC("grant-to-public", LogType.USER_ACTIVITY_LOG),
    GRANT_ROLE_SUPERUSER("grant-role-superuser", LogType.USER_ACTIVITY_LOG),
    CREATE_RENAME_DROP_USER_SQL("create-rename-drop-user", LogType.USER_ACTIVITY_LOG),
    UNLOAD_FOREIGN_BUCKET("unload-foreign-bucket", LogType.USER_ACTIVITY_LOG),
    DATASHARE_FOREIGN_ACCOUNT("datashare-foreign-account", LogType.USER_ACTIVITY_LOG),
    CATALOG_RECON("catalog-recon", LogType.USER_ACTIVITY_LOG),
    CREDENTIALS_IN_COPY("credentials-in-copy", LogType.USER_ACTIVITY_LOG),
    TERMINATE_SPREE("terminate-backend-spree", LogType.USER_ACTIVITY_LOG),
    DROP_AUDIT_TABLE("drop-audit-table", LogType.USER_ACTIVITY_LOG),
    SYSLOG_UNRESTRICTED("syslog-access-unrestricted", LogType.USER_ACTIVITY_LOG),
    ROLE_CHAIN_FOREIGN("iam-role-chained-to-foreign-account", LogType.USER_ACTIVITY_LOG),
    ROW_LEVEL_SECURITY_OFF("row-level-security-off", LogType.USER_ACTIVITY_LOG),
    SUPERUSER_FLAG("superuser-flag-0-to-1", LogType.USER_LOG),
    CREATE_RENAME_DROP_USER("create-rename-drop-user-userlog", LogType.USER_LOG),
    DISABLE_LOGGING("disable-logging", LogType.CLOUDTRAIL),
    ENABLE_LOGGING_FOREIGN_BUCKET("enable-logging-other-bucket", LogType.CLOUDTRAIL),
    REQUIRE_SSL_OFF("require-ssl-off", LogType.CLOUDTRAIL),
    ACTIVITY_LOGGING_OFF("user-activity-logging-off", LogType.CLOUDTRAIL),
    SNAPSHOT_SHARED_FOREIGN("snapshot-shared-foreign-account", LogType.CLOUDTRAIL),
    SNAPSHOT_COPY_FORBIDDEN_REGION("snapshot-copy-forbidden-region", LogType.CLOUDTRAIL),
    RETENTION_CUT_THEN_DELETE("retention-cut-then-delete", LogType.CLOUDTRAIL),
    CLUSTER_MADE_PUBLIC("cluster-made-public", LogType.CLOUDTRAIL),
    PORT_OPEN_TO_WORLD("port-5439-open-to-world", LogType.CLOUDTRAIL),
    MASTER_PASSWORD_RESET("master-password-reset", LogType.CLOUDTRAIL),
    CLOUDTRAIL_STOPPED("cloudtrail-stop-logging", LogType.CLOUDTRAIL),
    CLOUDTRAIL_DELETED("cloudtrail-delete-trail", LogType.CLOUDTRAIL),
    ADMIN_CREDENTIALS("get-cluster-credentials-admin", LogType.CLOUDTRAIL),
    SERVERLESS_SNAPSHOT_SHARED_FOREIGN("serverless-snapshot-shared-foreign-account", LogType.CLOUDTRAIL),
    AUDIT_BUCKET_POLICY_DELETED("audit-log-bucket-policy-deleted", LogType.CLOUDTRAIL),
    AUDIT_LOG_EXPIRY_CUT("audit-log-expiry-cut", LogType.CLOUDTRAIL),
    TRAIL_NARROWED_TO_READS("trail-narrowed-to-reads", LogType.CLOUDTRAIL),
    PARAMETER_GROUP_RESET("parameter-group-reset", LogType.CLOUDTRAIL),
    CLUSTER_KEY_FOREIGN("cluster-key-of-foreign-account", LogType.CLOUDTRAIL),
    KEY_SCHEDULED_FOR_DELETION("kms-key-scheduled-for-deletion", LogType.CLOUDTRAIL),
    KEY_GRANTED_OUT("kms-key-granted-to-foreign-account", LogType.CLOUDTRAIL),
    KEY_POLICY_OPENED("kms-key-policy-opened-to-foreign-account", LogType.CLOUDTRAIL),
    AUTOMATED_SNAPSHOTS_OFF("automated-snapshots-off", LogType.CLOUDTRAIL),
    ENHANCED_VPC_ROUTING_OFF("enhanced-vpc-routing-off", LogType.CLOUDTRAIL);

    private final String id;
    private final LogType type;

    Scenario(String id, LogType type) {
        this.id = id;
        this.type = type;
    }

    public String id() {
        return id;
    }

    public LogType type() {
        return type;
    }

    static int count(LogType t) {
        int n = 0;
        for (Scenario s : values()) {
            if (s.type == t) {
                n++;
            }
        }
        return n;
    }

    static Scenario nth(LogType t, int index) {
        int n = 0;
        for (Scenario s : values()) {
            if (s.type == t && n++ == index) {
                return s;
            }
        }
        throw new IllegalArgumentException(t + " has no scenario " + index);
    }
}
