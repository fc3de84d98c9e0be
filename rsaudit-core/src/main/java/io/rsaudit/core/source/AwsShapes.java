package io.rsaudit.core.source;

import java.util.Set;

/**
 * The members the AWS model defines for every shape the AWS CLI source reads, so that a field the model does not
 * know (a typo in a hand-edited export, or an API newer than this table) is reported instead of silently ignored.
 * Generated from the AWS SDK for Java v2 model classes; {@code AwsShapesContractTest} in rsaudit-aws keeps it
 * equal to them.
 */
public final class AwsShapes {

    /** One AWS model shape: its name, the service model it belongs to, and its member names. */
    public record Shape(String name, String service, Set<String> members) {}

    private AwsShapes() {}

    private static Shape shape(String name, String service, String... members) {
        return new Shape(name, service, Set.of(members));
    }

    public static final Shape CALLER_IDENTITY = shape("GetCallerIdentityResponse", "sts", "UserId", "Account", "Arn");

    public static final Shape DESCRIBE_CLUSTERS = shape("DescribeClustersResponse", "redshift", "Marker", "Clusters");

    public static final Shape CLUSTER = shape(
            "Cluster",
            "redshift",
            "ClusterIdentifier",
            "NodeType",
            "ClusterStatus",
            "ClusterAvailabilityStatus",
            "ModifyStatus",
            "MasterUsername",
            "DBName",
            "Endpoint",
            "ClusterCreateTime",
            "AutomatedSnapshotRetentionPeriod",
            "ManualSnapshotRetentionPeriod",
            "ClusterSecurityGroups",
            "VpcSecurityGroups",
            "ClusterParameterGroups",
            "ClusterSubnetGroupName",
            "VpcId",
            "AvailabilityZone",
            "PreferredMaintenanceWindow",
            "PendingModifiedValues",
            "ClusterVersion",
            "AllowVersionUpgrade",
            "NumberOfNodes",
            "PubliclyAccessible",
            "Encrypted",
            "RestoreStatus",
            "DataTransferProgress",
            "HsmStatus",
            "ClusterSnapshotCopyStatus",
            "ClusterPublicKey",
            "ClusterNodes",
            "ElasticIpStatus",
            "ClusterRevisionNumber",
            "Tags",
            "KmsKeyId",
            "EnhancedVpcRouting",
            "IamRoles",
            "PendingActions",
            "MaintenanceTrackName",
            "ElasticResizeNumberOfNodeOptions",
            "DeferredMaintenanceWindows",
            "SnapshotScheduleIdentifier",
            "SnapshotScheduleState",
            "ExpectedNextSnapshotScheduleTime",
            "ExpectedNextSnapshotScheduleTimeStatus",
            "NextMaintenanceWindowStartTime",
            "ResizeInfo",
            "AvailabilityZoneRelocationStatus",
            "ClusterNamespaceArn",
            "TotalStorageCapacityInMegaBytes",
            "AquaConfiguration",
            "DefaultIamRoleArn",
            "ReservedNodeExchangeStatus",
            "CustomDomainName",
            "CustomDomainCertificateArn",
            "CustomDomainCertificateExpiryDate",
            "MasterPasswordSecretArn",
            "MasterPasswordSecretKmsKeyId",
            "IpAddressType",
            "MultiAZ",
            "MultiAZSecondary",
            "LakehouseRegistrationStatus",
            "CatalogArn");

    public static final Shape ENDPOINT = shape("Endpoint", "redshift", "Address", "Port", "VpcEndpoints");

    public static final Shape HSM_STATUS =
            shape("HsmStatus", "redshift", "HsmClientCertificateIdentifier", "HsmConfigurationIdentifier", "Status");

    public static final Shape SNAPSHOT_COPY_STATUS = shape(
            "ClusterSnapshotCopyStatus",
            "redshift",
            "DestinationRegion",
            "RetentionPeriod",
            "ManualSnapshotRetentionPeriod",
            "SnapshotCopyGrantName");

    public static final Shape PARAMETER_GROUP_STATUS = shape(
            "ClusterParameterGroupStatus",
            "redshift",
            "ParameterGroupName",
            "ParameterApplyStatus",
            "ClusterParameterStatusList");

    public static final Shape PARAMETER_STATUS = shape(
            "ClusterParameterStatus",
            "redshift",
            "ParameterName",
            "ParameterApplyStatus",
            "ParameterApplyErrorDescription");

    public static final Shape CLUSTER_SECURITY_GROUP_MEMBERSHIP =
            shape("ClusterSecurityGroupMembership", "redshift", "ClusterSecurityGroupName", "Status");

    public static final Shape VPC_SECURITY_GROUP_MEMBERSHIP =
            shape("VpcSecurityGroupMembership", "redshift", "VpcSecurityGroupId", "Status");

    public static final Shape DESCRIBE_PARAMETER_GROUPS =
            shape("DescribeClusterParameterGroupsResponse", "redshift", "Marker", "ParameterGroups");

    public static final Shape PARAMETER_GROUP = shape(
            "ClusterParameterGroup", "redshift", "ParameterGroupName", "ParameterGroupFamily", "Description", "Tags");

    public static final Shape DESCRIBE_PARAMETERS =
            shape("DescribeClusterParametersResponse", "redshift", "Parameters", "Marker");

    public static final Shape PARAMETER = shape(
            "Parameter",
            "redshift",
            "ParameterName",
            "ParameterValue",
            "Description",
            "Source",
            "DataType",
            "AllowedValues",
            "ApplyType",
            "IsModifiable",
            "MinimumEngineVersion");

    public static final Shape DESCRIBE_SNAPSHOTS =
            shape("DescribeClusterSnapshotsResponse", "redshift", "Marker", "Snapshots");

    public static final Shape SNAPSHOT = shape(
            "Snapshot",
            "redshift",
            "SnapshotIdentifier",
            "ClusterIdentifier",
            "SnapshotCreateTime",
            "Status",
            "Port",
            "AvailabilityZone",
            "ClusterCreateTime",
            "MasterUsername",
            "ClusterVersion",
            "EngineFullVersion",
            "SnapshotType",
            "NodeType",
            "NumberOfNodes",
            "DBName",
            "VpcId",
            "Encrypted",
            "KmsKeyId",
            "EncryptedWithHSM",
            "AccountsWithRestoreAccess",
            "OwnerAccount",
            "TotalBackupSizeInMegaBytes",
            "ActualIncrementalBackupSizeInMegaBytes",
            "BackupProgressInMegaBytes",
            "CurrentBackupRateInMegaBytesPerSecond",
            "EstimatedSecondsToCompletion",
            "ElapsedTimeInSeconds",
            "SourceRegion",
            "Tags",
            "RestorableNodeTypes",
            "EnhancedVpcRouting",
            "MaintenanceTrackName",
            "ManualSnapshotRetentionPeriod",
            "ManualSnapshotRemainingDays",
            "SnapshotRetentionStartTime",
            "MasterPasswordSecretArn",
            "MasterPasswordSecretKmsKeyId",
            "SnapshotArn");

    public static final Shape TAG = shape("Tag", "redshift", "Key", "Value");

    public static final Shape ACCOUNT_WITH_RESTORE_ACCESS =
            shape("AccountWithRestoreAccess", "redshift", "AccountId", "AccountAlias");

    public static final Shape LOGGING_STATUS = shape(
            "DescribeLoggingStatusResponse",
            "redshift",
            "LoggingEnabled",
            "BucketName",
            "S3KeyPrefix",
            "LastSuccessfulDeliveryTime",
            "LastFailureTime",
            "LastFailureMessage",
            "LogDestinationType",
            "LogExports");

    public static final Shape DESCRIBE_COPY_GRANTS =
            shape("DescribeSnapshotCopyGrantsResponse", "redshift", "Marker", "SnapshotCopyGrants");

    public static final Shape COPY_GRANT =
            shape("SnapshotCopyGrant", "redshift", "SnapshotCopyGrantName", "KmsKeyId", "Tags");

    public static final Shape DESCRIBE_EVENT_SUBSCRIPTIONS =
            shape("DescribeEventSubscriptionsResponse", "redshift", "Marker", "EventSubscriptionsList");

    public static final Shape EVENT_SUBSCRIPTION = shape(
            "EventSubscription",
            "redshift",
            "CustomerAwsId",
            "CustSubscriptionId",
            "SnsTopicArn",
            "Status",
            "SubscriptionCreationTime",
            "SourceType",
            "SourceIdsList",
            "EventCategoriesList",
            "Severity",
            "Enabled",
            "Tags");

    public static final Shape DESCRIBE_ENDPOINT_AUTHORIZATION =
            shape("DescribeEndpointAuthorizationResponse", "redshift", "Marker", "EndpointAuthorizationList");

    public static final Shape ENDPOINT_AUTHORIZATION = shape(
            "EndpointAuthorization",
            "redshift",
            "Grantor",
            "Grantee",
            "ClusterIdentifier",
            "AuthorizeTime",
            "ClusterStatus",
            "Status",
            "AllowedAllVPCs",
            "AllowedVPCs",
            "EndpointCount");

    public static final Shape DESCRIBE_DATA_SHARES_FOR_PRODUCER =
            shape("DescribeDataSharesForProducerResponse", "redshift", "Marker", "DataShares");

    public static final Shape DATA_SHARE = shape(
            "DataShare",
            "redshift",
            "DataShareArn",
            "ProducerArn",
            "AllowPubliclyAccessibleConsumers",
            "DataShareAssociations",
            "ManagedBy",
            "DataShareType");

    public static final Shape DATA_SHARE_ASSOCIATION = shape(
            "DataShareAssociation",
            "redshift",
            "ConsumerIdentifier",
            "Status",
            "ConsumerRegion",
            "CreatedDate",
            "StatusChangeDate",
            "ProducerAllowedWrites",
            "ConsumerAcceptedWrites");

    public static final Shape DESCRIBE_SUBNET_GROUPS =
            shape("DescribeClusterSubnetGroupsResponse", "redshift", "Marker", "ClusterSubnetGroups");

    public static final Shape SUBNET_GROUP = shape(
            "ClusterSubnetGroup",
            "redshift",
            "ClusterSubnetGroupName",
            "Description",
            "VpcId",
            "SubnetGroupStatus",
            "Subnets",
            "Tags",
            "SupportedClusterIpAddressTypes");

    public static final Shape SUBNET =
            shape("Subnet", "redshift", "SubnetIdentifier", "SubnetAvailabilityZone", "SubnetStatus");

    public static final Shape AVAILABILITY_ZONE = shape("AvailabilityZone", "redshift", "Name", "SupportedPlatforms");

    public static final Shape DESCRIBE_KEY = shape("DescribeKeyResponse", "kms", "KeyMetadata");

    public static final Shape KEY_METADATA = shape(
            "KeyMetadata",
            "kms",
            "AWSAccountId",
            "KeyId",
            "Arn",
            "CreationDate",
            "Enabled",
            "Description",
            "KeyUsage",
            "KeyState",
            "DeletionDate",
            "ValidTo",
            "Origin",
            "CustomKeyStoreId",
            "CloudHsmClusterId",
            "ExpirationModel",
            "KeyManager",
            "CustomerMasterKeySpec",
            "KeySpec",
            "EncryptionAlgorithms",
            "SigningAlgorithms",
            "KeyAgreementAlgorithms",
            "MultiRegion",
            "MultiRegionConfiguration",
            "PendingDeletionWindowInDays",
            "MacAlgorithms",
            "XksKeyConfiguration",
            "CurrentKeyMaterialId");

    public static final Shape KEY_ROTATION_STATUS = shape(
            "GetKeyRotationStatusResponse",
            "kms",
            "KeyRotationEnabled",
            "KeyId",
            "RotationPeriodInDays",
            "NextRotationDate",
            "OnDemandRotationStartDate");

    public static final Shape KEY_POLICY = shape("GetKeyPolicyResponse", "kms", "Policy", "PolicyName");

    public static final Shape LIST_GRANTS = shape("ListGrantsResponse", "kms", "Grants", "NextMarker", "Truncated");

    public static final Shape GRANT = shape(
            "GrantListEntry",
            "kms",
            "KeyId",
            "GrantId",
            "Name",
            "CreationDate",
            "GranteePrincipal",
            "RetiringPrincipal",
            "IssuingAccount",
            "Operations",
            "Constraints");

    public static final Shape DESCRIBE_TRAILS = shape("DescribeTrailsResponse", "cloudtrail", "trailList");

    public static final Shape TRAIL = shape(
            "Trail",
            "cloudtrail",
            "Name",
            "S3BucketName",
            "S3KeyPrefix",
            "SnsTopicName",
            "SnsTopicARN",
            "IncludeGlobalServiceEvents",
            "IsMultiRegionTrail",
            "HomeRegion",
            "TrailARN",
            "LogFileValidationEnabled",
            "CloudWatchLogsLogGroupArn",
            "CloudWatchLogsRoleArn",
            "KmsKeyId",
            "HasCustomEventSelectors",
            "HasInsightSelectors",
            "IsOrganizationTrail");

    public static final Shape TRAIL_STATUS = shape(
            "GetTrailStatusResponse",
            "cloudtrail",
            "IsLogging",
            "LatestDeliveryError",
            "LatestNotificationError",
            "LatestDeliveryTime",
            "LatestNotificationTime",
            "StartLoggingTime",
            "StopLoggingTime",
            "LatestCloudWatchLogsDeliveryError",
            "LatestCloudWatchLogsDeliveryTime",
            "LatestDigestDeliveryTime",
            "LatestDigestDeliveryError",
            "LatestDeliveryAttemptTime",
            "LatestNotificationAttemptTime",
            "LatestNotificationAttemptSucceeded",
            "LatestDeliveryAttemptSucceeded",
            "TimeLoggingStarted",
            "TimeLoggingStopped");

    public static final Shape EVENT_SELECTORS =
            shape("GetEventSelectorsResponse", "cloudtrail", "TrailARN", "EventSelectors", "AdvancedEventSelectors");

    public static final Shape EVENT_SELECTOR = shape(
            "EventSelector",
            "cloudtrail",
            "ReadWriteType",
            "IncludeManagementEvents",
            "DataResources",
            "ExcludeManagementEventSources");

    public static final Shape ADVANCED_EVENT_SELECTOR =
            shape("AdvancedEventSelector", "cloudtrail", "Name", "FieldSelectors");

    public static final Shape ADVANCED_FIELD_SELECTOR = shape(
            "AdvancedFieldSelector",
            "cloudtrail",
            "Field",
            "Equals",
            "StartsWith",
            "EndsWith",
            "NotEquals",
            "NotStartsWith",
            "NotEndsWith");

    public static final Shape DESCRIBE_SECURITY_GROUPS =
            shape("DescribeSecurityGroupsResponse", "ec2", "NextToken", "SecurityGroups");

    public static final Shape SECURITY_GROUP = shape(
            "SecurityGroup",
            "ec2",
            "GroupId",
            "IpPermissionsEgress",
            "Tags",
            "VpcId",
            "SecurityGroupArn",
            "OwnerId",
            "GroupName",
            "Description",
            "IpPermissions");

    public static final Shape IP_PERMISSION = shape(
            "IpPermission",
            "ec2",
            "IpProtocol",
            "FromPort",
            "ToPort",
            "UserIdGroupPairs",
            "IpRanges",
            "Ipv6Ranges",
            "PrefixListIds");

    public static final Shape IP_RANGE = shape("IpRange", "ec2", "Description", "CidrIp");

    public static final Shape IPV6_RANGE = shape("Ipv6Range", "ec2", "Description", "CidrIpv6");

    public static final Shape LIST_NAMESPACES =
            shape("ListNamespacesResponse", "redshift-serverless", "namespaces", "nextToken");

    public static final Shape NAMESPACE = shape(
            "Namespace",
            "redshift-serverless",
            "adminPasswordSecretArn",
            "adminPasswordSecretKmsKeyId",
            "adminUsername",
            "catalogArn",
            "creationDate",
            "dbName",
            "defaultIamRoleArn",
            "iamRoles",
            "kmsKeyId",
            "lakehouseRegistrationStatus",
            "logExports",
            "namespaceArn",
            "namespaceId",
            "namespaceName",
            "status");

    public static final Shape LIST_WORKGROUPS =
            shape("ListWorkgroupsResponse", "redshift-serverless", "nextToken", "workgroups");

    public static final Shape WORKGROUP = shape(
            "Workgroup",
            "redshift-serverless",
            "baseCapacity",
            "configParameters",
            "creationDate",
            "crossAccountVpcs",
            "customDomainCertificateArn",
            "customDomainCertificateExpiryTime",
            "customDomainName",
            "endpoint",
            "enhancedVpcRouting",
            "ipAddressType",
            "maxCapacity",
            "namespaceName",
            "patchVersion",
            "pendingTrackName",
            "port",
            "pricePerformanceTarget",
            "publiclyAccessible",
            "securityGroupIds",
            "status",
            "subnetIds",
            "trackName",
            "workgroupArn",
            "workgroupId",
            "workgroupName",
            "workgroupVersion");

    public static final Shape CONFIG_PARAMETER =
            shape("ConfigParameter", "redshift-serverless", "parameterKey", "parameterValue");

    public static final Shape SERVERLESS_ENDPOINT =
            shape("Endpoint", "redshift-serverless", "address", "port", "vpcEndpoints");

    public static final Shape LIST_SNAPSHOTS =
            shape("ListSnapshotsResponse", "redshift-serverless", "nextToken", "snapshots");

    public static final Shape SERVERLESS_SNAPSHOT = shape(
            "Snapshot",
            "redshift-serverless",
            "accountsWithProvisionedRestoreAccess",
            "accountsWithRestoreAccess",
            "actualIncrementalBackupSizeInMegaBytes",
            "adminPasswordSecretArn",
            "adminPasswordSecretKmsKeyId",
            "adminUsername",
            "backupProgressInMegaBytes",
            "currentBackupRateInMegaBytesPerSecond",
            "elapsedTimeInSeconds",
            "estimatedSecondsToCompletion",
            "kmsKeyId",
            "namespaceArn",
            "namespaceName",
            "ownerAccount",
            "snapshotArn",
            "snapshotCreateTime",
            "snapshotName",
            "snapshotRemainingDays",
            "snapshotRetentionPeriod",
            "snapshotRetentionStartTime",
            "status",
            "totalBackupSizeInMegaBytes");

    public static final Shape LIST_SNAPSHOT_COPY_CONFIGURATIONS = shape(
            "ListSnapshotCopyConfigurationsResponse", "redshift-serverless", "nextToken", "snapshotCopyConfigurations");

    public static final Shape SNAPSHOT_COPY_CONFIGURATION = shape(
            "SnapshotCopyConfiguration",
            "redshift-serverless",
            "destinationKmsKeyId",
            "destinationRegion",
            "namespaceName",
            "snapshotCopyConfigurationArn",
            "snapshotCopyConfigurationId",
            "snapshotRetentionPeriod");

    public static final Shape LIST_SCHEDULED_ACTIONS =
            shape("ListScheduledActionsResponse", "redshift-serverless", "nextToken", "scheduledActions");

    public static final Shape SCHEDULED_ACTION_ASSOCIATION =
            shape("ScheduledActionAssociation", "redshift-serverless", "namespaceName", "scheduledActionName");

    public static final Shape GET_SCHEDULED_ACTION =
            shape("GetScheduledActionResponse", "redshift-serverless", "scheduledAction");

    public static final Shape SCHEDULED_ACTION = shape(
            "ScheduledActionResponse",
            "redshift-serverless",
            "endTime",
            "namespaceName",
            "nextInvocations",
            "roleArn",
            "schedule",
            "scheduledActionDescription",
            "scheduledActionName",
            "scheduledActionUuid",
            "startTime",
            "state",
            "targetAction");

    public static final Shape TARGET_ACTION = shape("TargetAction", "redshift-serverless", "createSnapshot");

    public static final Shape CREATE_SNAPSHOT_SCHEDULE_ACTION = shape(
            "CreateSnapshotScheduleActionParameters",
            "redshift-serverless",
            "namespaceName",
            "retentionPeriod",
            "snapshotNamePrefix",
            "tags");

    public static final Shape LOOKUP_EVENTS = shape("LookupEventsResponse", "cloudtrail", "Events", "NextToken");

    public static final Shape EVENT = shape(
            "Event",
            "cloudtrail",
            "EventId",
            "EventName",
            "ReadOnly",
            "AccessKeyId",
            "EventTime",
            "EventSource",
            "Username",
            "Resources",
            "CloudTrailEvent");

    public static final Shape EVENT_RESOURCE = shape("Resource", "cloudtrail", "ResourceType", "ResourceName");

    /** Every shape above, for the contract test. */
    public static final java.util.List<Shape> ALL = java.util.List.of(
            CALLER_IDENTITY,
            DESCRIBE_CLUSTERS,
            CLUSTER,
            ENDPOINT,
            HSM_STATUS,
            SNAPSHOT_COPY_STATUS,
            PARAMETER_GROUP_STATUS,
            PARAMETER_STATUS,
            VPC_SECURITY_GROUP_MEMBERSHIP,
            CLUSTER_SECURITY_GROUP_MEMBERSHIP,
            DESCRIBE_PARAMETER_GROUPS,
            PARAMETER_GROUP,
            DESCRIBE_PARAMETERS,
            PARAMETER,
            DESCRIBE_SNAPSHOTS,
            SNAPSHOT,
            ACCOUNT_WITH_RESTORE_ACCESS,
            TAG,
            LOGGING_STATUS,
            DESCRIBE_COPY_GRANTS,
            COPY_GRANT,
            DESCRIBE_EVENT_SUBSCRIPTIONS,
            EVENT_SUBSCRIPTION,
            DESCRIBE_ENDPOINT_AUTHORIZATION,
            ENDPOINT_AUTHORIZATION,
            DESCRIBE_DATA_SHARES_FOR_PRODUCER,
            DATA_SHARE,
            DATA_SHARE_ASSOCIATION,
            DESCRIBE_SUBNET_GROUPS,
            SUBNET_GROUP,
            SUBNET,
            AVAILABILITY_ZONE,
            DESCRIBE_KEY,
            KEY_METADATA,
            KEY_ROTATION_STATUS,
            KEY_POLICY,
            LIST_GRANTS,
            GRANT,
            DESCRIBE_TRAILS,
            TRAIL,
            TRAIL_STATUS,
            EVENT_SELECTORS,
            EVENT_SELECTOR,
            ADVANCED_EVENT_SELECTOR,
            ADVANCED_FIELD_SELECTOR,
            DESCRIBE_SECURITY_GROUPS,
            SECURITY_GROUP,
            IP_PERMISSION,
            IP_RANGE,
            IPV6_RANGE,
            LIST_NAMESPACES,
            NAMESPACE,
            LIST_WORKGROUPS,
            WORKGROUP,
            CONFIG_PARAMETER,
            SERVERLESS_ENDPOINT,
            LIST_SNAPSHOTS,
            SERVERLESS_SNAPSHOT,
            LIST_SNAPSHOT_COPY_CONFIGURATIONS,
            SNAPSHOT_COPY_CONFIGURATION,
            LIST_SCHEDULED_ACTIONS,
            SCHEDULED_ACTION_ASSOCIATION,
            GET_SCHEDULED_ACTION,
            SCHEDULED_ACTION,
            TARGET_ACTION,
            CREATE_SNAPSHOT_SCHEDULE_ACTION,
            LOOKUP_EVENTS,
            EVENT,
            EVENT_RESOURCE);
}
