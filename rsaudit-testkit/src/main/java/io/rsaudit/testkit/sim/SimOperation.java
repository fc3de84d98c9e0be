package io.rsaudit.testkit.sim;

import io.rsaudit.core.source.AwsCliCall;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Every operation the simulator answers: the export file behind it ({@link AwsCliCall}, or none for the ones it
 * makes up from the folder and {@link SimOptions}), the SDK response class whose model shapes the answer, the
 * request member that names the resource of a per-resource call, and how the operation pages.
 */
enum SimOperation {
    GET_CALLER_IDENTITY(SimService.STS, "GetCallerIdentity", null, null, Paging.NONE),
    ASSUME_ROLE(
            SimService.STS,
            "AssumeRole",
            null,
            null,
            Paging.NONE,
            "RoleArn",
            "RoleSessionName",
            "ExternalId",
            "DurationSeconds"),
    DESCRIBE_CLUSTERS(
            SimService.REDSHIFT,
            "DescribeClusters",
            AwsCliCall.DESCRIBE_CLUSTERS,
            null,
            Paging.REDSHIFT,
            "ClusterIdentifier"),
    DESCRIBE_CLUSTER_PARAMETER_GROUPS(
            SimService.REDSHIFT,
            "DescribeClusterParameterGroups",
            AwsCliCall.DESCRIBE_CLUSTER_PARAMETER_GROUPS,
            null,
            Paging.REDSHIFT),
    DESCRIBE_CLUSTER_PARAMETERS(
            SimService.REDSHIFT,
            "DescribeClusterParameters",
            AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS,
            "ParameterGroupName",
            Paging.REDSHIFT),
    DESCRIBE_CLUSTER_SNAPSHOTS(
            SimService.REDSHIFT,
            "DescribeClusterSnapshots",
            AwsCliCall.DESCRIBE_CLUSTER_SNAPSHOTS,
            null,
            Paging.REDSHIFT),
    DESCRIBE_LOGGING_STATUS(
            SimService.REDSHIFT,
            "DescribeLoggingStatus",
            AwsCliCall.DESCRIBE_LOGGING_STATUS,
            "ClusterIdentifier",
            Paging.NONE),
    DESCRIBE_SNAPSHOT_COPY_GRANTS(
            SimService.REDSHIFT,
            "DescribeSnapshotCopyGrants",
            AwsCliCall.DESCRIBE_SNAPSHOT_COPY_GRANTS,
            null,
            Paging.REDSHIFT),
    DESCRIBE_EVENT_SUBSCRIPTIONS(
            SimService.REDSHIFT,
            "DescribeEventSubscriptions",
            AwsCliCall.DESCRIBE_EVENT_SUBSCRIPTIONS,
            null,
            Paging.REDSHIFT),
    DESCRIBE_CLUSTER_SUBNET_GROUPS(
            SimService.REDSHIFT,
            "DescribeClusterSubnetGroups",
            AwsCliCall.DESCRIBE_CLUSTER_SUBNET_GROUPS,
            null,
            Paging.REDSHIFT),
    DESCRIBE_ENDPOINT_AUTHORIZATION(
            SimService.REDSHIFT,
            "DescribeEndpointAuthorization",
            AwsCliCall.DESCRIBE_ENDPOINT_AUTHORIZATION,
            null,
            Paging.REDSHIFT),
    DESCRIBE_DATA_SHARES_FOR_PRODUCER(
            SimService.REDSHIFT,
            "DescribeDataSharesForProducer",
            AwsCliCall.DESCRIBE_DATA_SHARES_FOR_PRODUCER,
            null,
            Paging.REDSHIFT),
    DESCRIBE_REGIONS(SimService.EC2, "DescribeRegions", null, null, Paging.NONE, "AllRegions"),
    DESCRIBE_SECURITY_GROUPS(
            SimService.EC2,
            "DescribeSecurityGroups",
            AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS,
            null,
            Paging.EC2,
            "Filter.",
            "GroupId."),
    DESCRIBE_KEY(SimService.KMS, "DescribeKey", AwsCliCall.KMS_DESCRIBE_KEY, "KeyId", Paging.NONE),
    GET_KEY_ROTATION_STATUS(
            SimService.KMS, "GetKeyRotationStatus", AwsCliCall.KMS_GET_KEY_ROTATION_STATUS, "KeyId", Paging.NONE),
    /** From the export; a key it describes without a policy file has the policy the KMS console writes. */
    GET_KEY_POLICY(SimService.KMS, "GetKeyPolicy", AwsCliCall.KMS_GET_KEY_POLICY, "KeyId", Paging.NONE, "PolicyName"),
    /** From the export; a key it describes without a grants file has the grants Redshift makes for itself. */
    LIST_GRANTS(SimService.KMS, "ListGrants", AwsCliCall.KMS_LIST_GRANTS, "KeyId", Paging.KMS),
    DESCRIBE_TRAILS(
            SimService.CLOUDTRAIL,
            "DescribeTrails",
            AwsCliCall.CLOUDTRAIL_DESCRIBE_TRAILS,
            null,
            Paging.NONE,
            "includeShadowTrails"),
    GET_TRAIL_STATUS(
            SimService.CLOUDTRAIL, "GetTrailStatus", AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS, "Name", Paging.NONE),
    GET_EVENT_SELECTORS(
            SimService.CLOUDTRAIL,
            "GetEventSelectors",
            AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS,
            "TrailName",
            Paging.NONE),
    LIST_NAMESPACES(
            SimService.REDSHIFT_SERVERLESS,
            "ListNamespaces",
            AwsCliCall.SERVERLESS_LIST_NAMESPACES,
            null,
            Paging.SERVERLESS),
    LIST_WORKGROUPS(
            SimService.REDSHIFT_SERVERLESS,
            "ListWorkgroups",
            AwsCliCall.SERVERLESS_LIST_WORKGROUPS,
            null,
            Paging.SERVERLESS),
    LIST_SNAPSHOTS(
            SimService.REDSHIFT_SERVERLESS,
            "ListSnapshots",
            AwsCliCall.SERVERLESS_LIST_SNAPSHOTS,
            null,
            Paging.SERVERLESS),
    /** A Serverless snapshot's sharing as its resource policy (SimWrites keeps it; the fix reads it). */
    GET_RESOURCE_POLICY(SimService.REDSHIFT_SERVERLESS, "GetResourcePolicy", null, null, Paging.NONE, "resourceArn"),
    LIST_SNAPSHOT_COPY_CONFIGURATIONS(
            SimService.REDSHIFT_SERVERLESS,
            "ListSnapshotCopyConfigurations",
            AwsCliCall.SERVERLESS_LIST_SNAPSHOT_COPY_CONFIGURATIONS,
            null,
            Paging.SERVERLESS,
            "namespaceName"),
    LIST_SCHEDULED_ACTIONS(
            SimService.REDSHIFT_SERVERLESS,
            "ListScheduledActions",
            AwsCliCall.SERVERLESS_LIST_SCHEDULED_ACTIONS,
            null,
            Paging.SERVERLESS,
            "namespaceName"),
    GET_SCHEDULED_ACTION(
            SimService.REDSHIFT_SERVERLESS,
            "GetScheduledAction",
            AwsCliCall.SERVERLESS_GET_SCHEDULED_ACTION,
            "scheduledActionName",
            Paging.NONE),
    LOOKUP_EVENTS(
            SimService.CLOUDTRAIL,
            "LookupEvents",
            AwsCliCall.CLOUDTRAIL_LOOKUP_EVENTS,
            null,
            Paging.LOOKUP_EVENTS,
            "LookupAttributes",
            "StartTime",
            "EndTime",
            "EventCategory"),
    LIST_ACCOUNTS(SimService.ORGANIZATIONS, "ListAccounts", null, null, Paging.ORGANIZATIONS),
    // ---- write calls (rsaudit fix): SimWrites changes the served export ----
    MODIFY_CLUSTER(
            SimService.REDSHIFT,
            "ModifyCluster",
            null,
            null,
            Paging.NONE,
            "ClusterIdentifier",
            "PubliclyAccessible",
            "EnhancedVpcRouting",
            "AllowVersionUpgrade",
            "AutomatedSnapshotRetentionPeriod",
            "ManualSnapshotRetentionPeriod",
            "ClusterParameterGroupName",
            "Encrypted",
            "KmsKeyId"),
    CREATE_CLUSTER_PARAMETER_GROUP(
            SimService.REDSHIFT,
            "CreateClusterParameterGroup",
            null,
            null,
            Paging.NONE,
            "ParameterGroupName",
            "ParameterGroupFamily",
            "Description",
            "Tags."),
    MODIFY_CLUSTER_PARAMETER_GROUP(
            SimService.REDSHIFT,
            "ModifyClusterParameterGroup",
            null,
            null,
            Paging.NONE,
            "ParameterGroupName",
            "Parameters."),
    ENABLE_LOGGING(
            SimService.REDSHIFT,
            "EnableLogging",
            null,
            null,
            Paging.NONE,
            "ClusterIdentifier",
            "LogDestinationType",
            "BucketName",
            "S3KeyPrefix",
            "LogExports."),
    DISABLE_SNAPSHOT_COPY(SimService.REDSHIFT, "DisableSnapshotCopy", null, null, Paging.NONE, "ClusterIdentifier"),
    ENABLE_SNAPSHOT_COPY(
            SimService.REDSHIFT,
            "EnableSnapshotCopy",
            null,
            null,
            Paging.NONE,
            "ClusterIdentifier",
            "DestinationRegion",
            "RetentionPeriod",
            "ManualSnapshotRetentionPeriod",
            "SnapshotCopyGrantName"),
    MODIFY_CLUSTER_SNAPSHOT(
            SimService.REDSHIFT,
            "ModifyClusterSnapshot",
            null,
            null,
            Paging.NONE,
            "SnapshotIdentifier",
            "ManualSnapshotRetentionPeriod",
            "Force"),
    REVOKE_SNAPSHOT_ACCESS(
            SimService.REDSHIFT,
            "RevokeSnapshotAccess",
            null,
            null,
            Paging.NONE,
            "SnapshotIdentifier",
            "SnapshotClusterIdentifier",
            "AccountWithRestoreAccess",
            "SnapshotArn"),
    AUTHORIZE_SNAPSHOT_ACCESS(
            SimService.REDSHIFT,
            "AuthorizeSnapshotAccess",
            null,
            null,
            Paging.NONE,
            "SnapshotIdentifier",
            "SnapshotClusterIdentifier",
            "AccountWithRestoreAccess",
            "SnapshotArn"),
    REBOOT_CLUSTER(SimService.REDSHIFT, "RebootCluster", null, null, Paging.NONE, "ClusterIdentifier"),
    ROTATE_ENCRYPTION_KEY(SimService.REDSHIFT, "RotateEncryptionKey", null, null, Paging.NONE, "ClusterIdentifier"),
    ENABLE_KEY_ROTATION(SimService.KMS, "EnableKeyRotation", null, null, Paging.NONE, "KeyId", "RotationPeriodInDays"),
    UPDATE_WORKGROUP(
            SimService.REDSHIFT_SERVERLESS,
            "UpdateWorkgroup",
            null,
            null,
            Paging.NONE,
            "workgroupName",
            "publiclyAccessible",
            "enhancedVpcRouting",
            "configParameters"),
    UPDATE_NAMESPACE(
            SimService.REDSHIFT_SERVERLESS, "UpdateNamespace", null, null, Paging.NONE, "namespaceName", "logExports"),
    UPDATE_SNAPSHOT(
            SimService.REDSHIFT_SERVERLESS,
            "UpdateSnapshot",
            null,
            null,
            Paging.NONE,
            "snapshotName",
            "retentionPeriod"),
    PUT_RESOURCE_POLICY(
            SimService.REDSHIFT_SERVERLESS, "PutResourcePolicy", null, null, Paging.NONE, "resourceArn", "policy");

    /** Whether the operation changes the estate (a write call of rsaudit fix). */
    boolean writes() {
        return ordinal() > LIST_ACCOUNTS.ordinal();
    }

    /**
     * How an operation pages: the request members of the token and the page size, the response member of the next
     * token, and the page sizes AWS accepts. A default of 0 means "everything" (EC2 without MaxResults).
     */
    record Paging(String tokenIn, String sizeIn, String tokenOut, int min, int max, int byDefault) {
        static final Paging NONE = new Paging(null, null, null, 0, 0, 0);
        static final Paging REDSHIFT = new Paging("Marker", "MaxRecords", "Marker", 20, 100, 100);
        static final Paging EC2 = new Paging("NextToken", "MaxResults", "NextToken", 5, 1000, 0);
        static final Paging SERVERLESS = new Paging("nextToken", "maxResults", "nextToken", 1, 100, 100);
        static final Paging ORGANIZATIONS = new Paging("NextToken", "MaxResults", "NextToken", 1, 20, 20);
        static final Paging LOOKUP_EVENTS = new Paging("NextToken", "MaxResults", "NextToken", 1, 50, 50);
        /** KMS's list calls; the answer's {@code Truncated} also says whether more follow. */
        static final Paging KMS = new Paging("Marker", "Limit", "NextMarker", 1, 100, 50);

        boolean pages() {
            return tokenOut != null;
        }
    }

    private final SimService service;
    private final String action;
    private final AwsCliCall call;
    private final String argument;
    private final Paging paging;
    private final Set<String> accepted;

    SimOperation(
            SimService service, String action, AwsCliCall call, String argument, Paging paging, String... parameters) {
        this.service = service;
        this.action = action;
        this.call = call;
        this.argument = argument;
        this.paging = paging;
        this.accepted = Set.of(parameters);
    }

    static Optional<SimOperation> of(SimService service, String action) {
        return Arrays.stream(values())
                .filter(o -> o.service == service && o.action.equals(action))
                .findFirst();
    }

    SimService service() {
        return service;
    }

    String action() {
        return action;
    }

    /** The export file behind the answer, or {@code null} when the simulator makes the answer up. */
    AwsCliCall call() {
        return call;
    }

    /** The request member naming the resource of a per-resource call, or {@code null}. */
    String argument() {
        return argument;
    }

    Paging paging() {
        return paging;
    }

    /** The SDK response class whose model shapes the answer. */
    Class<?> responseClass() {
        return service.modelClass(action + "Response");
    }

    /** The list member of the answer (the SDK member name), or {@code null}. */
    String listMember() {
        return switch (this) {
            case DESCRIBE_REGIONS -> "Regions";
            case LIST_ACCOUNTS -> "Accounts";
            default -> call == null ? null : call.listMember();
        };
    }

    /** Whether a request member is one this operation understands (an EC2 list member by its prefix). */
    boolean accepts(String parameter) {
        if (parameter.equals(argument)
                || parameter.equals(paging.tokenIn)
                || parameter.equals(paging.sizeIn)
                || accepted.contains(parameter)) {
            return true;
        }
        int dot = parameter.indexOf('.');
        return dot > 0 && accepted.contains(parameter.substring(0, dot + 1));
    }
}
