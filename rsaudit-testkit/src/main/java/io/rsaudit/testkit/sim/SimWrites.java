package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.testkit.sim.Answers.Call;
import io.rsaudit.testkit.sim.Answers.Refusal;
import io.rsaudit.testkit.sim.ExportEstate.Found;
import io.rsaudit.testkit.sim.ExportEstate.Output;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write calls of {@code rsaudit fix} and their effect on the served estate: the answers of later reads change
 * as AWS's would. Static parameters behave as in Redshift: a changed parameter group value, or a switch to another
 * group, shows {@code pending-reboot} on every cluster using it until {@code RebootCluster}. A default group cannot
 * be modified. A Serverless snapshot's sharing is its resource policy: {@code GetResourcePolicy} answers the policy last
 * put, else one made from the lists {@code ListSnapshots} reports, and {@code PutResourcePolicy} sets those lists to
 * the accounts its Allow statements let restore. The export folder on disk is never changed. Writes are applied one
 * at a time.
 *
 * <p>A cluster a write changes ({@code ModifyCluster}, {@code RebootCluster}, {@code RotateEncryptionKey}) is busy
 * for the next {@link #busyReads} {@code DescribeClusters} answers of its region ({@code modifying}, {@code
 * rebooting}, {@code rotating-keys}), then {@code available}; meanwhile those writes to it are refused with {@code
 * InvalidClusterState}, as AWS refuses them. With 0 (the default) the change is done at once and the cluster is
 * {@code available}. A status the export itself shows is served as it is.
 */
final class SimWrites {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST_ITEM = Pattern.compile("(\\w+)\\.(?:[A-Za-z]+\\.)?(\\d+)(?:\\.(\\w+))?");

    private final ExportEstate estate;
    /** account|region|snapshot ARN of each resource policy put: the policy text. */
    private final Map<String, String> policies = new HashMap<>();
    /** account|region|cluster of each busy cluster: the DescribeClusters answers left until it is available. */
    private final Map<String, Integer> busy = new HashMap<>();

    private int busyReads;

    SimWrites(ExportEstate estate) {
        this.estate = estate;
    }

    /** How many DescribeClusters answers a cluster a write changed stays busy. */
    synchronized void busyReads(int reads) {
        busyReads = reads;
    }

    /**
     * Before a DescribeClusters answer of the region: each busy cluster counts it, and is available once its count
     * runs out. Returns whether a status changed or is still changing (then the answer cannot come from a cache).
     */
    synchronized boolean settle(String account, String region) {
        String prefix = account + "|" + region + "|";
        boolean any = false;
        for (Map.Entry<String, Integer> e : new ArrayList<>(busy.entrySet())) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            any = true;
            if (e.getValue() > 0) {
                e.setValue(e.getValue() - 1);
                continue;
            }
            busy.remove(e.getKey());
            for (ObjectNode c : clusters(account, region)) {
                if (e.getKey().equals(prefix + c.path("ClusterIdentifier").asText())) {
                    c.put("ClusterStatus", "available");
                }
            }
        }
        return any;
    }

    synchronized JsonNode apply(Call call) throws Refusal {
        return switch (call.op()) {
            case MODIFY_CLUSTER, REBOOT_CLUSTER, ROTATE_ENCRYPTION_KEY -> changeCluster(call);
            default -> write(call);
        };
    }

    /** A write that leaves the cluster busy: refused while it is, then busy (or available at once) after. */
    private JsonNode changeCluster(Call call) throws Refusal {
        ObjectNode c = cluster(call);
        String key = call.account() + "|" + call.region() + "|"
                + c.path("ClusterIdentifier").asText();
        if (busy.containsKey(key)) {
            throw Answers.refuse(new AwsError(
                    "InvalidClusterState",
                    "The cluster " + c.path("ClusterIdentifier").asText() + " is in state "
                            + c.path("ClusterStatus").asText() + "; try again when it is available.",
                    400));
        }
        JsonNode answer = write(call);
        if (busyReads > 0) {
            busy.put(key, busyReads);
            c.put(
                    "ClusterStatus",
                    switch (call.op()) {
                        case REBOOT_CLUSTER -> "rebooting";
                        case ROTATE_ENCRYPTION_KEY -> "rotating-keys";
                        default -> "modifying";
                    });
        } else {
            c.put("ClusterStatus", "available");
        }
        return answer;
    }

    private JsonNode write(Call call) throws Refusal {
        return switch (call.op()) {
            case MODIFY_CLUSTER -> modifyCluster(call);
            case CREATE_CLUSTER_PARAMETER_GROUP -> createGroup(call);
            case MODIFY_CLUSTER_PARAMETER_GROUP -> modifyGroup(call);
            case ENABLE_LOGGING -> enableLogging(call);
            case DISABLE_SNAPSHOT_COPY -> disableCopy(call);
            case ENABLE_SNAPSHOT_COPY -> enableCopy(call);
            case MODIFY_CLUSTER_SNAPSHOT -> modifySnapshot(call);
            case REVOKE_SNAPSHOT_ACCESS -> snapshotAccess(call, false);
            case AUTHORIZE_SNAPSHOT_ACCESS -> snapshotAccess(call, true);
            case REBOOT_CLUSTER -> reboot(call);
            case ROTATE_ENCRYPTION_KEY -> rotateKey(call);
            case ENABLE_KEY_ROTATION -> keyRotation(call);
            case UPDATE_WORKGROUP -> updateWorkgroup(call);
            case UPDATE_NAMESPACE -> updateNamespace(call);
            case UPDATE_SNAPSHOT -> updateSnapshot(call);
            case PUT_RESOURCE_POLICY -> putResourcePolicy(call);
            default -> throw new IllegalStateException(call.op() + " is not a write call");
        };
    }

    // ---- provisioned clusters ----

    private JsonNode modifyCluster(Call call) throws Refusal {
        ObjectNode c = cluster(call);
        for (String member : List.of("PubliclyAccessible", "EnhancedVpcRouting", "AllowVersionUpgrade", "Encrypted")) {
            if (call.param(member) != null) {
                c.put(member, bool(call, member));
            }
        }
        for (String member : List.of("AutomatedSnapshotRetentionPeriod", "ManualSnapshotRetentionPeriod")) {
            if (call.param(member) != null) {
                c.put(member, integer(call, member));
            }
        }
        if (call.param("KmsKeyId") != null) {
            c.put("KmsKeyId", call.param("KmsKeyId"));
        }
        String group = call.param("ClusterParameterGroupName");
        if (group != null) {
            ObjectNode params = groupParameters(call, group);
            ArrayNode groups = c.putArray("ClusterParameterGroups");
            ObjectNode g = groups.addObject();
            g.put("ParameterGroupName", group);
            g.put("ParameterApplyStatus", "pending-reboot");
            ArrayNode statuses = g.putArray("ClusterParameterStatusList");
            for (JsonNode p : params.path("Parameters")) {
                ObjectNode s = statuses.addObject();
                s.put("ParameterName", p.path("ParameterName").asText());
                s.put("ParameterApplyStatus", "pending-reboot");
            }
        }
        return wrap("Cluster", c);
    }

    private JsonNode reboot(Call call) throws Refusal {
        ObjectNode c = cluster(call);
        for (JsonNode g : c.path("ClusterParameterGroups")) {
            ((ObjectNode) g).put("ParameterApplyStatus", "in-sync");
            for (JsonNode s : g.path("ClusterParameterStatusList")) {
                ((ObjectNode) s).put("ParameterApplyStatus", "in-sync");
            }
        }
        return wrap("Cluster", c);
    }

    /** The cluster's data keys rotate; nothing Describe shows changes, and an unencrypted cluster is refused. */
    private JsonNode rotateKey(Call call) throws Refusal {
        ObjectNode c = cluster(call);
        if (!c.path("Encrypted").asBoolean(false)) {
            throw Answers.refuse(new AwsError(
                    "InvalidClusterState",
                    "Cluster " + c.path("ClusterIdentifier").asText() + " is not encrypted.",
                    400));
        }
        return wrap("Cluster", c);
    }

    private JsonNode createGroup(Call call) throws Refusal {
        String name = required(call, "ParameterGroupName");
        String family = required(call, "ParameterGroupFamily");
        ObjectNode list = listFile(call, AwsCliCall.DESCRIBE_CLUSTER_PARAMETER_GROUPS, "ParameterGroups");
        for (JsonNode g : list.path("ParameterGroups")) {
            if (name.equals(g.path("ParameterGroupName").asText())) {
                throw Answers.refuse(new AwsError(
                        "ClusterParameterGroupAlreadyExists", "The parameter group " + name + " already exists.", 400));
            }
        }
        ObjectNode g = ((ArrayNode) list.get("ParameterGroups")).addObject();
        g.put("ParameterGroupName", name);
        g.put("ParameterGroupFamily", family);
        g.put("Description", call.param("Description") == null ? "" : call.param("Description"));
        g.putArray("Tags");
        // a new group starts with the engine defaults of its family, which its default group holds
        ObjectNode params = JSON.createObjectNode();
        ArrayNode out = params.putArray("Parameters");
        Output defaults =
                estate.read(call.account(), call.region(), AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS, "default." + family);
        if (defaults instanceof Found f) {
            for (JsonNode p : f.json().path("Parameters")) {
                ObjectNode copy = p.deepCopy();
                copy.put("Source", "engine-default");
                out.add(copy);
            }
        }
        estate.put(call.account(), call.region(), AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS, name, params);
        return wrap("ClusterParameterGroup", g);
    }

    private JsonNode modifyGroup(Call call) throws Refusal {
        String name = required(call, "ParameterGroupName");
        if (name.startsWith("default.")) {
            throw Answers.refuse(new AwsError(
                    "InvalidClusterParameterGroupState",
                    "You cannot modify a default parameter group (" + name + ").",
                    400));
        }
        ObjectNode params = groupParameters(call, name);
        Map<Integer, Map<String, String>> changes = structuredList(call, "Parameters");
        if (changes.isEmpty()) {
            throw Answers.refuse(new AwsError("MissingParameter", "The request must contain Parameters", 400));
        }
        ArrayNode list = (ArrayNode) params.withArray("Parameters");
        for (Map<String, String> change : changes.values()) {
            String p = change.get("ParameterName");
            String v = change.get("ParameterValue");
            if (p == null) {
                throw Answers.refuse(new AwsError("InvalidParameterValue", "A parameter has no ParameterName", 400));
            }
            ObjectNode found = null;
            for (JsonNode x : list) {
                if (p.equals(x.path("ParameterName").asText())) {
                    found = (ObjectNode) x;
                }
            }
            if (found == null) {
                found = list.addObject();
                found.put("ParameterName", p);
                found.put("ApplyType", "static");
            }
            found.put("ParameterValue", v);
            found.put("Source", "user");
            markPending(call, name, p);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("ParameterGroupName", name);
        out.put(
                "ParameterGroupStatus",
                "Your parameter group has been updated but changes won't get applied until"
                        + " you reboot the associated Clusters.");
        return out;
    }

    /** Every cluster of the region on {@code group} reports {@code parameter} pending-reboot. */
    private void markPending(Call call, String group, String parameter) {
        for (JsonNode c : clusters(call)) {
            for (JsonNode g : c.path("ClusterParameterGroups")) {
                if (!group.equals(g.path("ParameterGroupName").asText())) {
                    continue;
                }
                ArrayNode statuses = ((ObjectNode) g).withArray("ClusterParameterStatusList");
                ObjectNode status = null;
                for (JsonNode s : statuses) {
                    if (parameter.equals(s.path("ParameterName").asText())) {
                        status = (ObjectNode) s;
                    }
                }
                if (status == null) {
                    status = statuses.addObject();
                    status.put("ParameterName", parameter);
                }
                status.put("ParameterApplyStatus", "pending-reboot");
            }
        }
    }

    private JsonNode enableLogging(Call call) throws Refusal {
        String id = required(call, "ClusterIdentifier");
        cluster(call);
        String type = call.param("LogDestinationType") == null ? "s3" : call.param("LogDestinationType");
        if (type.equals("s3") && call.param("BucketName") == null) {
            throw Answers.refuse(
                    new AwsError("InvalidParameterCombination", "BucketName is required for the s3 destination", 400));
        }
        ObjectNode status = JSON.createObjectNode();
        status.put("LoggingEnabled", true);
        status.put("LogDestinationType", type);
        if (type.equals("s3")) {
            status.put("BucketName", call.param("BucketName"));
            if (call.param("S3KeyPrefix") != null) {
                status.put("S3KeyPrefix", call.param("S3KeyPrefix"));
            }
        }
        ArrayNode exports = status.putArray("LogExports");
        for (Map<String, String> item : structuredList(call, "LogExports").values()) {
            exports.add(item.get(""));
        }
        estate.put(call.account(), call.region(), AwsCliCall.DESCRIBE_LOGGING_STATUS, id, status);
        return status;
    }

    private JsonNode disableCopy(Call call) throws Refusal {
        ObjectNode c = cluster(call);
        if (c.path("ClusterSnapshotCopyStatus").isMissingNode()) {
            throw Answers.refuse(new AwsError(
                    "SnapshotCopyAlreadyDisabledFault",
                    "The cluster already has cross-region snapshot copy disabled.",
                    400));
        }
        c.remove("ClusterSnapshotCopyStatus");
        return wrap("Cluster", c);
    }

    private JsonNode enableCopy(Call call) throws Refusal {
        ObjectNode c = cluster(call);
        if (!c.path("ClusterSnapshotCopyStatus").isMissingNode()) {
            throw Answers.refuse(new AwsError(
                    "SnapshotCopyAlreadyEnabledFault",
                    "The cluster already has cross-region snapshot copy enabled.",
                    400));
        }
        ObjectNode s = c.putObject("ClusterSnapshotCopyStatus");
        s.put("DestinationRegion", required(call, "DestinationRegion"));
        s.put("RetentionPeriod", call.param("RetentionPeriod") == null ? 7 : integer(call, "RetentionPeriod"));
        if (call.param("ManualSnapshotRetentionPeriod") != null) {
            s.put("ManualSnapshotRetentionPeriod", integer(call, "ManualSnapshotRetentionPeriod"));
        }
        if (call.param("SnapshotCopyGrantName") != null) {
            s.put("SnapshotCopyGrantName", call.param("SnapshotCopyGrantName"));
        }
        return wrap("Cluster", c);
    }

    private JsonNode modifySnapshot(Call call) throws Refusal {
        ObjectNode s = snapshot(call);
        s.put("ManualSnapshotRetentionPeriod", integer(call, "ManualSnapshotRetentionPeriod"));
        return wrap("Snapshot", s);
    }

    private JsonNode snapshotAccess(Call call, boolean authorize) throws Refusal {
        ObjectNode s = snapshot(call);
        String account = required(call, "AccountWithRestoreAccess");
        ArrayNode accounts = s.withArray("AccountsWithRestoreAccess");
        int at = -1;
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode a = accounts.get(i);
            if (account.equals(a.path("AccountId").asText())
                    || account.equals(a.path("AccountAlias").asText())) {
                at = i;
            }
        }
        if (authorize) {
            if (at >= 0) {
                throw Answers.refuse(new AwsError(
                        "AuthorizationAlreadyExists", "The account " + account + " is already authorized.", 400));
            }
            ObjectNode a = accounts.addObject();
            a.put(account.matches("\\d{12}") ? "AccountId" : "AccountAlias", account);
        } else {
            if (at < 0) {
                throw Answers.refuse(
                        new AwsError("AuthorizationNotFound", "The account " + account + " is not authorized.", 404));
            }
            accounts.remove(at);
        }
        return wrap("Snapshot", s);
    }

    // ---- KMS ----

    private JsonNode keyRotation(Call call) throws Refusal {
        String keyId = required(call, "KeyId");
        String name = Answers.resourceName(SimOperation.GET_KEY_ROTATION_STATUS, keyId);
        Output key = estate.read(call.account(), call.region(), AwsCliCall.KMS_DESCRIBE_KEY, name);
        if (!(key instanceof Found)) {
            throw Answers.refuse(new AwsError("NotFoundException", "Key '" + keyId + "' does not exist", 400));
        }
        ObjectNode status = JSON.createObjectNode();
        status.put("KeyRotationEnabled", true);
        status.put(
                "RotationPeriodInDays",
                call.param("RotationPeriodInDays") == null ? 365 : integer(call, "RotationPeriodInDays"));
        estate.put(call.account(), call.region(), AwsCliCall.KMS_GET_KEY_ROTATION_STATUS, name, status);
        return JSON.createObjectNode();
    }

    // ---- Redshift Serverless ----

    private JsonNode updateWorkgroup(Call call) throws Refusal {
        String name = required(call, "workgroupName");
        ObjectNode w = item(call, AwsCliCall.SERVERLESS_LIST_WORKGROUPS, "workgroups", "workgroupName", name);
        for (String member : List.of("publiclyAccessible", "enhancedVpcRouting")) {
            if (call.param(member) != null) {
                w.put(member, bool(call, member));
            }
        }
        if (call.param("configParameters") != null) {
            ArrayNode current = w.withArray("configParameters");
            for (JsonNode p : jsonArray(call, "configParameters")) {
                String key = p.path("parameterKey").asText();
                ObjectNode found = null;
                for (JsonNode x : current) {
                    if (key.equals(x.path("parameterKey").asText())) {
                        found = (ObjectNode) x;
                    }
                }
                if (found == null) {
                    found = current.addObject();
                    found.put("parameterKey", key);
                }
                found.put("parameterValue", p.path("parameterValue").asText());
            }
        }
        return wrap("workgroup", w);
    }

    private JsonNode updateNamespace(Call call) throws Refusal {
        String name = required(call, "namespaceName");
        ObjectNode n = item(call, AwsCliCall.SERVERLESS_LIST_NAMESPACES, "namespaces", "namespaceName", name);
        if (call.param("logExports") != null) {
            n.set("logExports", jsonArray(call, "logExports"));
        }
        return wrap("namespace", n);
    }

    /** A Serverless snapshot's retention, counted from its creation as AWS counts it. */
    private JsonNode updateSnapshot(Call call) throws Refusal {
        String name = required(call, "snapshotName");
        ObjectNode s = item(call, AwsCliCall.SERVERLESS_LIST_SNAPSHOTS, "snapshots", "snapshotName", name);
        int days = integer(call, "retentionPeriod");
        if (days != -1 && (days < 1 || days > 3653)) {
            throw Answers.refuse(
                    new AwsError("ValidationException", "retentionPeriod must be -1 or between 1 and 3653", 400));
        }
        s.put("snapshotRetentionPeriod", days);
        return wrap("snapshot", s);
    }

    // ---- Serverless snapshot sharing: the resource policy ----

    private static final String RESTORE_TO_NAMESPACE = "redshift-serverless:RestoreFromSnapshot";
    private static final String RESTORE_TO_CLUSTER = "redshift:RestoreFromClusterSnapshot";

    /**
     * The snapshot's resource policy: the one last put, else one made from the sharing ListSnapshots reports (a
     * statement per restore kind); a snapshot shared with no one has none ({@code ResourceNotFoundException}).
     */
    synchronized JsonNode resourcePolicy(Call call) throws Refusal {
        String arn = required(call, "resourceArn");
        ObjectNode s = item(call, AwsCliCall.SERVERLESS_LIST_SNAPSHOTS, "snapshots", "snapshotArn", arn);
        String policy = policies.get(call.account() + "|" + call.region() + "|" + arn);
        if (policy == null) {
            ObjectNode made = JSON.createObjectNode();
            made.put("Version", "2012-10-17");
            ArrayNode statements = made.putArray("Statement");
            statement(statements, s.path("accountsWithRestoreAccess"), RESTORE_TO_NAMESPACE);
            statement(statements, s.path("accountsWithProvisionedRestoreAccess"), RESTORE_TO_CLUSTER);
            if (statements.isEmpty()) {
                throw Answers.refuse(
                        new AwsError("ResourceNotFoundException", "No resource policy found for " + arn, 400));
            }
            policy = made.toString();
        }
        return policyAnswer(arn, policy);
    }

    private static void statement(ArrayNode statements, JsonNode accounts, String action) {
        if (!accounts.isArray() || accounts.isEmpty()) {
            return;
        }
        ObjectNode st = statements.addObject();
        st.put("Effect", "Allow");
        st.putObject("Principal").set("AWS", accounts.deepCopy());
        st.putArray("Action").add(action);
    }

    /** Keeps the policy and shows its sharing in the snapshot's two lists, as ListSnapshots reports it. */
    private JsonNode putResourcePolicy(Call call) throws Refusal {
        String arn = required(call, "resourceArn");
        ObjectNode s = item(call, AwsCliCall.SERVERLESS_LIST_SNAPSHOTS, "snapshots", "snapshotArn", arn);
        JsonNode policy;
        try {
            policy = JSON.readTree(required(call, "policy"));
        } catch (IOException e) {
            policy = null;
        }
        if (policy == null || !policy.isObject() || !policy.has("Statement")) {
            throw Answers.refuse(new AwsError("ValidationException", "The policy is not a valid policy document", 400));
        }
        policies.put(call.account() + "|" + call.region() + "|" + arn, call.param("policy"));
        s.set("accountsWithRestoreAccess", allowed(policy, RESTORE_TO_NAMESPACE));
        s.set("accountsWithProvisionedRestoreAccess", allowed(policy, RESTORE_TO_CLUSTER));
        return policyAnswer(arn, call.param("policy"));
    }

    /** The accounts of the AWS principals of the Allow statements whose actions cover {@code action}. */
    private static ArrayNode allowed(JsonNode policy, String action) {
        java.util.Set<String> accounts = new java.util.LinkedHashSet<>();
        JsonNode statements = policy.path("Statement");
        for (JsonNode st : statements.isObject() ? List.of(statements) : statements) {
            if (!"Allow".equals(st.path("Effect").asText()) || !covers(st.path("Action"), action)) {
                continue;
            }
            JsonNode aws = st.path("Principal").path("AWS");
            for (JsonNode p : aws.isArray() ? aws : JSON.createArrayNode().add(aws)) {
                Matcher m = PRINCIPAL.matcher(p.asText());
                if (m.matches()) {
                    accounts.add(m.group(1));
                }
            }
        }
        ArrayNode out = JSON.createArrayNode();
        accounts.forEach(out::add);
        return out;
    }

    private static final Pattern PRINCIPAL = Pattern.compile("(?:arn:[a-z-]+:(?:iam|sts)::)?(\\d{12})(?::.*)?");

    private static boolean covers(JsonNode actions, String action) {
        for (JsonNode a : actions.isArray() ? actions : JSON.createArrayNode().add(actions)) {
            String glob = "\\Q" + a.asText().toLowerCase(java.util.Locale.ROOT).replace("*", "\\E.*\\Q") + "\\E";
            if (action.toLowerCase(java.util.Locale.ROOT).matches(glob)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode policyAnswer(String arn, String policy) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode p = out.putObject("resourcePolicy");
        p.put("policy", policy);
        p.put("resourceArn", arn);
        return out;
    }

    // ---- finding things ----

    private List<ObjectNode> clusters(Call call) {
        return clusters(call.account(), call.region());
    }

    private List<ObjectNode> clusters(String account, String region) {
        Output out = estate.read(account, region, AwsCliCall.DESCRIBE_CLUSTERS, null);
        List<ObjectNode> list = new ArrayList<>();
        if (out instanceof Found f) {
            f.json().path("Clusters").forEach(c -> list.add((ObjectNode) c));
        }
        return list;
    }

    private ObjectNode cluster(Call call) throws Refusal {
        String id = required(call, "ClusterIdentifier");
        for (ObjectNode c : clusters(call)) {
            if (id.equals(c.path("ClusterIdentifier").asText())) {
                return c;
            }
        }
        throw Answers.refuse(new AwsError("ClusterNotFound", "Cluster " + id + " not found.", 404));
    }

    private ObjectNode snapshot(Call call) throws Refusal {
        String id = required(call, "SnapshotIdentifier");
        Output out = estate.read(call.account(), call.region(), AwsCliCall.DESCRIBE_CLUSTER_SNAPSHOTS, null);
        if (out instanceof Found f) {
            for (JsonNode s : f.json().path("Snapshots")) {
                if (id.equals(s.path("SnapshotIdentifier").asText())
                        && (call.param("SnapshotClusterIdentifier") == null
                                || call.param("SnapshotClusterIdentifier")
                                        .equals(s.path("ClusterIdentifier").asText()))) {
                    return (ObjectNode) s;
                }
            }
        }
        throw Answers.refuse(new AwsError("ClusterSnapshotNotFound", "Snapshot " + id + " not found.", 404));
    }

    private ObjectNode groupParameters(Call call, String group) throws Refusal {
        Output out = estate.read(call.account(), call.region(), AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS, group);
        if (out instanceof Found f) {
            return f.json();
        }
        throw Answers.refuse(new AwsError(
                "ClusterParameterGroupNotFound", "The parameter group " + group + " could not be found.", 404));
    }

    private ObjectNode item(Call call, AwsCliCall file, String member, String key, String name) throws Refusal {
        Output out = estate.read(call.account(), call.region(), file, null);
        if (out instanceof Found f) {
            for (JsonNode x : f.json().path(member)) {
                if (name.equals(x.path(key).asText())) {
                    return (ObjectNode) x;
                }
            }
        }
        throw Answers.refuse(new AwsError("ResourceNotFoundException", name + " not found", 400));
    }

    /** The export's list file for the call's region, made (empty) when the export lacks it. */
    private ObjectNode listFile(Call call, AwsCliCall file, String member) {
        Output out = estate.read(call.account(), call.region(), file, null);
        if (out instanceof Found f) {
            f.json().withArray(member);
            return f.json();
        }
        ObjectNode json = JSON.createObjectNode();
        json.putArray(member);
        estate.put(call.account(), call.region(), file, null, json);
        return json;
    }

    // ---- request members ----

    /**
     * The items of a Query list member ({@code Parameters.Parameter.1.ParameterName}, {@code LogExports.member.2}),
     * by index; a list of plain values has its value under "".
     */
    private static Map<Integer, Map<String, String>> structuredList(Call call, String member) {
        Map<Integer, Map<String, String>> items = new TreeMap<>();
        for (Map.Entry<String, String> p : call.params().entrySet()) {
            Matcher m = LIST_ITEM.matcher(p.getKey());
            if (m.matches() && m.group(1).equals(member)) {
                items.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new TreeMap<>())
                        .put(m.group(3) == null ? "" : m.group(3), p.getValue());
            }
        }
        return items;
    }

    private static ArrayNode jsonArray(Call call, String member) throws Refusal {
        try {
            JsonNode n = JSON.readTree(call.param(member));
            if (n != null && n.isArray()) {
                return (ArrayNode) n;
            }
        } catch (IOException e) {
            // answered below
        }
        throw Answers.refuse(new AwsError("ValidationException", member + " must be a list", 400));
    }

    private static boolean bool(Call call, String member) throws Refusal {
        String v = call.param(member);
        if (!v.equals("true") && !v.equals("false")) {
            throw Answers.refuse(new AwsError("InvalidParameterValue", member + " must be true or false", 400));
        }
        return Boolean.parseBoolean(v);
    }

    private static int integer(Call call, String member) throws Refusal {
        try {
            return Integer.parseInt(required(call, member));
        } catch (NumberFormatException e) {
            throw Answers.refuse(new AwsError("InvalidParameterValue", member + " must be a number", 400));
        }
    }

    private static String required(Call call, String member) throws Refusal {
        String v = call.param(member);
        if (v == null || v.isEmpty()) {
            throw Answers.refuse(new AwsError(
                    call.op().service().protocol() == Protocol.JSON ? "ValidationException" : "MissingParameter",
                    "The request must contain the parameter " + member,
                    400));
        }
        return v;
    }

    private static ObjectNode wrap(String member, JsonNode value) {
        ObjectNode out = JSON.createObjectNode();
        out.set(member, value);
        return out;
    }
}
