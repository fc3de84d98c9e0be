package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.testkit.sim.ExportEstate.Absent;
import io.rsaudit.testkit.sim.ExportEstate.Failed;
import io.rsaudit.testkit.sim.ExportEstate.Found;
import io.rsaudit.testkit.sim.ExportEstate.Output;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each operation answers: from the export for the calls it holds, made up from the folder and the options
 * for the rest (identity, roles, regions, organization accounts). An answer is a JSON tree with the SDK's member
 * names, which {@link Wire} writes in the protocol's form, or an {@link AwsError}.
 */
final class Answers {

    /** One request, as the simulator understood it. */
    record Call(SimOperation op, String account, String region, Map<String, String> params, String sessionToken) {
        String param(String name) {
            return params.get(name);
        }
    }

    /** An answer that is an AWS error. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient AwsError error;

        Refusal(AwsError error) {
            super(error.code() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        AwsError error() {
            return error;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:.*/)?([^/]+)");
    private static final Pattern FILTER = Pattern.compile("Filter\\.(\\d+)\\.(Name|Value\\.\\d+)");
    private static final String TOKEN_PREFIX = "sim-page:";
    /** Regions AWS ships disabled (an account opts in); the rest are enabled by default. */
    private static final Set<String> OPT_IN_REGIONS = Set.of(
            "af-south-1",
            "ap-east-1",
            "ap-south-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-7",
            "ca-west-1",
            "eu-central-2",
            "eu-south-1",
            "eu-south-2",
            "il-central-1",
            "me-central-1",
            "me-south-1",
            "mx-central-1");

    private static final Instant JOINED = Instant.parse("2020-01-01T00:00:00Z");

    private final ExportEstate estate;
    private final SimOptions options;
    private final SimWrites writes;

    Answers(ExportEstate estate, SimOptions options) {
        this.estate = estate;
        this.options = options;
        this.writes = new SimWrites(estate);
    }

    /** See {@link SimWrites#busyReads}. */
    void busyReads(int reads) {
        writes.busyReads(reads);
    }

    /** See {@link SimWrites#settle}. */
    boolean settle(String account, String region) {
        return writes.settle(account, region);
    }

    JsonNode answer(Call call) throws Refusal {
        SimOperation op = call.op();
        for (String p : call.params().keySet()) {
            if (!op.accepts(p)) {
                throw refuse(op.service().unsupported(op.action() + " with parameter " + p + " is not simulated"));
            }
        }
        return switch (op) {
            case GET_CALLER_IDENTITY -> callerIdentity(call);
            case ASSUME_ROLE -> assumeRole(call);
            case DESCRIBE_REGIONS -> regions(call);
            case LIST_ACCOUNTS -> accounts(call);
            case GET_RESOURCE_POLICY -> writes.resourcePolicy(call);
            default -> op.writes() ? writes.apply(call) : op.argument() == null ? list(call) : perResource(call);
        };
    }

    // ---- made up from the folder and the options ----

    private JsonNode callerIdentity(Call call) {
        ObjectNode out = JSON.createObjectNode();
        String[] session = session(call.sessionToken());
        if (session != null && session[0].equals(call.account())) {
            out.put("UserId", "AROASIM" + call.account() + ":" + session[2]);
            out.put("Arn", "arn:aws:sts::" + call.account() + ":assumed-role/" + session[1] + "/" + session[2]);
        } else {
            out.put("UserId", "AIDASIM" + call.account());
            out.put("Arn", "arn:aws:iam::" + call.account() + ":user/rsaudit");
        }
        out.put("Account", call.account());
        return out;
    }

    private JsonNode assumeRole(Call call) throws Refusal {
        String roleArn = required(call, "RoleArn");
        String sessionName = required(call, "RoleSessionName");
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            throw refuse(new AwsError(
                    "ValidationError",
                    "1 validation error detected: Value '" + roleArn
                            + "' at 'roleArn' failed to satisfy constraint: not a role ARN",
                    400));
        }
        String target = m.group(1);
        if (options.unassumableAccounts().contains(target)) {
            throw refuse(new AwsError(
                    "AccessDenied",
                    "User: " + callerIdentity(call).get("Arn").asText()
                            + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn,
                    403));
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode creds = out.putObject("Credentials");
        creds.put("AccessKeyId", "SIM" + target);
        creds.put("SecretAccessKey", "simulated-secret-" + target);
        creds.put(
                "SessionToken",
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("sim-session:" + target + ":" + m.group(2) + ":" + sessionName)
                                .getBytes(StandardCharsets.UTF_8)));
        creds.put("Expiration", Instant.now().plus(Duration.ofHours(1)).toString());
        ObjectNode user = out.putObject("AssumedRoleUser");
        user.put("AssumedRoleId", "AROASIM" + target + ":" + sessionName);
        user.put("Arn", "arn:aws:sts::" + target + ":assumed-role/" + m.group(2) + "/" + sessionName);
        return out;
    }

    /** account, role, session of a token {@link #assumeRole} issued, or {@code null}. */
    private static String[] session(String token) {
        if (token == null) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = s.split(":", 4);
            return parts.length == 4 && parts[0].equals("sim-session")
                    ? new String[] {parts[1], parts[2], parts[3]}
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode regions(Call call) {
        List<String> enabled = estate.regions(call.account());
        if (enabled.isEmpty()) {
            enabled = estate.allRegions();
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("Regions");
        for (String r : enabled) {
            if (!options.optedOutRegions().contains(r)) {
                region(list, r, OPT_IN_REGIONS.contains(r) ? "opted-in" : "opt-in-not-required");
            }
        }
        if ("true".equalsIgnoreCase(call.param("AllRegions"))) {
            for (String r : options.optedOutRegions()) {
                region(list, r, "not-opted-in");
            }
        }
        return out;
    }

    private static void region(ArrayNode list, String region, String status) {
        ObjectNode r = list.addObject();
        r.put("RegionName", region);
        r.put("Endpoint", "ec2." + region + ".amazonaws.com");
        r.put("OptInStatus", status);
    }

    private JsonNode accounts(Call call) throws Refusal {
        ObjectNode all = JSON.createObjectNode();
        ArrayNode list = all.putArray("Accounts");
        Map<String, String> status = new LinkedHashMap<>();
        estate.accounts().forEach(a -> status.put(a, "ACTIVE"));
        options.suspendedAccounts().forEach(a -> status.put(a, "SUSPENDED"));
        for (Map.Entry<String, String> e : status.entrySet()) {
            ObjectNode a = list.addObject();
            a.put("Id", e.getKey());
            a.put("Arn", "arn:aws:organizations::" + call.account() + ":account/o-simulated/" + e.getKey());
            a.put("Email", "aws+" + e.getKey() + "@example.com");
            a.put("Name", "account-" + e.getKey());
            a.put("Status", e.getValue());
            a.put("State", e.getValue());
            a.put("JoinedMethod", "CREATED");
            a.put("JoinedTimestamp", JOINED.toString());
        }
        return page(call, all, ExportEstate.items(all, "Accounts"));
    }

    // ---- from the export ----

    private JsonNode list(Call call) throws Refusal {
        SimOperation op = call.op();
        Output output = estate.read(call.account(), call.region(), op.call(), null);
        ObjectNode json = output instanceof Found f ? f.json() : JSON.createObjectNode();
        if (output instanceof Failed failed) {
            throw refuse(AwsError.fromCliText(failed.text(), op.service().protocol(), failed.file()));
        }
        List<JsonNode> items = ExportEstate.items(json, op.listMember());
        switch (op) {
            case DESCRIBE_CLUSTERS -> {
                String id = call.param("ClusterIdentifier");
                if (id != null) {
                    items.removeIf(c -> !id.equals(c.path("ClusterIdentifier").asText()));
                    if (items.isEmpty()) {
                        throw refuse(notFound(call, id));
                    }
                }
            }
            case DESCRIBE_SECURITY_GROUPS -> securityGroups(call, items);
            case DESCRIBE_TRAILS -> {
                if ("false".equalsIgnoreCase(call.param("includeShadowTrails"))) {
                    items.removeIf(
                            t -> !call.region().equals(t.path("HomeRegion").asText()));
                }
            }
            case LIST_SNAPSHOT_COPY_CONFIGURATIONS, LIST_SCHEDULED_ACTIONS -> {
                String namespace = call.param("namespaceName");
                if (namespace != null) {
                    items.removeIf(
                            c -> !namespace.equals(c.path("namespaceName").asText()));
                }
            }
            case LOOKUP_EVENTS -> lookupEvents(call, items);
            default -> {
                // the whole list
            }
        }
        return op.paging().pages() ? page(call, json, items) : replace(json, op.listMember(), items);
    }

    private JsonNode perResource(Call call) throws Refusal {
        SimOperation op = call.op();
        String value = required(call, op.argument());
        if (op == SimOperation.GET_KEY_POLICY
                && !"default".equals(call.params().getOrDefault("PolicyName", "default"))) {
            throw refuse(notFound(call, value));
        }
        Output output = estate.read(call.account(), call.region(), op.call(), resourceName(op, value));
        if (output instanceof Failed failed) {
            throw refuse(AwsError.fromCliText(failed.text(), op.service().protocol(), failed.file()));
        }
        if (output instanceof Absent && op == SimOperation.GET_KEY_POLICY) {
            return keyPolicy(call, value);
        }
        ObjectNode json;
        if (output instanceof Found found) {
            json = found.json();
        } else if (op == SimOperation.LIST_GRANTS) {
            String keyId = described(call, value).path("KeyId").asText(resourceName(op, value));
            json = KeyGrants.redshift(call.account(), call.region(), keyId);
        } else {
            throw refuse(notFound(call, value));
        }
        return op.paging().pages() ? page(call, json, ExportEstate.items(json, op.listMember())) : json;
    }

    /** The {@code KeyMetadata} the export holds for the key a per-resource KMS call names; not found without it. */
    private JsonNode described(Call call, String value) throws Refusal {
        String name = resourceName(call.op(), value);
        Output key = estate.read(call.account(), call.region(), AwsCliCall.KMS_DESCRIBE_KEY, name);
        if (!(key instanceof Found described)) {
            throw refuse(notFound(call, value));
        }
        return described.json().path("KeyMetadata");
    }

    /**
     * The policy of a key the export describes but holds no policy file for: the one AWS writes for an AWS managed key,
     * the KMS console's for a customer-managed one.
     */
    private JsonNode keyPolicy(Call call, String value) throws Refusal {
        JsonNode metadata = described(call, value);
        ObjectNode out = JSON.createObjectNode();
        out.put(
                "Policy",
                metadata.path("KeyManager").asText().equals("AWS")
                        ? KeyPolicies.awsManaged(call.account(), call.region())
                        : KeyPolicies.customerManaged(call.account(), call.region()));
        out.put("PolicyName", "default");
        return out;
    }

    /** The name of a per-resource file: a KMS key id or alias, or a trail name, out of an ARN. */
    static String resourceName(SimOperation op, String value) {
        if (!value.startsWith("arn:")) {
            return value;
        }
        String[] parts = value.split(":", 6);
        String resource = parts.length == 6 ? parts[5] : value;
        return switch (op) {
            case DESCRIBE_KEY, GET_KEY_ROTATION_STATUS, GET_KEY_POLICY, LIST_GRANTS ->
                resource.startsWith("key/") ? resource.substring(4) : resource;
            case GET_TRAIL_STATUS, GET_EVENT_SELECTORS ->
                resource.startsWith("trail/") ? resource.substring(6) : resource;
            default -> value;
        };
    }

    /** {@code Filter.N.Name=group-id} with its values, and {@code GroupId.N}, as EC2 applies them. */
    private void securityGroups(Call call, List<JsonNode> items) throws Refusal {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, String> p : call.params().entrySet()) {
            Matcher m = FILTER.matcher(p.getKey());
            if (m.matches()) {
                if (m.group(2).equals("Name")) {
                    names.put(m.group(1), p.getValue());
                } else {
                    values.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>())
                            .add(p.getValue());
                }
            } else if (p.getKey().startsWith("GroupId.")) {
                ids.add(p.getValue());
            }
        }
        for (Map.Entry<String, String> f : names.entrySet()) {
            String member = switch (f.getValue()) {
                case "group-id" -> "GroupId";
                case "group-name" -> "GroupName";
                case "vpc-id" -> "VpcId";
                default ->
                    throw refuse(
                            new AwsError("InvalidParameterValue", "The filter '" + f.getValue() + "' is invalid", 400));
            };
            Set<String> wanted = values.getOrDefault(f.getKey(), Set.of());
            items.removeIf(g -> !wanted.contains(g.path(member).asText()));
        }
        if (!ids.isEmpty()) {
            if (call.param("MaxResults") != null) {
                throw refuse(new AwsError(
                        "InvalidParameterCombination",
                        "The parameter GroupIds cannot be used with" + " the parameter MaxResults",
                        400));
            }
            for (String id : ids) {
                if (items.stream().noneMatch(g -> id.equals(g.path("GroupId").asText()))) {
                    throw refuse(new AwsError(
                            "InvalidGroup.NotFound", "The security group '" + id + "' does not exist", 400));
                }
            }
            items.removeIf(g -> !ids.contains(g.path("GroupId").asText()));
        }
    }

    /**
     * The events CloudTrail's history holds for {@code LookupAttributes} (one attribute: an EventName, EventSource,
     * EventId, ResourceName or ResourceType) between {@code StartTime} and {@code EndTime} (both included, epoch
     * seconds as the JSON protocol sends them), newest first as LookupEvents answers.
     */
    private static void lookupEvents(Call call, List<JsonNode> items) throws Refusal {
        Instant from = epoch(call, "StartTime");
        Instant to = epoch(call, "EndTime");
        if (from != null && to != null && from.isAfter(to)) {
            throw refuse(new AwsError("InvalidTimeRangeException", "Start time must be before end time.", 400));
        }
        items.removeIf(e -> {
            Instant at = eventTime(e.path("EventTime"));
            return at == null || from != null && at.isBefore(from) || to != null && at.isAfter(to);
        });
        String attributes = call.param("LookupAttributes");
        if (attributes != null) {
            JsonNode list;
            try {
                list = JSON.readTree(attributes);
            } catch (java.io.IOException e) {
                throw refuse(new AwsError("InvalidLookupAttributesException", "unreadable LookupAttributes", 400));
            }
            if (list.size() > 1) {
                throw refuse(new AwsError(
                        "InvalidLookupAttributesException", "You can only specify one lookup attribute.", 400));
            }
            for (JsonNode a : list) {
                String key = a.path("AttributeKey").asText();
                String value = a.path("AttributeValue").asText();
                switch (key) {
                    case "EventName", "EventSource", "EventId" ->
                        items.removeIf(e -> !value.equals(e.path(key).asText()));
                    case "ResourceName", "ResourceType" ->
                        items.removeIf(e -> {
                            for (JsonNode r : e.path("Resources")) {
                                if (value.equals(r.path(key).asText())) {
                                    return false;
                                }
                            }
                            return true;
                        });
                    default ->
                        throw refuse(new AwsError(
                                "InvalidLookupAttributesException",
                                "lookup attribute " + key + " is not simulated",
                                400));
                }
            }
        }
        items.sort((a, b) -> eventTime(b.path("EventTime")).compareTo(eventTime(a.path("EventTime"))));
    }

    private static Instant epoch(Call call, String name) throws Refusal {
        String v = call.param(name);
        if (v == null) {
            return null;
        }
        try {
            java.math.BigDecimal seconds = new java.math.BigDecimal(v.strip());
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            throw refuse(new AwsError("ValidationException", name + " is not a timestamp: " + v, 400));
        }
    }

    /** An EventTime as an export holds it: ISO 8601, or epoch seconds (AWS CLI v1). */
    private static Instant eventTime(JsonNode t) {
        if (t.isNumber()) {
            return Instant.ofEpochMilli(t.decimalValue().movePointRight(3).longValue());
        }
        try {
            return java.time.OffsetDateTime.parse(t.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** What AWS answers for a resource it does not have. */
    private static AwsError notFound(Call call, String value) {
        return switch (call.op()) {
            case DESCRIBE_CLUSTERS, DESCRIBE_LOGGING_STATUS ->
                new AwsError("ClusterNotFound", "Cluster " + value + " not found.", 404);
            case DESCRIBE_CLUSTER_PARAMETERS ->
                new AwsError(
                        "ClusterParameterGroupNotFound", "The parameter group " + value + " could not be found.", 404);
            case DESCRIBE_KEY, GET_KEY_ROTATION_STATUS, GET_KEY_POLICY, LIST_GRANTS ->
                new AwsError(
                        "NotFoundException",
                        resourceName(call.op(), value).startsWith("alias/")
                                ? "Alias " + value + " is not found."
                                : "Key '" + value + "' does not exist",
                        400);
            case GET_TRAIL_STATUS, GET_EVENT_SELECTORS ->
                new AwsError(
                        "TrailNotFoundException", "Unknown trail: " + value + " for the user: " + call.account(), 400);
            case GET_SCHEDULED_ACTION ->
                new AwsError("ResourceNotFoundException", "Scheduled action " + value + " not found.", 404);
            default -> throw new IllegalStateException("no not-found answer for " + call.op());
        };
    }

    // ---- pages ----

    /** One page of {@code items}, with the rest of {@code json}, and the token of the next page if any. */
    private JsonNode page(Call call, ObjectNode json, List<JsonNode> items) throws Refusal {
        SimOperation.Paging p = call.op().paging();
        int size = p.byDefault() == 0 ? Integer.MAX_VALUE : p.byDefault();
        String asked = call.param(p.sizeIn());
        if (asked != null) {
            try {
                size = Integer.parseInt(asked.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < p.min() || size > p.max()) {
                throw refuse(call.op()
                        .service()
                        .unsupported(
                                p.sizeIn() + " must be between " + p.min() + " and " + p.max() + ", not " + asked));
            }
        }
        boolean byIds = call.params().keySet().stream().anyMatch(k -> k.startsWith("GroupId."));
        if (options.maxPageSize() > 0 && !byIds) {
            size = Math.min(size, options.maxPageSize());
        }
        int from = offset(call, call.param(p.tokenIn()), items.size());
        int to = (int) Math.min(items.size(), (long) from + size);
        ObjectNode out = replace(json, call.op().listMember(), items.subList(from, to));
        out.remove(p.tokenOut());
        String truncated = call.op().call() == null ? null : call.op().call().truncated();
        if (truncated != null) {
            out.put(truncated, to < items.size());
        }
        if (to < items.size()) {
            out.put(
                    p.tokenOut(),
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString((TOKEN_PREFIX + to).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int offset(Call call, String token, int size) throws Refusal {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int offset = s.startsWith(TOKEN_PREFIX) ? Integer.parseInt(s.substring(TOKEN_PREFIX.length())) : -1;
            if (offset >= 0 && offset <= size) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw refuse(call.op().service().unsupported("invalid pagination token " + token));
    }

    private static ObjectNode replace(ObjectNode json, String member, List<JsonNode> items) {
        ObjectNode out = JSON.createObjectNode();
        json.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(member)) {
                out.set(e.getKey(), e.getValue());
            }
        });
        out.putArray(member).addAll(new ArrayList<>(items));
        return out;
    }

    private static String required(Call call, String name) throws Refusal {
        String v = call.param(name);
        if (v == null || v.isEmpty()) {
            throw refuse(
                    call.op().service().protocol() == Protocol.JSON
                            ? new AwsError(
                                    "ValidationException",
                                    "1 validation error detected: Value null at '" + name
                                            + "' failed to satisfy constraint: Member must not be null",
                                    400)
                            : new AwsError("MissingParameter", "The request must contain the parameter " + name, 400));
        }
        return v;
    }

    static Refusal refuse(AwsError error) {
        return new Refusal(error);
    }
}
