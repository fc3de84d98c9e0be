package io.rsaudit.testkit.logs;

import io.rsaudit.core.hunt.LogType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic Redshift audit logs and CloudTrail files. The benign part is a quiet, well-run estate: ETL and
 * dashboard users and admins connecting from the office network 10.0.0.0/8 over TLS, selects, inserts, COPY and
 * UNLOAD with an IAM role to the company bucket, read-only CloudTrail calls; no user changes, no grants, no catalog
 * browsing, nothing a sensible detection fires on. The first hour's files of the first cluster also carry every
 * {@link Scenario}, whose records are listed in {@code manifest.tsv} (scenario, type, file, line, step: attack or
 * setup, what).
 */
public final class LogGenerator {

    public static final String ACCOUNT = "123456789012";
    public static final String FOREIGN_ACCOUNT = "999988887777";
    /** An EEA region, so that the residency rules (RSH-CT-005) have data whose leaving they can judge. */
    public static final String REGION = "eu-west-1";

    public static final String ALLOWED_BUCKET = "acme-data-lake";
    /** The bucket Redshift delivers the audit logs to, as a policy's {@code hunt.auditLogBuckets} names it. */
    public static final String AUDIT_LOG_BUCKET = "corp-audit-logs";

    public static final String ADMIN = "admin";
    public static final String OFFICE_CIDR = "10.0.0.0/8";
    public static final String ADMIN_HOST = "10.1.0.5";
    private static final DateTimeFormatter CONNECTION_TIME = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy HH:mm:ss:SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TRAIL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] USERS = {"etl_loader", "dash_reader", "analyst_1", "analyst_2", "analyst_3"};
    private static final String[] TABLES = {"sales", "orders", "customers", "events", "inventory"};

    /**
     * @param targetBytes     stop after about this many bytes of log text (before compression)
     * @param gzip            gzip every file (Redshift does); otherwise plain text without the {@code .gz}
     * @param seed            the same seed writes the same bytes
     * @param start           the first record's hour
     * @param clusters        clusters, each with its own files
     * @param recordsPerFile  records per connection/activity file (one file per hour and type)
     */
    public record Spec(long targetBytes, boolean gzip, long seed, Instant start, int clusters, int recordsPerFile) {
        public Spec {
            if (targetBytes < 1 || clusters < 1 || recordsPerFile < 100) {
                throw new IllegalArgumentException("size, clusters must be positive and records per file >= 100");
            }
        }

        public static Spec of(long targetBytes, boolean gzip) {
            return new Spec(targetBytes, gzip, 42, Instant.parse("2024-03-04T08:00:00Z"), 2, 20_000);
        }
    }

    /**
     * One injected record. {@code attack} is false for a setup step that is harmless on its own (creating the
     * datashare that is then granted away): a rule need not alert on it, but it is part of the scenario, not of
     * the benign traffic.
     */
    public record Injection(Scenario scenario, LogType type, String file, long line, boolean attack, String what) {}

    /** What was written. */
    public record Result(long files, long bytes, long records, List<Injection> injections, Path manifest) {}

    private final Spec spec;
    private final SplittableRandom random;

    public LogGenerator(Spec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
    }

    public Result generate(Path out) throws IOException {
        Files.createDirectories(out);
        List<Injection> injections = new ArrayList<>();
        long written = 0;
        long files = 0;
        long records = 0;
        for (int hour = 0; written < spec.targetBytes(); hour++) {
            Instant at = spec.start().plusSeconds(3600L * hour);
            for (int c = 0; c < spec.clusters() && written < spec.targetBytes(); c++) {
                String cluster = c == 0 ? "prod-dw" : "cluster-" + c;
                boolean attacks = hour == 0 && c == 0;
                for (LogType type : LogType.values()) {
                    if (type == LogType.CLOUDTRAIL && c > 0) {
                        continue;
                    }
                    if (type == LogType.USER_LOG && !attacks) {
                        continue;
                    }
                    try (LogFile f = open(out, type, cluster, at)) {
                        write(f, type, cluster, at, attacks, injections);
                        written += f.bytes;
                        records += f.records;
                        files++;
                    }
                }
            }
        }
        Path manifest = out.resolve("manifest.tsv");
        try (Writer w = Files.newBufferedWriter(manifest)) {
            w.write("scenario\ttype\tfile\tline\tstep\twhat\n");
            for (Injection i : injections) {
                w.write(i.scenario().id() + "\t" + i.type().fileName() + "\t" + i.file() + "\t" + i.line() + "\t"
                        + (i.attack() ? "attack" : "setup") + "\t"
                        + i.what().replace('\t', ' ').replace('\n', ' ') + "\n");
            }
        }
        return new Result(files, written, records, List.copyOf(injections), manifest);
    }

    private LogFile open(Path out, LogType type, String cluster, Instant at) throws IOException {
        ZonedDateTime z = at.atZone(ZoneOffset.UTC);
        String day = String.format(Locale.ROOT, "%04d/%02d/%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth());
        String rel;
        if (type == LogType.CLOUDTRAIL) {
            rel = "AWSLogs/" + ACCOUNT + "/CloudTrail/" + REGION + "/" + day + "/" + ACCOUNT + "_CloudTrail_" + REGION
                    + "_" + TRAIL_TIME.format(at) + "_" + Long.toHexString(spec.seed() + at.getEpochSecond())
                    + ".json" + (spec.gzip() ? ".gz" : "");
        } else {
            rel = "AWSLogs/" + ACCOUNT + "/redshift/" + REGION + "/" + day + "/" + ACCOUNT + "_redshift_" + REGION + "_"
                    + cluster + "_" + type.fileName() + "_" + NAME_TIME.format(at) + (spec.gzip() ? ".gz" : "");
        }
        Path p = out.resolve(rel);
        Files.createDirectories(p.getParent());
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        if (spec.gzip()) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new LogFile(rel, new OutputStreamWriter(os, StandardCharsets.UTF_8));
    }

    private void write(LogFile f, LogType type, String cluster, Instant at, boolean attacks, List<Injection> injections)
            throws IOException {
        int n = switch (type) {
            case CONNECTION_LOG -> spec.recordsPerFile();
            case USER_ACTIVITY_LOG -> spec.recordsPerFile() / 2;
            case CLOUDTRAIL -> spec.recordsPerFile() / 20;
            case USER_LOG -> 0;
        };
        long stepMillis = 3_600_000L / Math.max(1, n + 200);
        long t = at.toEpochMilli();
        Scenarios scenarios = new Scenarios(this, f, type, cluster, injections);
        if (type == LogType.CLOUDTRAIL) {
            f.raw("{\"Records\":[\n");
        }
        int every = attacks ? Math.max(1, n / (Scenario.count(type) + 1)) : Integer.MAX_VALUE;
        int next = 0;
        for (int i = 0; i < n; i++) {
            t += stepMillis;
            if (attacks && i > 0 && i % every == 0 && next < Scenario.count(type)) {
                t = scenarios.inject(next++, t);
            }
            benign(f, type, cluster, t);
        }
        if (attacks) {
            while (next < Scenario.count(type)) {
                t = scenarios.inject(next++, t + stepMillis);
            }
        }
        if (type == LogType.CLOUDTRAIL) {
            f.raw("\n]}\n");
        }
    }

    // ---- benign records ----

    private void benign(LogFile f, LogType type, String cluster, long t) throws IOException {
        String user = USERS[random.nextInt(USERS.length)];
        switch (type) {
            case CONNECTION_LOG -> {
                int r = random.nextInt(10);
                String host = "10." + (user.startsWith("dash") ? 20 : 1) + "." + random.nextInt(4) + "."
                        + (10 + random.nextInt(40));
                String who = r == 0 ? ADMIN : user;
                if (r == 0) {
                    // Admins work from the bastion, so an admin from anywhere else is new (RSH-AUTH-006).
                    host = ADMIN_HOST;
                }
                // r == 0 is the admin: without its own case it would only ever initiate sessions, never log in.
                String event = r == 0 || (r >= 4 && r < 8)
                        ? "authenticated"
                        : r < 4 ? "initiating session" : "disconnecting session";
                connection(
                        f,
                        event,
                        t,
                        host,
                        who,
                        true,
                        "JDBC-2.1.0.26",
                        r >= 8 ? 1_000_000L + random.nextInt(90_000_000) : 0);
            }
            case USER_ACTIVITY_LOG -> {
                String table = TABLES[random.nextInt(TABLES.length)];
                int r = random.nextInt(20);
                String sql = switch (r) {
                    case 0 ->
                        "copy staging." + table + " from 's3://" + ALLOWED_BUCKET + "/in/" + table
                                + "/' iam_role 'arn:aws:iam::" + ACCOUNT + ":role/RedshiftLoad' format as parquet;";
                    case 1 ->
                        "unload ('select * from " + table + " where day = current_date') to 's3://"
                                + ALLOWED_BUCKET + "/out/" + table + "_' iam_role 'arn:aws:iam::" + ACCOUNT
                                + ":role/RedshiftUnload' parquet;";
                    case 2 ->
                        "insert into " + table + "\n  select *\n  from staging." + table + "\n  where id > "
                                + random.nextInt(1_000_000) + ";";
                    default ->
                        "select region, count(*), sum(amount) from " + table + " where day >= '2024-03-0"
                                + (1 + random.nextInt(4)) + "' group by region order by 2 desc limit " + (10 + r) + ";";
                };
                activity(f, t, user, sql);
            }
            case CLOUDTRAIL -> {
                String[] calls = {
                    "DescribeClusters", "DescribeLoggingStatus", "DescribeClusterSnapshots", "DescribeClusterParameters"
                };
                String name = calls[random.nextInt(calls.length)];
                trail(
                        f,
                        t,
                        "redshift.amazonaws.com",
                        name,
                        "arn:aws:iam::" + ACCOUNT + ":role/ops-readonly",
                        "10.1.0." + (10 + random.nextInt(20)),
                        "\"clusterIdentifier\":\"" + cluster + "\"",
                        null);
            }
            case USER_LOG -> {}
        }
    }

    // ---- record writers (shared by benign records and scenarios) ----

    void connection(LogFile f, String event, long t, String host, String user, boolean tls, String app, long duration)
            throws IOException {
        StringBuilder b = new StringBuilder(360);
        pad(b, event)
                .append('|')
                .append(CONNECTION_TIME.format(Instant.ofEpochMilli(t)))
                .append('|');
        pad(b, host.equals("[local]") ? host : "::ffff:" + host).append('|');
        pad(b, String.valueOf(30_000 + random.nextInt(30_000)))
                .append('|')
                .append(1_073_000_000 + random.nextInt(1_000_000))
                .append('|');
        pad(b, "dev").append('|');
        pad(b, user).append('|');
        pad(b, "password").append('|').append(duration).append('|');
        pad(b, tls ? "TLSv1.2" : "").append('|');
        pad(b, tls ? "ECDHE-RSA-AES256-GCM-SHA384" : "").append("|0|");
        pad(b, "").append('|');
        pad(b, "").append('|');
        pad(b, "").append('|');
        pad(b, app).append('|');
        pad(b, "Linux 5.10.0-28-cloud-amd64 amd64").append('|');
        pad(b, "Amazon Redshift JDBC Driver 2.1.0.26").append('|');
        pad(b, "none").append("|2|");
        b.append(new java.util.UUID(random.nextLong(), random.nextLong()).toString(), 0, 23)
                .append('|');
        pad(b, "Off");
        f.line(b);
    }

    void activity(LogFile f, long t, String user, String sql) throws IOException {
        String ts = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(t / 1000));
        f.line("'" + ts + " UTC [ db=dev user=" + user + " pid=" + (10_000 + random.nextInt(50_000)) + " userid="
                + (100 + Math.abs(user.hashCode() % 50)) + " xid=" + (700_000 + random.nextInt(900_000))
                + " ]' LOG: " + sql);
    }

    void userlog(LogFile f, long t, String user, String old, String action, int createdb, int superuser)
            throws IOException {
        StringBuilder b = new StringBuilder(160);
        b.append(100 + Math.abs(user.hashCode() % 50)).append('|');
        pad(b, user).append('|');
        pad(b, old).append('|');
        pad(b, action)
                .append('|')
                .append(createdb)
                .append('|')
                .append(superuser)
                .append("|0|");
        pad(b, "")
                .append('|')
                .append(10_000 + random.nextInt(50_000))
                .append('|')
                .append(700_000 + random.nextInt(900_000))
                .append('|')
                .append(CONNECTION_TIME.format(Instant.ofEpochMilli(t)));
        f.line(b);
    }

    /**
     * The {@code userIdentity} of a call by {@code arn}, as CloudTrail writes it: an IAM user's ({@code :user/}) with
     * its long-term access key id (AKIA...), or else a session of the role, with the role's STS ARN, a temporary
     * key id (ASIA...) and the role as the session's issuer.
     */
    private void identity(StringBuilder b, String arn, String ts) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        if (arn.contains(":user/")) {
            b.append("\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA")
                    .append(identifier(arn, 17))
                    .append("\",\"arn\":\"")
                    .append(arn)
                    .append("\",\"accountId\":\"")
                    .append(ACCOUNT)
                    .append("\",\"accessKeyId\":\"AKIA")
                    .append(identifier(arn + "#key", 16))
                    .append("\",\"userName\":\"")
                    .append(name)
                    .append("\"}");
            return;
        }
        String role = "AROA" + identifier(arn, 17);
        b.append("\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"")
                .append(role)
                .append(':')
                .append(name)
                .append("\",\"arn\":\"arn:aws:sts::")
                .append(ACCOUNT)
                .append(":assumed-role/")
                .append(name)
                .append('/')
                .append(name)
                .append("\",\"accountId\":\"")
                .append(ACCOUNT)
                .append("\",\"accessKeyId\":\"ASIA")
                .append(identifier(arn + "#key", 16))
                .append("\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"")
                .append(role)
                .append("\",\"arn\":\"")
                .append(arn)
                .append("\",\"accountId\":\"")
                .append(ACCOUNT)
                .append("\",\"userName\":\"")
                .append(name)
                .append("\"},\"attributes\":{\"creationDate\":\"")
                .append(ts)
                .append("\",\"mfaAuthenticated\":\"false\"}}}");
    }

    void trail(LogFile f, long t, String source, String name, String arn, String ip, String request, String error)
            throws IOException {
        String ts = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(t / 1000));
        StringBuilder b = new StringBuilder(600);
        if (f.records > 0) {
            b.append(",\n");
        }
        b.append("{\"eventVersion\":\"1.09\",");
        identity(b, arn, ts);
        b.append(",\"eventTime\":\"")
                .append(ts)
                .append("\",\"eventSource\":\"")
                .append(source)
                .append("\",\"eventName\":\"")
                .append(name)
                .append("\",\"awsRegion\":\"")
                .append(REGION)
                .append("\",\"sourceIPAddress\":\"")
                .append(ip)
                .append("\",\"userAgent\":\"aws-cli/2.15.0\",");
        if (error != null) {
            b.append("\"errorCode\":\"").append(error).append("\",\"errorMessage\":\"denied\",");
        }
        java.util.UUID requestId = new java.util.UUID(random.nextLong(), random.nextLong());
        b.append("\"requestParameters\":{")
                .append(request)
                .append("},\"responseElements\":null,")
                .append("\"requestID\":\"")
                .append(requestId)
                .append("\",\"eventID\":\"")
                .append(new java.util.UUID(
                        requestId.getLeastSignificantBits() ^ 0x5DEECE66DL, requestId.getMostSignificantBits()))
                .append('"');
        String key = source.equals("kms.amazonaws.com") ? keyArn(request) : null;
        if (key != null) {
            // KMS names the key it acted on in resources, whatever the caller named it by
            b.append(",\"resources\":[{\"accountId\":\"")
                    .append(ACCOUNT)
                    .append("\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"")
                    .append(key)
                    .append("\"}]");
        }
        b.append(",\"readOnly\":")
                .append(name.startsWith("Describe"))
                .append(",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"")
                .append(ACCOUNT)
                .append("\",\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",")
                .append("\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"")
                .append(source, 0, source.indexOf('.') < 0 ? source.length() : source.indexOf('.'))
                .append('.')
                .append(REGION)
                .append(".amazonaws.com\"}}");
        f.lineNoNewline(b);
    }

    /** The key ARN a KMS request names as its {@code keyId}; {@code null} for a key id or alias. */
    private static String keyArn(String request) {
        String marker = "\"keyId\":\"arn:";
        int at = request.indexOf(marker);
        return at < 0 ? null : request.substring(at + marker.length() - 4, request.indexOf('"', at + marker.length()));
    }

    /**
     * {@code n} characters of an IAM unique id or access key id (capitals and digits 2-7, as AWS writes them)
     * derived from {@code seed}, so a principal keeps its ids across records without drawing on the generator's
     * random sequence.
     */
    static String identifier(String seed, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        long h = 1125899906842597L;
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < seed.length(); k++) {
                h = 31 * h + seed.charAt(k) + i;
            }
            h ^= h >>> 29;
            b.append(alphabet.charAt((int) ((h >>> 7) & 31)));
        }
        return b.toString();
    }

    /** Right-padded with one space, as the lines of amazon-redshift-utils' tests show (not to the column width). */
    private static StringBuilder pad(StringBuilder b, String s) {
        return b.append(s).append(' ');
    }

    /** A file being written, counting its lines so injections know where they land. */
    static final class LogFile implements AutoCloseable {
        final String path;
        private final Writer w;
        long line;
        long records;
        long bytes;

        LogFile(String path, Writer w) {
            this.path = path;
            this.w = w;
        }

        /** The line the next record starts on. */
        long nextLine() {
            return line + 1;
        }

        void line(CharSequence s) throws IOException {
            w.append(s).append('\n');
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            line++;
            records++;
            bytes += s.length() + 1;
        }

        /** A CloudTrail record: written as is; its newlines are counted. */
        void lineNoNewline(CharSequence s) throws IOException {
            w.append(s);
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            records++;
            bytes += s.length();
        }

        void raw(String s) throws IOException {
            w.write(s);
            bytes += s.length();
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }
}
