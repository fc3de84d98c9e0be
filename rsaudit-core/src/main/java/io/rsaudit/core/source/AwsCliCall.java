package io.rsaudit.core.source;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.model.Arns;
import java.util.Locale;
import java.util.Optional;

/**
 * Every AWS CLI call the export holds, and where its output lives below an account folder. This table is the
 * single source of truth for the input layout: the loader, the collector script, the IAM policy and the docs
 * are all checked against it by tests.
 */
public enum AwsCliCall {
    STS_GET_CALLER_IDENTITY("sts", "get-caller-identity", false, null, null, null),
    DESCRIBE_CLUSTERS("redshift", "describe-clusters", true, null, "Clusters", "Marker"),
    DESCRIBE_CLUSTER_PARAMETER_GROUPS(
            "redshift", "describe-cluster-parameter-groups", true, null, "ParameterGroups", "Marker"),
    DESCRIBE_CLUSTER_PARAMETERS(
            "redshift", "describe-cluster-parameters", true, "parameter group name", "Parameters", "Marker"),
    DESCRIBE_CLUSTER_SNAPSHOTS("redshift", "describe-cluster-snapshots", true, null, "Snapshots", "Marker"),
    DESCRIBE_LOGGING_STATUS("redshift", "describe-logging-status", true, "cluster identifier", null, null),
    DESCRIBE_SNAPSHOT_COPY_GRANTS(
            "redshift", "describe-snapshot-copy-grants", true, null, "SnapshotCopyGrants", "Marker"),
    DESCRIBE_EVENT_SUBSCRIPTIONS(
            "redshift", "describe-event-subscriptions", true, null, "EventSubscriptionsList", "Marker"),
    DESCRIBE_CLUSTER_SUBNET_GROUPS(
            "redshift", "describe-cluster-subnet-groups", true, null, "ClusterSubnetGroups", "Marker"),
    /** The accounts this account lets create Redshift-managed VPC endpoints to its clusters (it is the grantor). */
    DESCRIBE_ENDPOINT_AUTHORIZATION(
            "redshift", "describe-endpoint-authorization", true, null, "EndpointAuthorizationList", "Marker"),
    /** The datashares this account produces, with their consumers. */
    DESCRIBE_DATA_SHARES_FOR_PRODUCER(
            "redshift", "describe-data-shares-for-producer", true, null, "DataShares", "Marker"),
    KMS_DESCRIBE_KEY("kms", "describe-key", true, "key id (from the key ARN) or alias", null, null),
    KMS_GET_KEY_ROTATION_STATUS("kms", "get-key-rotation-status", true, "key id (from the key ARN)", null, null),
    /**
     * A key's key policy, the one named {@code default} (the only name KMS gives a key policy); KMS answers it only to
     * the key's own account, so it is asked only for the account's own keys.
     */
    KMS_GET_KEY_POLICY("kms", "get-key-policy", true, "key id (from the key ARN)", null, null),
    /**
     * A key's grants; asked only for the account's own keys, as the key policy is (another account may list them only
     * if the key's policy lets it). A page whose {@code Truncated} is true says more follow, as {@code NextMarker}
     * does.
     */
    KMS_LIST_GRANTS("kms", "list-grants", true, "key id (from the key ARN)", "Grants", "NextMarker"),
    CLOUDTRAIL_DESCRIBE_TRAILS("cloudtrail", "describe-trails", true, null, "trailList", null),
    CLOUDTRAIL_GET_TRAIL_STATUS("cloudtrail", "get-trail-status", true, "trail name", null, null),
    CLOUDTRAIL_GET_EVENT_SELECTORS("cloudtrail", "get-event-selectors", true, "trail name", null, null),
    EC2_DESCRIBE_SECURITY_GROUPS("ec2", "describe-security-groups", true, null, "SecurityGroups", "NextToken"),
    SERVERLESS_LIST_NAMESPACES("redshift-serverless", "list-namespaces", true, null, "namespaces", "nextToken"),
    SERVERLESS_LIST_WORKGROUPS("redshift-serverless", "list-workgroups", true, null, "workgroups", "nextToken"),
    SERVERLESS_LIST_SNAPSHOTS("redshift-serverless", "list-snapshots", true, null, "snapshots", "nextToken"),
    SERVERLESS_LIST_SNAPSHOT_COPY_CONFIGURATIONS(
            "redshift-serverless",
            "list-snapshot-copy-configurations",
            true,
            null,
            "snapshotCopyConfigurations",
            "nextToken"),
    /** The region's scheduled actions of every namespace: each action's name and namespace. */
    SERVERLESS_LIST_SCHEDULED_ACTIONS(
            "redshift-serverless", "list-scheduled-actions", true, null, "scheduledActions", "nextToken"),
    /** One scheduled action listed by {@link #SERVERLESS_LIST_SCHEDULED_ACTIONS}: its state, schedule and target. */
    SERVERLESS_GET_SCHEDULED_ACTION(
            "redshift-serverless", "get-scheduled-action", true, "scheduled action name", null, null),
    /** The region's {@code RotateEncryptionKey} events of the last 90 days (the lookup attribute EventName). */
    CLOUDTRAIL_LOOKUP_EVENTS("cloudtrail", "lookup-events", true, null, "Events", "NextToken");

    private final String service;
    private final String operation;
    private final boolean regional;
    private final String perResource;
    private final String listMember;
    private final String pageToken;

    AwsCliCall(
            String service,
            String operation,
            boolean regional,
            String perResource,
            String listMember,
            String pageToken) {
        this.service = service;
        this.operation = operation;
        this.regional = regional;
        this.perResource = perResource;
        this.listMember = listMember;
        this.pageToken = pageToken;
    }

    /** The AWS CLI service name, also the folder name: {@code redshift}, {@code redshift-serverless}... */
    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    /** False for the one account-wide call, which lives directly in the account folder. */
    public boolean regional() {
        return regional;
    }

    /** What names the file of a per-resource call, or {@code null} for a call made once per region. */
    public String perResource() {
        return perResource;
    }

    /** The member holding the list a paged call returns, or {@code null}. */
    public String listMember() {
        return listMember;
    }

    /** The member that says more pages follow, or {@code null} when the call is not paged. */
    public String pageToken() {
        return pageToken;
    }

    /**
     * The boolean member that, true, also says more pages follow ({@code Truncated} of KMS), or {@code null} when the
     * page token alone says so.
     */
    public String truncated() {
        return this == KMS_LIST_GRANTS ? "Truncated" : null;
    }

    /** {@code aws redshift describe-clusters}. */
    public String cli() {
        return "aws " + service + " " + operation;
    }

    /** The IAM action the call needs: {@code redshift:DescribeClusters}. */
    public String iamAction() {
        StringBuilder b = new StringBuilder(service).append(':');
        for (String part : operation.split("-")) {
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }

    /** The file's path below the region (or account) folder: {@code redshift/describe-clusters.json}. */
    public String file() {
        return service + "/" + operation + ".json";
    }

    /** The per-resource file's path: {@code redshift/describe-logging-status/<name>.json}. */
    public String file(String resource) {
        return service + "/" + operation + "/" + fileName(resource) + ".json";
    }

    /**
     * Where a live answer of this call comes from, as a URI that names the account, the region (absent for an
     * account-wide call), the IAM action and the resource a per-resource call was made for:
     * {@code aws://111111111111/eu-west-1/redshift:DescribeLoggingStatus/prod-dw}. The live source adds the page and
     * the request id as a query ({@code ?page=2&request-id=...}); the JSON pointer inside the answer follows as the
     * fragment in a {@link io.rsaudit.core.model.Provenance}.
     */
    public String liveLocation(String account, String region, String resource) {
        StringBuilder b = new StringBuilder(LIVE).append(account).append('/');
        if (regional && region != null) {
            b.append(region).append('/');
        }
        b.append(iamAction());
        if (resource != null) {
            b.append('/').append(fileName(resource));
        }
        return b.toString();
    }

    /** The scheme of {@link #liveLocation}. */
    public static final String LIVE = "aws://";

    /**
     * The call whose output a location holds: a file of the layout, by its path relative to the export's root
     * ({@code 111111111111/eu-west-1/redshift/describe-clusters.json}, a page or a per-resource file of it), or a
     * live answer ({@link #liveLocation}); empty for anything else.
     */
    public static Optional<AwsCliCall> ofLocation(String location) {
        if (location.startsWith(LIVE)) {
            return ofLiveLocation(location);
        }
        // account / [region /] service / operation [/ resource] [.page-N] .json, read by hand: a report asks this
        // for every file of an export, and RE2/J's matcher with groups costs some 15 microseconds a file
        if (!location.endsWith(".json")) {
            return Optional.empty();
        }
        String[] parts =
                location.substring(0, location.length() - ".json".length()).split("/", -1);
        if (parts.length < 3 || parts.length > 5 || !Arns.isAccountId(parts[0])) {
            return Optional.empty();
        }
        boolean regional = isRegion(parts[1]);
        int at = regional ? 2 : 1;
        int rest = parts.length - at;
        if (rest != 2 && rest != 3) {
            return Optional.empty();
        }
        String last = withoutPage(parts[parts.length - 1]);
        String service = parts[at];
        String operation = rest == 2 ? last : parts[at + 1];
        boolean perResource = rest == 3;
        if (!isName(service) || !isName(operation) || perResource && last.isEmpty()) {
            return Optional.empty();
        }
        for (AwsCliCall c : values()) {
            if (c.service.equals(service)
                    && c.operation.equals(operation)
                    && c.regional == regional
                    && (c.perResource != null) == perResource) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code [a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}}: {@code eu-west-1}, {@code us-gov-west-1}. */
    private static boolean isRegion(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
        }
        if (i < 2 || i > 4) {
            return false;
        }
        int words = 0;
        while (i < s.length() && s.charAt(i) == '-') {
            int start = ++i;
            while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                i++;
            }
            if (i == start) {
                int digits = s.length() - start;
                return words > 0 && digits >= 1 && digits <= 2 && isDigits(s, start);
            }
            words++;
        }
        return false;
    }

    /** {@code name} without a final {@code .page-N} (N digits). */
    private static String withoutPage(String name) {
        int dot = name.lastIndexOf(".page-");
        if (dot <= 0 || dot + ".page-".length() == name.length() || !isDigits(name, dot + ".page-".length())) {
            return name;
        }
        return name.substring(0, dot);
    }

    private static boolean isDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z0-9-]+}: a service or an operation of the layout. */
    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Optional<AwsCliCall> ofLiveLocation(String location) {
        Matcher m = LIVE_LOCATION.matcher(location);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean regional = m.group(1) != null;
        for (AwsCliCall c : values()) {
            if (c.iamAction().equals(m.group(2))
                    && c.regional == regional
                    && (c.perResource != null) == (m.group(3) != null)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** aws:// account / [region /] service:Operation [/ resource] [? query] */
    private static final Pattern LIVE_LOCATION = Pattern.compile(
            "aws://\\d{12}/(?:([a-z]{2,4}(?:-[a-z]+)+-\\d{1,2})/)?([a-z0-9-]+:[A-Za-z0-9]+)(/[^/?]+)?(?:\\?.*)?");

    /** File names keep {@code [A-Za-z0-9._-]} and percent-encode the rest (the '/' of an alias, say). */
    public static String fileName(String resource) {
        StringBuilder b = new StringBuilder(resource.length());
        for (byte c : resource.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }
}
