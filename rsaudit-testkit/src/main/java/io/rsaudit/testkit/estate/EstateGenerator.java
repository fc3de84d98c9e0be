package io.rsaudit.testkit.estate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.testkit.estate.EstatePlan.Cluster;
import io.rsaudit.testkit.estate.EstatePlan.Encryption;
import io.rsaudit.testkit.estate.EstatePlan.Key;
import io.rsaudit.testkit.estate.EstatePlan.Namespace;
import io.rsaudit.testkit.estate.EstatePlan.ParamGroup;
import io.rsaudit.testkit.estate.EstatePlan.Scope;
import io.rsaudit.testkit.estate.EstatePlan.SecurityGroup;
import io.rsaudit.testkit.estate.EstatePlan.Trail;
import io.rsaudit.testkit.sim.KeyGrants;
import io.rsaudit.testkit.sim.KeyPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a large, realistic export: for every account the caller identity, and for every region the Redshift,
 * KMS, CloudTrail, EC2 and Redshift Serverless files {@link io.rsaudit.core.source.CliJsonSource} reads, with the
 * members the AWS CLI prints (most of which the source never reads). Deterministic for a spec; the snapshots are
 * streamed, so a 100,000-snapshot estate is written in little memory.
 */
public final class EstateGenerator {

    private static final String[] SNAPSHOT_TAGS = {
        "manual", "before-resize", "pre-upgrade", "backup", "weekly", "migration", "release"
    };
    private static final String ENGINE = "PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2"
            + " 20041017 (Red Hat 3.4.2-6.fc3), Redshift ";
    private static final String[] LOGS = {"connectionlog", "userlog", "useractivitylog"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final EstateSpec spec;

    public EstateGenerator(EstateSpec spec) {
        this.spec = spec;
    }

    /** Writes the estate into {@code out}, which must be absent or empty. */
    public EstateSummary generate(Path out) throws IOException {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new IllegalArgumentException(out + " exists and is not a directory");
            }
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + " is not empty; generate into a new folder");
                }
            }
        }
        Files.createDirectories(out);
        return new Run(new EstatePlan(spec), new ExportWriter(out)).write();
    }

    /** One generation: the plan, the writer and the counts. */
    private static final class Run {
        private final EstatePlan plan;
        private final Random rnd;
        private final ExportWriter w;
        private int snapshots;
        private int automated;
        private int orphaned;
        private int copies;
        private int sharedIn;
        private int sharedOut;
        private int grants;
        private int keys;
        private int namespaces;
        private int serverlessSnapshots;
        private int securityGroups;
        private int parameterGroups;
        private int trails;
        private int clusters;

        Run(EstatePlan plan, ExportWriter w) {
            this.plan = plan;
            this.rnd = plan.rnd;
            this.w = w;
        }

        EstateSummary write() throws IOException {
            for (EstatePlan.Account a : plan.accounts) {
                callerIdentity(a);
                List<Trail> accountTrails = plan.trails.get(a.id());
                trails += accountTrails.size();
                for (Scope s : plan.scopes) {
                    if (s.account == a) {
                        region(s, accountTrails);
                    }
                }
            }
            Map<String, Long> files = new LinkedHashMap<>();
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (AwsCliCall call : AwsCliCall.values()) {
                ExportWriter.Tally t = w.tallies().get(call);
                files.put(call.cli(), t == null ? 0 : t.files);
                bytes.put(call.cli(), t == null ? 0 : t.bytes);
            }
            int workgroups = namespaces;
            return new EstateSummary(
                    plan.spec,
                    plan.accounts.size(),
                    plan.scopes.size(),
                    clusters,
                    snapshots,
                    automated,
                    orphaned,
                    copies,
                    sharedIn,
                    sharedOut,
                    grants,
                    keys,
                    namespaces,
                    workgroups,
                    serverlessSnapshots,
                    securityGroups,
                    parameterGroups,
                    trails,
                    files,
                    bytes);
        }

        private void region(Scope s, List<Trail> accountTrails) throws IOException {
            Set<Key> used = new LinkedHashSet<>();
            boolean[] aliasUsed = {false};
            describeClusters(s, used);
            for (Cluster c : s.clusters) {
                loggingStatus(s, c);
            }
            parameterGroups(s);
            eventSubscriptions(s);
            subnetGroups(s);
            endpointAuthorizations(s);
            datashares(s);
            snapshots(s, used);
            copyGrants(s, used, aliasUsed);
            securityGroups(s);
            serverless(s, used);
            trails(s, accountTrails);
            for (Key k : used) {
                describeKey(s, k, k.id());
                rotationStatus(s, k);
                keyPolicy(s, k);
                grants(s, k);
            }
            if (aliasUsed[0]) {
                describeKey(s, s.aliasTarget, EstatePlan.COPY_ALIAS);
            }
            keys += used.size();
        }

        // ---- helpers ----

        private boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        private static void str(JsonGenerator g, String name, String value) throws IOException {
            if (value != null) {
                g.writeStringField(name, value);
            }
        }

        private static void time(JsonGenerator g, String name, Instant t) throws IOException {
            g.writeStringField(name, ExportWriter.ts(t));
        }

        private static void empty(JsonGenerator g, String name) throws IOException {
            g.writeArrayFieldStart(name);
            g.writeEndArray();
        }

        private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }

        private static void tags(JsonGenerator g, String name, String... kv) throws IOException {
            g.writeArrayFieldStart(name);
            for (int i = 0; i + 1 < kv.length; i += 2) {
                g.writeStartObject();
                g.writeStringField("Key", kv[i]);
                g.writeStringField("Value", kv[i + 1]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private static double round1(double v) {
            return Math.round(v * 10) / 10.0;
        }

        private String ip(String prefix) {
            return prefix + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
        }

        private static String env(String identifier) {
            String[] parts = identifier.split("-");
            return parts.length >= 2 ? parts[parts.length - 2] : "prod";
        }

        // ---- sts ----

        private void callerIdentity(EstatePlan.Account a) throws IOException {
            try (ExportWriter.Doc d = w.open(a.id(), null, AwsCliCall.STS_GET_CALLER_IDENTITY)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeStringField("UserId", "AROA" + plan.hex(17).toUpperCase(java.util.Locale.ROOT) + ":rsaudit");
                g.writeStringField("Account", a.id());
                g.writeStringField("Arn", "arn:aws:sts::" + a.id() + ":assumed-role/RsauditReadOnly/rsaudit");
                g.writeEndObject();
            }
        }

        // ---- redshift: clusters ----

        private void describeClusters(Scope s, Set<Key> used) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_CLUSTERS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("Clusters");
                for (Cluster c : s.clusters) {
                    cluster(g, s, c);
                    if (c.key != null) {
                        used.add(c.key);
                    }
                    clusters++;
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private void cluster(JsonGenerator g, Scope s, Cluster c) throws IOException {
            String account = s.account.id();
            boolean paused = c.status.equals("paused");
            g.writeStartObject();
            g.writeStringField("ClusterIdentifier", c.identifier);
            g.writeStringField("NodeType", c.nodeType);
            g.writeStringField("ClusterStatus", c.status);
            g.writeStringField(
                    "ClusterAvailabilityStatus",
                    switch (c.status) {
                        case "available" -> "Available";
                        case "paused" -> "Unavailable";
                        default -> "Modifying";
                    });
            g.writeStringField("MasterUsername", c.masterUsername);
            g.writeStringField("DBName", c.dbName);
            g.writeObjectFieldStart("Endpoint");
            g.writeStringField(
                    "Address", c.identifier + "." + c.endpointHash + "." + s.region + ".redshift.amazonaws.com");
            g.writeNumberField("Port", c.port);
            g.writeArrayFieldStart("VpcEndpoints");
            g.writeStartObject();
            g.writeStringField("VpcEndpointId", "vpce-" + plan.hex(17));
            g.writeStringField("VpcId", s.vpcId);
            g.writeArrayFieldStart("NetworkInterfaces");
            g.writeStartObject();
            g.writeStringField("NetworkInterfaceId", "eni-" + plan.hex(17));
            g.writeStringField("SubnetId", "subnet-" + plan.hex(17));
            g.writeStringField("PrivateIpAddress", ip("10.0."));
            g.writeStringField("AvailabilityZone", c.availabilityZone);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            time(g, "ClusterCreateTime", c.created);
            g.writeNumberField("AutomatedSnapshotRetentionPeriod", c.automatedRetention);
            g.writeNumberField("ManualSnapshotRetentionPeriod", c.manualRetention);
            empty(g, "ClusterSecurityGroups");
            g.writeArrayFieldStart("VpcSecurityGroups");
            for (String sg : c.securityGroupIds) {
                g.writeStartObject();
                g.writeStringField("VpcSecurityGroupId", sg);
                g.writeStringField("Status", "active");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ClusterParameterGroups");
            g.writeStartObject();
            g.writeStringField("ParameterGroupName", c.group.name());
            g.writeStringField("ParameterApplyStatus", c.sslPendingReboot ? "pending-reboot" : "in-sync");
            g.writeArrayFieldStart("ClusterParameterStatusList");
            for (Parameter p : PARAMETERS) {
                g.writeStartObject();
                g.writeStringField("ParameterName", p.name);
                g.writeStringField(
                        "ParameterApplyStatus",
                        c.sslPendingReboot && p.name.equals("require_ssl") ? "pending-reboot" : "in-sync");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("ClusterSubnetGroupName", c.subnetGroup);
            g.writeStringField("VpcId", s.vpcId);
            g.writeStringField("AvailabilityZone", c.availabilityZone);
            String day = plan.pick(new String[] {"sun", "mon", "tue", "wed", "thu", "fri", "sat"});
            int hour = rnd.nextInt(9);
            g.writeStringField(
                    "PreferredMaintenanceWindow", day + ":0" + hour + ":30-" + day + ":0" + (hour + 1) + ":00");
            g.writeObjectFieldStart("PendingModifiedValues");
            if (c.status.equals("resizing") || c.status.equals("modifying")) {
                g.writeStringField("NodeType", c.nodeType);
                g.writeNumberField("NumberOfNodes", c.nodes + 2);
            }
            g.writeEndObject();
            g.writeStringField("ClusterVersion", "1.0");
            g.writeBooleanField("AllowVersionUpgrade", c.allowVersionUpgrade);
            g.writeNumberField("NumberOfNodes", c.nodes);
            g.writeBooleanField("PubliclyAccessible", c.publiclyAccessible);
            g.writeBooleanField("Encrypted", c.encrypted());
            if (c.encryption == Encryption.HSM) {
                g.writeObjectFieldStart("HsmStatus");
                g.writeStringField("HsmClientCertificateIdentifier", "rs-hsm-client-" + c.identifier);
                g.writeStringField("HsmConfigurationIdentifier", "rs-hsm-config-" + s.region);
                g.writeStringField("Status", chance(0.85) ? "active" : "applying");
                g.writeEndObject();
            }
            if (c.copyDestination != null) {
                g.writeObjectFieldStart("ClusterSnapshotCopyStatus");
                g.writeStringField("DestinationRegion", c.copyDestination);
                g.writeNumberField("RetentionPeriod", c.copyRetention);
                g.writeNumberField("ManualSnapshotRetentionPeriod", c.copyManualRetention);
                str(g, "SnapshotCopyGrantName", c.copyGrant);
                g.writeEndObject();
            }
            g.writeStringField("ClusterPublicKey", publicKey());
            g.writeArrayFieldStart("ClusterNodes");
            int listed = c.nodes == 1 ? 1 : c.nodes + 1;
            for (int i = 0; i < listed; i++) {
                g.writeStartObject();
                g.writeStringField("NodeRole", c.nodes == 1 ? "SHARED" : i == 0 ? "LEADER" : "COMPUTE-" + (i - 1));
                g.writeStringField("PrivateIPAddress", ip("10.0."));
                if (c.publiclyAccessible) {
                    g.writeStringField("PublicIPAddress", ip("52.17."));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (c.publiclyAccessible && chance(0.5)) {
                g.writeObjectFieldStart("ElasticIpStatus");
                g.writeStringField("ElasticIp", ip("3.120."));
                g.writeStringField("Status", "active");
                g.writeEndObject();
            }
            g.writeStringField("ClusterRevisionNumber", Integer.toString(60000 + rnd.nextInt(40000)));
            tags(
                    g,
                    "Tags",
                    "team",
                    c.identifier.substring(0, c.identifier.indexOf('-')),
                    "env",
                    env(c.identifier),
                    "cost-center",
                    "cc-" + (1000 + rnd.nextInt(9000)));
            str(g, "KmsKeyId", c.kmsKeyId());
            g.writeBooleanField("EnhancedVpcRouting", c.enhancedVpcRouting);
            String role = "arn:aws:iam::" + account + ":role/RedshiftS3Access-" + c.identifier;
            g.writeArrayFieldStart("IamRoles");
            g.writeStartObject();
            g.writeStringField("IamRoleArn", role);
            g.writeStringField("ApplyStatus", "in-sync");
            g.writeEndObject();
            g.writeEndArray();
            empty(g, "PendingActions");
            g.writeStringField("MaintenanceTrackName", c.maintenanceTrack);
            g.writeStringField(
                    "ElasticResizeNumberOfNodeOptions", "[" + Math.max(2, c.nodes / 2) + "," + c.nodes * 2 + "]");
            empty(g, "DeferredMaintenanceWindows");
            time(g, "NextMaintenanceWindowStartTime", EstatePlan.AS_OF.plus(Duration.ofHours(1 + rnd.nextInt(160))));
            g.writeStringField(
                    "AvailabilityZoneRelocationStatus", c.nodeType.startsWith("ra3") ? "enabled" : "disabled");
            g.writeStringField("ClusterNamespaceArn", s.arn("redshift", "namespace:" + c.namespaceId));
            g.writeNumberField(
                    "TotalStorageCapacityInMegaBytes",
                    (long) c.nodes
                            * (c.nodeType.startsWith("ra3")
                                    ? 33_554_432L
                                    : c.nodeType.equals("dc2.large") ? 163_840L : 2_621_440L));
            g.writeObjectFieldStart("AquaConfiguration");
            g.writeStringField("AquaStatus", paused ? "disabled" : chance(0.2) ? "enabled" : "disabled");
            g.writeStringField("AquaConfigurationStatus", "auto");
            g.writeEndObject();
            g.writeStringField("DefaultIamRoleArn", role);
            if (c.managedPassword) {
                g.writeStringField(
                        "MasterPasswordSecretArn",
                        "arn:aws:secretsmanager:" + s.region + ":" + account + ":secret:redshift!" + c.identifier + "-"
                                + c.masterUsername + "-" + plan.hex(6));
                g.writeStringField("MasterPasswordSecretKmsKeyId", EstatePlan.AWS_OWNED_KEY);
            }
            g.writeStringField("IpAddressType", "ipv4");
            g.writeStringField("MultiAZ", c.multiAz ? "Enabled" : "Disabled");
            if (c.multiAz) {
                g.writeObjectFieldStart("MultiAZSecondary");
                g.writeStringField("AvailabilityZone", s.region + (c.availabilityZone.endsWith("a") ? "b" : "a"));
                g.writeArrayFieldStart("ClusterNodes");
                for (int i = 0; i <= c.nodes; i++) {
                    g.writeStartObject();
                    g.writeStringField("NodeRole", i == 0 ? "LEADER" : "COMPUTE-" + (i - 1));
                    g.writeStringField("PrivateIPAddress", ip("10.1."));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private String publicKey() {
            StringBuilder b = new StringBuilder(420).append("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ");
            for (int i = 0; i < 336; i++) {
                b.append(BASE64.charAt(rnd.nextInt(64)));
            }
            return b.append(" Amazon-Redshift\n").toString();
        }

        private void loggingStatus(Scope s, Cluster c) throws IOException {
            try (ExportWriter.Doc d =
                    w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_LOGGING_STATUS, c.identifier)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                if (!chance(0.6)) {
                    g.writeBooleanField("LoggingEnabled", false);
                } else {
                    Instant delivered = plan.daysAgo(0, 2);
                    g.writeBooleanField("LoggingEnabled", true);
                    if (chance(0.7)) {
                        g.writeStringField("BucketName", "redshift-audit-logs-" + s.account.id() + "-" + s.region);
                        g.writeStringField("S3KeyPrefix", c.identifier + "/");
                        time(g, "LastSuccessfulDeliveryTime", delivered);
                        if (chance(0.08)) {
                            time(g, "LastFailureTime", delivered.plus(Duration.ofHours(3)));
                            g.writeStringField(
                                    "LastFailureMessage",
                                    "Access denied: Amazon Redshift cannot write to"
                                            + " the bucket redshift-audit-logs-" + s.account.id() + "-" + s.region);
                        }
                        g.writeStringField("LogDestinationType", "s3");
                        if (chance(0.5)) {
                            empty(g, "LogExports");
                        } else {
                            strings(g, "LogExports", List.of(LOGS));
                        }
                    } else {
                        time(g, "LastSuccessfulDeliveryTime", delivered);
                        g.writeStringField("LogDestinationType", "cloudwatch");
                        strings(g, "LogExports", chance(0.6) ? List.of(LOGS) : List.of("connectionlog", "userlog"));
                    }
                }
                g.writeEndObject();
            }
        }

        // ---- redshift: parameter groups ----

        private record Parameter(
                String name, String value, String description, String dataType, String allowed, String applyType) {}

        private static final List<Parameter> PARAMETERS = List.of(
                new Parameter("auto_analyze", "true", "Use auto analyze", "boolean", "true,false", "static"),
                new Parameter("auto_mv", "true", "Use auto materialized views", "boolean", "true,false", "static"),
                new Parameter(
                        "datestyle",
                        "ISO, MDY",
                        "Sets the display format for date and time values.",
                        "string",
                        null,
                        "static"),
                new Parameter(
                        "enable_case_sensitive_identifier",
                        "false",
                        "Preserve case sensitivity for database"
                                + " identifiers such as table or column names in parser",
                        "boolean",
                        "true,false",
                        "static"),
                new Parameter(
                        "enable_user_activity_logging",
                        "false",
                        "parameter for audit logging purpose",
                        "boolean",
                        "true,false",
                        "static"),
                new Parameter(
                        "extra_float_digits",
                        "0",
                        "Sets the number of digits displayed for floating-point" + " values",
                        "integer",
                        "-15-2",
                        "static"),
                new Parameter(
                        "max_concurrency_scaling_clusters",
                        "1",
                        "The maximum concurrency scaling clusters can" + " be used.",
                        "integer",
                        "0-10",
                        "dynamic"),
                new Parameter(
                        "max_cursor_result_set_size",
                        "default",
                        "Sets the max cursor result set size",
                        "integer",
                        "0-14400000",
                        "static"),
                new Parameter(
                        "query_group",
                        "default",
                        "This parameter applies a user-defined label to a group of"
                                + " queries that are run during the same session..",
                        "string",
                        null,
                        "static"),
                new Parameter(
                        "require_ssl",
                        "false",
                        "require ssl for all databaseconnections",
                        "boolean",
                        "true,false",
                        "static"),
                new Parameter(
                        "search_path",
                        "$user, public",
                        "Sets the schema search order for names that are not" + " schema-qualified.",
                        "string",
                        null,
                        "static"),
                new Parameter(
                        "statement_timeout",
                        "0",
                        "Aborts any statement that takes over the specified number" + " of milliseconds.",
                        "integer",
                        "0,100-2147483647",
                        "static"),
                new Parameter("use_fips_ssl", "false", "Use fips ssl library", "boolean", "true,false", "static"),
                new Parameter(
                        "wlm_json_configuration",
                        "[{\"auto_wlm\":true}]",
                        "wlm json configuration",
                        "string",
                        null,
                        "static"));

        private void parameterGroups(Scope s) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_CLUSTER_PARAMETER_GROUPS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("ParameterGroups");
                for (ParamGroup p : s.groups) {
                    g.writeStartObject();
                    g.writeStringField("ParameterGroupName", p.name());
                    g.writeStringField("ParameterGroupFamily", p.family());
                    g.writeStringField("Description", p.description());
                    if (p.isDefault()) {
                        empty(g, "Tags");
                    } else {
                        tags(g, "Tags", "owner", "data-platform");
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            for (ParamGroup p : s.groups) {
                parameterGroups++;
                try (ExportWriter.Doc d =
                        w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS, p.name())) {
                    JsonGenerator g = d.g;
                    g.writeStartObject();
                    g.writeArrayFieldStart("Parameters");
                    for (Parameter param : PARAMETERS) {
                        String value = switch (param.name) {
                            case "require_ssl" -> Boolean.toString(p.requireSsl());
                            case "use_fips_ssl" -> Boolean.toString(p.fipsSsl());
                            case "enable_user_activity_logging" -> Boolean.toString(p.userActivityLogging());
                            default -> param.value;
                        };
                        g.writeStartObject();
                        g.writeStringField("ParameterName", param.name);
                        g.writeStringField("ParameterValue", value);
                        g.writeStringField("Description", param.description);
                        g.writeStringField(
                                "Source", p.isDefault() || value.equals(param.value) ? "engine-default" : "user");
                        g.writeStringField("DataType", param.dataType);
                        str(g, "AllowedValues", param.allowed);
                        g.writeStringField("ApplyType", param.applyType);
                        g.writeBooleanField("IsModifiable", true);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
        }

        // ---- redshift: snapshots ----

        private enum Kind {
            AUTOMATED,
            MANUAL,
            ORPHANED,
            COPY,
            SHARED_IN
        }

        private void snapshots(Scope s, Set<Key> used) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_CLUSTER_SNAPSHOTS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("Snapshots");
                int sequence = 0;
                for (int i = 0; i < s.snapshots; i++) {
                    Kind kind = kind(s);
                    snapshot(g, s, kind, ++sequence, used);
                    snapshots++;
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private Kind kind(Scope s) {
            boolean others = plan.accounts.size() > 1;
            double r = rnd.nextDouble();
            if (!s.clusters.isEmpty()) {
                if (r < 0.58) {
                    return Kind.AUTOMATED;
                }
                if (r < 0.84) {
                    return Kind.MANUAL;
                }
                if (r < 0.91) {
                    return Kind.ORPHANED;
                }
                if (r < 0.96) {
                    return s.incomingCopies.isEmpty() ? Kind.MANUAL : Kind.COPY;
                }
                return others ? Kind.SHARED_IN : Kind.MANUAL;
            }
            if (r < 0.75 && !s.incomingCopies.isEmpty()) {
                return Kind.COPY;
            }
            return r >= 0.75 && others ? Kind.SHARED_IN : Kind.ORPHANED;
        }

        private void snapshot(JsonGenerator g, Scope s, Kind kind, int sequence, Set<Key> used) throws IOException {
            String account = s.account.id();
            Cluster c = switch (kind) {
                case AUTOMATED, MANUAL -> plan.pick(s.clusters);
                case COPY -> plan.pick(s.incomingCopies);
                default -> null;
            };
            boolean automatedType = kind == Kind.AUTOMATED || (kind == Kind.COPY && chance(0.6));
            String owner = account;
            if (kind == Kind.SHARED_IN) {
                owner = chance(0.8) ? otherAccount(account) : plan.pick(plan.externalAccounts);
            }
            String clusterId;
            Instant created;
            String nodeType;
            int nodes;
            String user;
            String db;
            int port;
            Instant clusterCreated;
            String kmsKeyId = null;
            boolean encrypted;
            boolean hsm = false;
            boolean evr;
            String track;
            if (c != null) {
                int n = ++c.snapshotsWritten;
                clusterId = c.identifier;
                created = automatedType
                        ? EstatePlan.AS_OF
                                .minus(Duration.ofHours(8L * n + rnd.nextInt(8)))
                                .minusMillis(rnd.nextInt(3_600_000))
                        : plan.daysAgo(0, 900);
                if (created.isBefore(c.created)) {
                    created = c.created.plus(Duration.ofMinutes(37L * n));
                }
                nodeType = c.nodeType;
                nodes = c.nodes;
                user = c.masterUsername;
                db = c.dbName;
                port = c.port;
                clusterCreated = c.created;
                encrypted = c.encrypted();
                hsm = c.encryption == Encryption.HSM;
                evr = c.enhancedVpcRouting;
                track = c.maintenanceTrack;
                if (kind == Kind.COPY) {
                    kmsKeyId = copyKey(s, c);
                } else {
                    kmsKeyId = c.kmsKeyId();
                }
            } else {
                clusterId = plan.pick(
                                new String[] {"analytics", "etl", "reporting", "finance", "legacy-dw", "poc", "sales"})
                        + (kind == Kind.ORPHANED ? "-legacy-" : "-shared-")
                        + (1 + rnd.nextInt(40));
                created = plan.daysAgo(30, 1500);
                clusterCreated = created.minus(Duration.ofDays(30 + rnd.nextInt(700)));
                nodeType = plan.pick(new String[] {"dc2.large", "ra3.xlplus", "ra3.4xlarge", "ds2.xlarge"});
                nodes = 1 + rnd.nextInt(4);
                user = "awsuser";
                db = "dev";
                port = 5439;
                encrypted = chance(0.8);
                if (encrypted) {
                    if (kind == Kind.SHARED_IN) {
                        kmsKeyId = "arn:aws:kms:" + s.region + ":" + owner + ":key/" + plan.uuid();
                    } else {
                        double k = rnd.nextDouble();
                        kmsKeyId = k < 0.6
                                ? plan.pick(s.keys).arn()
                                : k < 0.8 ? s.awsManagedKey.arn() : EstatePlan.AWS_OWNED_KEY;
                    }
                }
                evr = chance(0.5);
                track = "current";
            }
            if (owner.equals(account) && kmsKeyId != null && kmsKeyId.startsWith("arn:")) {
                used.add(keyByArn(s, kmsKeyId));
            }
            String identifier = automatedType
                    ? "rs:" + clusterId + "-" + ExportWriter.stamp(created)
                    : clusterId + "-" + plan.pick(SNAPSHOT_TAGS) + "-"
                            + ExportWriter.stamp(created).substring(0, 10) + "-" + sequence;
            double size = round1(nodes * (2_000 + rnd.nextDouble() * 600_000));
            boolean creating = chance(0.01);
            g.writeStartObject();
            g.writeStringField("SnapshotIdentifier", identifier);
            g.writeStringField("ClusterIdentifier", clusterId);
            time(g, "SnapshotCreateTime", created);
            g.writeStringField("Status", creating ? "creating" : "available");
            g.writeNumberField("Port", port);
            g.writeStringField("AvailabilityZone", s.region + "abc".charAt(rnd.nextInt(3)));
            time(g, "ClusterCreateTime", clusterCreated);
            g.writeStringField("MasterUsername", user);
            g.writeStringField("ClusterVersion", "1.0");
            g.writeStringField("EngineFullVersion", ENGINE + "1.0." + (70000 + rnd.nextInt(30000)));
            g.writeStringField("SnapshotType", automatedType ? "automated" : "manual");
            g.writeStringField("NodeType", nodeType);
            g.writeNumberField("NumberOfNodes", nodes);
            g.writeStringField("DBName", db);
            g.writeStringField("VpcId", kind == Kind.SHARED_IN ? "vpc-" + plan.hex(17) : s.vpcId);
            g.writeBooleanField("Encrypted", encrypted);
            str(g, "KmsKeyId", kmsKeyId);
            g.writeBooleanField("EncryptedWithHSM", hsm);
            if (kind == Kind.SHARED_IN) {
                g.writeArrayFieldStart("AccountsWithRestoreAccess");
                g.writeStartObject();
                g.writeStringField("AccountId", account);
                g.writeEndObject();
                g.writeEndArray();
                sharedIn++;
            } else if (!automatedType && chance(0.1)) {
                g.writeArrayFieldStart("AccountsWithRestoreAccess");
                if (chance(0.15)) {
                    g.writeStartObject();
                    g.writeStringField("AccountAlias", "amazon-redshift-support");
                    g.writeEndObject();
                } else {
                    int n = 1 + rnd.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        g.writeStartObject();
                        g.writeStringField(
                                "AccountId",
                                chance(0.7) && plan.accounts.size() > 1
                                        ? otherAccount(account)
                                        : plan.pick(plan.externalAccounts));
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                sharedOut++;
            }
            g.writeStringField("OwnerAccount", owner);
            g.writeNumberField("TotalBackupSizeInMegaBytes", size);
            g.writeNumberField("ActualIncrementalBackupSizeInMegaBytes", round1(size * rnd.nextDouble() * 0.1));
            g.writeNumberField("BackupProgressInMegaBytes", creating ? round1(size * rnd.nextDouble()) : size);
            g.writeNumberField("CurrentBackupRateInMegaBytesPerSecond", round1(5 + rnd.nextDouble() * 300));
            g.writeNumberField("EstimatedSecondsToCompletion", creating ? 1 + rnd.nextInt(3600) : 0);
            g.writeNumberField("ElapsedTimeInSeconds", 20 + rnd.nextInt(3000));
            if (kind == Kind.COPY) {
                g.writeStringField("SourceRegion", c.scope.region);
                copies++;
            }
            tags(
                    g,
                    "Tags",
                    "env",
                    c != null ? env(c.identifier) : "legacy",
                    "backup-policy",
                    automatedType ? "automated" : "manual");
            strings(
                    g,
                    "RestorableNodeTypes",
                    nodeType.startsWith("ra3") ? List.of(nodeType) : List.of(nodeType, "ra3.xlplus", "ra3.4xlarge"));
            g.writeBooleanField("EnhancedVpcRouting", evr);
            g.writeStringField("MaintenanceTrackName", track);
            if (!automatedType) {
                int retention;
                if (c != null && kind == Kind.COPY) {
                    retention = c.copyManualRetention;
                } else if (c != null) {
                    retention = chance(0.7) ? c.manualRetention : plan.pick(List.of(-1, 7, 30, 90, 365, 3653));
                } else {
                    retention = plan.pick(List.of(-1, -1, -1, 30, 365, 3653));
                }
                g.writeNumberField("ManualSnapshotRetentionPeriod", retention);
                long age = Duration.between(created, EstatePlan.AS_OF).toDays();
                g.writeNumberField("ManualSnapshotRemainingDays", retention < 0 ? -1 : Math.max(0, retention - age));
            }
            time(g, "SnapshotRetentionStartTime", created);
            if (c != null && c.managedPassword) {
                g.writeStringField(
                        "MasterPasswordSecretArn",
                        "arn:aws:secretsmanager:" + c.scope.region + ":" + account + ":secret:redshift!" + c.identifier
                                + "-" + c.masterUsername);
            }
            g.writeStringField(
                    "SnapshotArn",
                    "arn:aws:redshift:" + s.region + ":" + owner + ":snapshot:" + clusterId + "/" + identifier);
            g.writeEndObject();
            if (automatedType) {
                automated++;
            }
            if (kind == Kind.ORPHANED) {
                orphaned++;
            }
        }

        /** The key a cross-region copy is encrypted with in this (the destination) region. */
        private String copyKey(Scope s, Cluster c) {
            switch (c.encryption) {
                case AWS_OWNED:
                    return EstatePlan.AWS_OWNED_KEY;
                case CMK:
                case AWS_MANAGED:
                    EstatePlan.Grant grant = c.copyGrant == null ? null : s.grants.get(c.copyGrant);
                    if (grant == null || grant.keyRef() == null) {
                        return s.awsManagedKey.arn();
                    }
                    return grant.keyRef().equals(EstatePlan.COPY_ALIAS) ? s.aliasTarget.arn() : grant.keyRef();
                default:
                    return null;
            }
        }

        private Key keyByArn(Scope s, String arn) {
            if (s.awsManagedKey.arn().equals(arn)) {
                return s.awsManagedKey;
            }
            for (Key k : s.keys) {
                if (k.arn().equals(arn)) {
                    return k;
                }
            }
            throw new IllegalStateException("no key " + arn + " in " + s.account.id() + "/" + s.region);
        }

        private Key keyById(Scope s, String ref) {
            for (Key k : s.keys) {
                if (k.id().equals(ref) || k.arn().equals(ref)) {
                    return k;
                }
            }
            throw new IllegalStateException("no key " + ref + " in " + s.account.id() + "/" + s.region);
        }

        private String otherAccount(String account) {
            String other;
            do {
                other = plan.pick(plan.accounts).id();
            } while (other.equals(account));
            return other;
        }

        /** One subscription per region, to the team's SNS topic, for the security events of every cluster. */
        private void eventSubscriptions(Scope s) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_EVENT_SUBSCRIPTIONS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("EventSubscriptionsList");
                g.writeStartObject();
                g.writeStringField("CustomerAwsId", s.account.id());
                g.writeStringField("CustSubscriptionId", "redshift-security-" + s.region);
                g.writeStringField("SnsTopicArn", s.arn("sns", "redshift-security"));
                g.writeStringField("Status", "active");
                time(g, "SubscriptionCreationTime", EstatePlan.AS_OF.minus(Duration.ofDays(400)));
                g.writeStringField("SourceType", "cluster");
                empty(g, "SourceIdsList");
                strings(g, "EventCategoriesList", List.of("security"));
                g.writeStringField("Severity", "ERROR");
                g.writeBooleanField("Enabled", true);
                tags(g, "Tags", "owner", "data-platform");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        /**
         * Where a region has two clusters or more, its first lets another account of the estate create endpoints to
         * it (a consumer account's BI tools); elsewhere none.
         */
        private void endpointAuthorizations(Scope s) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_ENDPOINT_AUTHORIZATION)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("EndpointAuthorizationList");
                if (s.clusters.size() > 1) {
                    g.writeStartObject();
                    g.writeStringField("Grantor", s.account.id());
                    g.writeStringField("Grantee", otherAccount(s.account.id()));
                    g.writeStringField("ClusterIdentifier", s.clusters.get(0).identifier);
                    time(g, "AuthorizeTime", EstatePlan.AS_OF.minus(Duration.ofDays(120)));
                    g.writeStringField("ClusterStatus", "available");
                    g.writeStringField("Status", "Authorized");
                    g.writeBooleanField("AllowedAllVPCs", true);
                    empty(g, "AllowedVPCs");
                    g.writeNumberField("EndpointCount", 1);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        /** Where a region has a cluster, one datashare of its first cluster, consumed by another account of the estate. */
        private void datashares(Scope s) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_DATA_SHARES_FOR_PRODUCER)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("DataShares");
                if (!s.clusters.isEmpty()) {
                    String namespace = "5a7e1c2b-4d3f-4e6a-9b8c-" + s.account.id();
                    g.writeStartObject();
                    g.writeStringField("DataShareArn", s.arn("redshift", "datashare:" + namespace + "/sales_share"));
                    g.writeStringField("ProducerArn", s.arn("redshift", "namespace:" + namespace));
                    g.writeBooleanField("AllowPubliclyAccessibleConsumers", false);
                    g.writeArrayFieldStart("DataShareAssociations");
                    g.writeStartObject();
                    g.writeStringField("ConsumerIdentifier", otherAccount(s.account.id()));
                    g.writeStringField("Status", "ACTIVE");
                    time(g, "CreatedDate", EstatePlan.AS_OF.minus(Duration.ofDays(90)));
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        /** The one subnet group the region's clusters use, over three Availability Zones of the region's VPC. */
        private void subnetGroups(Scope s) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_CLUSTER_SUBNET_GROUPS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("ClusterSubnetGroups");
                g.writeStartObject();
                g.writeStringField("ClusterSubnetGroupName", "redshift-subnets-" + s.region);
                g.writeStringField("Description", "Redshift clusters of " + s.region);
                g.writeStringField("VpcId", s.vpcId);
                g.writeStringField("SubnetGroupStatus", "Complete");
                g.writeArrayFieldStart("Subnets");
                String vpc = s.vpcId.substring("vpc-".length());
                for (String zone : List.of("a", "b", "c")) {
                    g.writeStartObject();
                    // a subnet id of the VPC's hex digits, its last one the zone's letter (a hex digit too)
                    g.writeStringField("SubnetIdentifier", "subnet-" + vpc.substring(0, vpc.length() - 1) + zone);
                    g.writeObjectFieldStart("SubnetAvailabilityZone");
                    g.writeStringField("Name", s.region + zone);
                    empty(g, "SupportedPlatforms");
                    g.writeEndObject();
                    g.writeStringField("SubnetStatus", "Active");
                    g.writeEndObject();
                }
                g.writeEndArray();
                tags(g, "Tags", "owner", "data-platform");
                strings(g, "SupportedClusterIpAddressTypes", List.of("ipv4"));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private void copyGrants(Scope s, Set<Key> used, boolean[] aliasUsed) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.DESCRIBE_SNAPSHOT_COPY_GRANTS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("SnapshotCopyGrants");
                for (EstatePlan.Grant grant : s.grants.values()) {
                    g.writeStartObject();
                    g.writeStringField("SnapshotCopyGrantName", grant.name());
                    str(g, "KmsKeyId", grant.keyRef());
                    empty(g, "Tags");
                    g.writeEndObject();
                    if (EstatePlan.COPY_ALIAS.equals(grant.keyRef())) {
                        aliasUsed[0] = true;
                        used.add(s.aliasTarget);
                    } else if (grant.keyRef() != null) {
                        used.add(keyByArn(s, grant.keyRef()));
                    }
                    grants++;
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        // ---- ec2 ----

        private void securityGroups(Scope s) throws IOException {
            String account = s.account.id();
            try (ExportWriter.Doc d = w.open(account, s.region, AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("SecurityGroups");
                for (SecurityGroup sg : s.securityGroups) {
                    securityGroups++;
                    g.writeStartObject();
                    g.writeStringField(
                            "Description",
                            sg.name().equals("default")
                                    ? "default VPC security group"
                                    : "Redshift access for " + sg.name());
                    g.writeStringField("GroupName", sg.name());
                    g.writeArrayFieldStart("IpPermissions");
                    ingress(g, "10.0.0.0/8", "corporate network", false);
                    if (sg.openToWorld()) {
                        ingress(g, "0.0.0.0/0", null, sg.ipv6Open());
                    }
                    if (sg.peerGroupId() != null) {
                        g.writeStartObject();
                        g.writeNumberField("FromPort", 5439);
                        g.writeStringField("IpProtocol", "tcp");
                        empty(g, "IpRanges");
                        empty(g, "Ipv6Ranges");
                        empty(g, "PrefixListIds");
                        g.writeNumberField("ToPort", 5439);
                        g.writeArrayFieldStart("UserIdGroupPairs");
                        g.writeStartObject();
                        g.writeStringField("GroupId", sg.peerGroupId());
                        g.writeStringField("UserId", account);
                        g.writeEndObject();
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeStringField("OwnerId", account);
                    g.writeStringField("GroupId", sg.id());
                    g.writeArrayFieldStart("IpPermissionsEgress");
                    g.writeStartObject();
                    g.writeStringField("IpProtocol", "-1");
                    g.writeArrayFieldStart("IpRanges");
                    g.writeStartObject();
                    g.writeStringField("CidrIp", "0.0.0.0/0");
                    g.writeEndObject();
                    g.writeEndArray();
                    empty(g, "Ipv6Ranges");
                    empty(g, "PrefixListIds");
                    empty(g, "UserIdGroupPairs");
                    g.writeEndObject();
                    g.writeEndArray();
                    if (!sg.name().equals("default")) {
                        tags(g, "Tags", "Name", sg.name());
                    }
                    g.writeStringField("VpcId", sg.vpcId());
                    g.writeStringField("SecurityGroupArn", s.arn("ec2", "security-group/" + sg.id()));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private static void ingress(JsonGenerator g, String cidr, String description, boolean ipv6) throws IOException {
            g.writeStartObject();
            g.writeNumberField("FromPort", 5439);
            g.writeStringField("IpProtocol", "tcp");
            g.writeArrayFieldStart("IpRanges");
            g.writeStartObject();
            g.writeStringField("CidrIp", cidr);
            str(g, "Description", description);
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("Ipv6Ranges");
            if (ipv6) {
                g.writeStartObject();
                g.writeStringField("CidrIpv6", "::/0");
                g.writeEndObject();
            }
            g.writeEndArray();
            empty(g, "PrefixListIds");
            g.writeNumberField("ToPort", 5439);
            empty(g, "UserIdGroupPairs");
            g.writeEndObject();
        }

        // ---- redshift-serverless ----

        private void serverless(Scope s, Set<Key> used) throws IOException {
            String account = s.account.id();
            try (ExportWriter.Doc d = w.open(account, s.region, AwsCliCall.SERVERLESS_LIST_NAMESPACES)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("namespaces");
                for (Namespace ns : s.namespaces) {
                    namespaces++;
                    g.writeStartObject();
                    if (ns.managedPassword) {
                        g.writeStringField(
                                "adminPasswordSecretArn",
                                "arn:aws:secretsmanager:" + s.region + ":" + account + ":secret:redshift!" + ns.name
                                        + "-admin-" + plan.hex(6));
                        g.writeStringField("adminPasswordSecretKmsKeyId", EstatePlan.AWS_OWNED_KEY);
                    }
                    g.writeStringField("adminUsername", ns.adminUsername);
                    time(g, "creationDate", ns.created);
                    g.writeStringField("dbName", "dev");
                    String role = "arn:aws:iam::" + account + ":role/RedshiftServerless-" + ns.name;
                    g.writeStringField("defaultIamRoleArn", role);
                    strings(g, "iamRoles", List.of(role));
                    g.writeStringField("kmsKeyId", ns.keyRef);
                    strings(g, "logExports", ns.logExports);
                    g.writeStringField("namespaceArn", s.arn("redshift-serverless", "namespace/" + ns.id));
                    g.writeStringField("namespaceId", ns.id);
                    g.writeStringField("namespaceName", ns.name);
                    g.writeStringField("status", "AVAILABLE");
                    g.writeEndObject();
                    if (!ns.keyRef.equals(EstatePlan.AWS_OWNED_KEY)) {
                        used.add(keyById(s, ns.keyRef));
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            try (ExportWriter.Doc d = w.open(account, s.region, AwsCliCall.SERVERLESS_LIST_WORKGROUPS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("workgroups");
                for (Namespace ns : s.namespaces) {
                    workgroup(g, s, ns);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            try (ExportWriter.Doc d = w.open(account, s.region, AwsCliCall.SERVERLESS_LIST_SNAPSHOTS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("snapshots");
                for (Namespace ns : s.namespaces) {
                    for (int i = 0; i < ns.snapshots; i++) {
                        serverlessSnapshot(g, s, ns, i, used);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            // no namespace copies its snapshots to another region
            try (ExportWriter.Doc d =
                    w.open(account, s.region, AwsCliCall.SERVERLESS_LIST_SNAPSHOT_COPY_CONFIGURATIONS)) {
                d.g.writeStartObject();
                empty(d.g, "snapshotCopyConfigurations");
                d.g.writeEndObject();
            }
            // no namespace has a snapshot schedule
            try (ExportWriter.Doc d = w.open(account, s.region, AwsCliCall.SERVERLESS_LIST_SCHEDULED_ACTIONS)) {
                d.g.writeStartObject();
                empty(d.g, "scheduledActions");
                d.g.writeEndObject();
            }
        }

        private void workgroup(JsonGenerator g, Scope s, Namespace ns) throws IOException {
            String address =
                    ns.workgroup + "." + s.account.id() + "." + s.region + ".redshift-serverless.amazonaws.com";
            g.writeStartObject();
            g.writeNumberField("baseCapacity", plan.pick(List.of(8, 32, 32, 64, 128)));
            g.writeArrayFieldStart("configParameters");
            String[][] params = {
                {"auto_mv", "true"},
                {"datestyle", "ISO, MDY"},
                {"enable_case_sensitive_identifier", "false"},
                {"enable_user_activity_logging", "true"},
                {"query_group", "default"},
                {"require_ssl", Boolean.toString(ns.requireSsl)},
                {"search_path", "$user, public"},
                {"max_query_execution_time", "14400"},
                {"use_fips_ssl", "false"}
            };
            for (String[] p : params) {
                g.writeStartObject();
                g.writeStringField("parameterKey", p[0]);
                g.writeStringField("parameterValue", p[1]);
                g.writeEndObject();
            }
            g.writeEndArray();
            time(g, "creationDate", ns.created.plus(Duration.ofMinutes(5)));
            g.writeObjectFieldStart("endpoint");
            g.writeStringField("address", address);
            g.writeNumberField("port", 5439);
            g.writeArrayFieldStart("vpcEndpoints");
            g.writeStartObject();
            g.writeArrayFieldStart("networkInterfaces");
            g.writeStartObject();
            g.writeStringField("availabilityZone", s.region + "a");
            g.writeStringField("networkInterfaceId", "eni-" + plan.hex(17));
            g.writeStringField("privateIpAddress", ip("10.2."));
            g.writeStringField("subnetId", "subnet-" + plan.hex(17));
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("vpcEndpointId", "vpce-" + plan.hex(17));
            g.writeStringField("vpcId", s.vpcId);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeBooleanField("enhancedVpcRouting", chance(0.5));
            g.writeStringField("ipAddressType", "ipv4");
            g.writeNumberField("maxCapacity", 512);
            g.writeStringField("namespaceName", ns.name);
            g.writeStringField("patchVersion", "patch 1.0." + (80000 + rnd.nextInt(9999)));
            g.writeNumberField("port", 5439);
            g.writeBooleanField("publiclyAccessible", ns.publiclyAccessible);
            strings(g, "securityGroupIds", ns.securityGroupIds);
            g.writeStringField("status", "AVAILABLE");
            strings(
                    g,
                    "subnetIds",
                    List.of("subnet-" + plan.hex(17), "subnet-" + plan.hex(17), "subnet-" + plan.hex(17)));
            g.writeStringField("trackName", "current");
            g.writeStringField("workgroupArn", s.arn("redshift-serverless", "workgroup/" + ns.workgroupId));
            g.writeStringField("workgroupId", ns.workgroupId);
            g.writeStringField("workgroupName", ns.workgroup);
            g.writeStringField("workgroupVersion", "1.0." + (80000 + rnd.nextInt(9999)));
            g.writeEndObject();
        }

        private void serverlessSnapshot(JsonGenerator g, Scope s, Namespace ns, int i, Set<Key> used)
                throws IOException {
            String account = s.account.id();
            boolean sharedIn = plan.accounts.size() > 1 && chance(0.1);
            String owner = sharedIn ? otherAccount(account) : account;
            String keyRef = sharedIn ? "arn:aws:kms:" + s.region + ":" + owner + ":key/" + plan.uuid() : ns.keyRef;
            Instant created = plan.daysAgo(0, 400);
            String name = ns.name + "-snapshot-" + (i + 1);
            double size = round1(10_000 + rnd.nextDouble() * 900_000);
            int retention = plan.pick(List.of(-1, -1, 7, 30, 365));
            serverlessSnapshots++;
            g.writeStartObject();
            if (!sharedIn && chance(0.15)) {
                strings(g, "accountsWithProvisionedRestoreAccess", List.of(plan.pick(plan.externalAccounts)));
                strings(
                        g,
                        "accountsWithRestoreAccess",
                        plan.accounts.size() > 1
                                ? List.of(otherAccount(account))
                                : List.of(plan.pick(plan.externalAccounts)));
            }
            g.writeNumberField("actualIncrementalBackupSizeInMegaBytes", round1(size * 0.05));
            g.writeStringField("adminUsername", ns.adminUsername);
            g.writeNumberField("backupProgressInMegaBytes", size);
            g.writeNumberField("currentBackupRateInMegaBytesPerSecond", round1(20 + rnd.nextDouble() * 200));
            g.writeNumberField("elapsedTimeInSeconds", 30 + rnd.nextInt(900));
            g.writeNumberField("estimatedSecondsToCompletion", 0);
            g.writeStringField("kmsKeyId", keyRef);
            g.writeStringField(
                    "namespaceArn", "arn:aws:redshift-serverless:" + s.region + ":" + owner + ":namespace/" + ns.id);
            g.writeStringField("namespaceName", ns.name);
            g.writeStringField("ownerAccount", owner);
            g.writeStringField(
                    "snapshotArn",
                    "arn:aws:redshift-serverless:" + s.region + ":" + owner + ":snapshot/" + plan.uuid());
            time(g, "snapshotCreateTime", created);
            g.writeStringField("snapshotName", name);
            long age = Duration.between(created, EstatePlan.AS_OF).toDays();
            g.writeNumberField("snapshotRemainingDays", retention < 0 ? -1 : Math.max(0, retention - age));
            g.writeNumberField("snapshotRetentionPeriod", retention);
            time(g, "snapshotRetentionStartTime", created);
            g.writeStringField("status", "AVAILABLE");
            g.writeNumberField("totalBackupSizeInMegaBytes", size);
            g.writeEndObject();
            if (!sharedIn && !keyRef.equals(EstatePlan.AWS_OWNED_KEY)) {
                used.add(keyById(s, keyRef));
            }
        }

        // ---- cloudtrail ----

        private void trails(Scope s, List<Trail> accountTrails) throws IOException {
            String account = s.account.id();
            List<Trail> listed = new ArrayList<>();
            for (Trail t : accountTrails) {
                if (t.multiRegion() || t.homeRegion().equals(s.region)) {
                    listed.add(t);
                }
            }
            try (ExportWriter.Doc d = w.open(account, s.region, AwsCliCall.CLOUDTRAIL_DESCRIBE_TRAILS)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeArrayFieldStart("trailList");
                for (Trail t : listed) {
                    g.writeStartObject();
                    g.writeStringField("Name", t.name());
                    g.writeStringField("S3BucketName", t.bucket());
                    g.writeBooleanField("IncludeGlobalServiceEvents", t.multiRegion());
                    g.writeBooleanField("IsMultiRegionTrail", t.multiRegion());
                    g.writeStringField("HomeRegion", t.homeRegion());
                    g.writeStringField("TrailARN", t.arn(account));
                    g.writeBooleanField("LogFileValidationEnabled", t.validation());
                    if (t.multiRegion()) {
                        g.writeStringField(
                                "CloudWatchLogsLogGroupArn",
                                "arn:aws:logs:" + t.homeRegion() + ":" + account + ":log-group:aws-cloudtrail-logs-"
                                        + account + ":*");
                        g.writeStringField(
                                "CloudWatchLogsRoleArn",
                                "arn:aws:iam::" + account + ":role/CloudTrailRoleForCloudWatchLogs");
                    }
                    g.writeBooleanField(
                            "HasCustomEventSelectors", !t.selectors().equals("default"));
                    g.writeBooleanField("HasInsightSelectors", false);
                    g.writeBooleanField("IsOrganizationTrail", false);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            for (Trail t : accountTrails) {
                if (t.homeRegion().equals(s.region)) {
                    trailStatus(s, t);
                    eventSelectors(s, t);
                }
            }
        }

        private void trailStatus(Scope s, Trail t) throws IOException {
            try (ExportWriter.Doc d =
                    w.open(s.account.id(), s.region, AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS, t.name())) {
                JsonGenerator g = d.g;
                Instant started = plan.daysAgo(200, 1500);
                Instant delivered = plan.daysAgo(0, 1);
                String attempt = ExportWriter.ts(delivered).substring(0, 19) + "Z";
                g.writeStartObject();
                g.writeBooleanField("IsLogging", t.logging());
                time(g, "LatestDeliveryTime", delivered);
                time(g, "StartLoggingTime", started);
                if (!t.logging()) {
                    time(g, "StopLoggingTime", delivered.plus(Duration.ofMinutes(10)));
                }
                if (t.validation()) {
                    time(g, "LatestDigestDeliveryTime", delivered.minus(Duration.ofMinutes(20)));
                }
                g.writeStringField("LatestDeliveryAttemptTime", attempt);
                g.writeStringField("LatestNotificationAttemptTime", "");
                g.writeStringField("LatestNotificationAttemptSucceeded", "");
                g.writeStringField("LatestDeliveryAttemptSucceeded", attempt);
                g.writeStringField(
                        "TimeLoggingStarted", ExportWriter.ts(started).substring(0, 19) + "Z");
                g.writeStringField(
                        "TimeLoggingStopped",
                        t.logging()
                                ? ""
                                : ExportWriter.ts(delivered.plus(Duration.ofMinutes(10)))
                                                .substring(0, 19) + "Z");
                g.writeEndObject();
            }
        }

        private void eventSelectors(Scope s, Trail t) throws IOException {
            try (ExportWriter.Doc d =
                    w.open(s.account.id(), s.region, AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS, t.name())) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeStringField("TrailARN", t.arn(s.account.id()));
                switch (t.selectors()) {
                    case "advanced-management" -> {
                        g.writeArrayFieldStart("AdvancedEventSelectors");
                        advanced(g, "Management events selector", "eventCategory", "Management", null);
                        g.writeEndArray();
                    }
                    case "advanced-data" -> {
                        g.writeArrayFieldStart("AdvancedEventSelectors");
                        advanced(
                                g,
                                "S3 audit bucket data events",
                                "eventCategory",
                                "Data",
                                "arn:aws:s3:::redshift-audit-logs-" + s.account.id());
                        g.writeEndArray();
                    }
                    default -> {
                        g.writeArrayFieldStart("EventSelectors");
                        g.writeStartObject();
                        g.writeStringField(
                                "ReadWriteType", t.selectors().equals("basic-write-only") ? "WriteOnly" : "All");
                        g.writeBooleanField("IncludeManagementEvents", true);
                        g.writeArrayFieldStart("DataResources");
                        if (t.selectors().equals("basic-all")) {
                            g.writeStartObject();
                            g.writeStringField("Type", "AWS::S3::Object");
                            strings(g, "Values", List.of("arn:aws:s3"));
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        empty(g, "ExcludeManagementEventSources");
                        g.writeEndObject();
                        g.writeEndArray();
                    }
                }
                g.writeEndObject();
            }
        }

        private static void advanced(JsonGenerator g, String name, String field, String category, String bucket)
                throws IOException {
            g.writeStartObject();
            g.writeStringField("Name", name);
            g.writeArrayFieldStart("FieldSelectors");
            g.writeStartObject();
            g.writeStringField("Field", field);
            strings(g, "Equals", List.of(category));
            g.writeEndObject();
            if (bucket != null) {
                g.writeStartObject();
                g.writeStringField("Field", "resources.type");
                strings(g, "Equals", List.of("AWS::S3::Object"));
                g.writeEndObject();
                g.writeStartObject();
                g.writeStringField("Field", "resources.ARN");
                strings(g, "StartsWith", List.of(bucket + "/"));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        // ---- kms ----

        private void describeKey(Scope s, Key k, String fileName) throws IOException {
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.KMS_DESCRIBE_KEY, fileName)) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeObjectFieldStart("KeyMetadata");
                g.writeStringField("AWSAccountId", k.account());
                g.writeStringField("KeyId", k.id());
                g.writeStringField("Arn", k.arn());
                time(g, "CreationDate", k.created());
                g.writeBooleanField("Enabled", k.state().equals("Enabled"));
                g.writeStringField("Description", k.description());
                g.writeStringField("KeyUsage", "ENCRYPT_DECRYPT");
                g.writeStringField("KeyState", k.state());
                if (k.state().equals("PendingDeletion")) {
                    time(g, "DeletionDate", EstatePlan.AS_OF.plus(Duration.ofDays(5)));
                }
                g.writeStringField("Origin", "AWS_KMS");
                g.writeStringField("KeyManager", k.awsManaged() ? "AWS" : "CUSTOMER");
                g.writeStringField("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
                g.writeStringField("KeySpec", "SYMMETRIC_DEFAULT");
                strings(g, "EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"));
                g.writeBooleanField("MultiRegion", false);
                if (k.state().equals("PendingDeletion")) {
                    g.writeNumberField("PendingDeletionWindowInDays", 7);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
        }

        /**
         * The key's policy: AWS's for the AWS managed key; the KMS console's for a customer-managed one, one in eight
         * of them (by key id, so that the rest of the estate does not change) also letting an external account use it.
         */
        private void keyPolicy(Scope s, Key k) throws IOException {
            int pick = k.id().hashCode();
            String policy = k.awsManaged()
                    ? KeyPolicies.awsManaged(k.account(), k.region())
                    : Math.floorMod(pick, 8) == 0 && !plan.externalAccounts.isEmpty()
                            ? KeyPolicies.trusting(
                                    k.account(),
                                    k.region(),
                                    plan.externalAccounts.get(Math.floorMod(pick >> 3, plan.externalAccounts.size())))
                            : KeyPolicies.customerManaged(k.account(), k.region());
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.KMS_GET_KEY_POLICY, k.id())) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeStringField("Policy", policy);
                g.writeStringField("PolicyName", "default");
                g.writeEndObject();
            }
        }

        /**
         * The key's grants: Redshift's own, and, on one customer-managed key in eight (by key id, apart from the ones
         * whose policy opens them), a grant to a role of an external account.
         */
        private void grants(Scope s, Key k) throws IOException {
            int pick = k.id().hashCode() >> 6;
            try (ExportWriter.Doc d = w.open(s.account.id(), s.region, AwsCliCall.KMS_LIST_GRANTS, k.id())) {
                JSON.writeTree(
                        d.g,
                        !k.awsManaged() && Math.floorMod(pick, 8) == 0 && !plan.externalAccounts.isEmpty()
                                ? KeyGrants.toAccount(
                                        k.account(),
                                        k.region(),
                                        k.id(),
                                        plan.externalAccounts.get(
                                                Math.floorMod(pick >> 3, plan.externalAccounts.size())))
                                : KeyGrants.redshift(k.account(), k.region(), k.id()));
            }
        }

        private void rotationStatus(Scope s, Key k) throws IOException {
            try (ExportWriter.Doc d =
                    w.open(s.account.id(), s.region, AwsCliCall.KMS_GET_KEY_ROTATION_STATUS, k.id())) {
                JsonGenerator g = d.g;
                g.writeStartObject();
                g.writeBooleanField("KeyRotationEnabled", k.rotation());
                g.writeStringField("KeyId", k.arn());
                if (k.rotation()) {
                    g.writeNumberField("RotationPeriodInDays", k.rotationDays());
                    time(g, "NextRotationDate", EstatePlan.AS_OF.plus(Duration.ofDays(1 + (k.id().hashCode() & 0xff))));
                }
                g.writeEndObject();
            }
        }
    }
}
