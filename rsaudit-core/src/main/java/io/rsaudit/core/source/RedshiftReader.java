package io.rsaudit.core.source;

import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.ClusterParameterGroup;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.ClusterSubnetGroup;
import io.rsaudit.core.model.Datashare;
import io.rsaudit.core.model.EndpointAuthorization;
import io.rsaudit.core.model.EventSubscription;
import io.rsaudit.core.model.HsmStatus;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.ParameterGroupRef;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.RestoreAccess;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.SnapshotCopyGrant;
import io.rsaudit.core.model.SnapshotCopyStatus;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/** Maps the provisioned Redshift calls to model records. */
final class RedshiftReader {

    static final List<String> ALL_LOGS = List.of("connectionlog", "userlog", "useractivitylog");

    static final Projection CLUSTER = Projection.of(
                    AwsShapes.CLUSTER,
                    "ClusterIdentifier",
                    "ClusterStatus",
                    "NodeType",
                    "Encrypted",
                    "KmsKeyId",
                    "PubliclyAccessible",
                    "EnhancedVpcRouting",
                    "AllowVersionUpgrade",
                    "MasterUsername",
                    "MasterPasswordSecretArn",
                    "MultiAZ",
                    "AutomatedSnapshotRetentionPeriod",
                    "ManualSnapshotRetentionPeriod",
                    "ClusterCreateTime")
            .with("Endpoint", Projection.of(AwsShapes.ENDPOINT, "Port"))
            .with("Tags", Projection.of(AwsShapes.TAG, "Key", "Value"))
            .with(
                    "ClusterSecurityGroups",
                    Projection.of(AwsShapes.CLUSTER_SECURITY_GROUP_MEMBERSHIP, "ClusterSecurityGroupName"))
            .with(
                    "HsmStatus",
                    Projection.of(
                            AwsShapes.HSM_STATUS,
                            "HsmClientCertificateIdentifier",
                            "HsmConfigurationIdentifier",
                            "Status"))
            .with("VpcSecurityGroups", Projection.of(AwsShapes.VPC_SECURITY_GROUP_MEMBERSHIP, "VpcSecurityGroupId"))
            .with(
                    "ClusterParameterGroups",
                    Projection.of(AwsShapes.PARAMETER_GROUP_STATUS, "ParameterGroupName", "ParameterApplyStatus")
                            .with(
                                    "ClusterParameterStatusList",
                                    Projection.of(AwsShapes.PARAMETER_STATUS, "ParameterName", "ParameterApplyStatus")))
            .with(
                    "ClusterSnapshotCopyStatus",
                    Projection.of(
                            AwsShapes.SNAPSHOT_COPY_STATUS,
                            "DestinationRegion",
                            "RetentionPeriod",
                            "ManualSnapshotRetentionPeriod",
                            "SnapshotCopyGrantName"));

    static final Projection SNAPSHOT = Projection.of(
                    AwsShapes.SNAPSHOT,
                    "SnapshotIdentifier",
                    "OwnerAccount",
                    "ClusterIdentifier",
                    "SnapshotArn",
                    "SnapshotType",
                    "Status",
                    "SnapshotCreateTime",
                    "Encrypted",
                    "KmsKeyId",
                    "EncryptedWithHSM",
                    "ManualSnapshotRetentionPeriod",
                    "TotalBackupSizeInMegaBytes",
                    "SourceRegion")
            .with(
                    "AccountsWithRestoreAccess",
                    Projection.of(AwsShapes.ACCOUNT_WITH_RESTORE_ACCESS, "AccountId", "AccountAlias"))
            .with("Tags", Projection.of(AwsShapes.TAG, "Key", "Value"));

    static final Projection LOGGING_STATUS = Projection.of(
            AwsShapes.LOGGING_STATUS,
            "BucketName",
            "LogDestinationType",
            "LogExports",
            "LoggingEnabled",
            "LastSuccessfulDeliveryTime",
            "LastFailureTime",
            "LastFailureMessage");

    static final Projection PARAMETER = Projection.of(AwsShapes.PARAMETER, "ParameterName", "ParameterValue");

    static final Projection PARAMETER_GROUP = Projection.of(
                    AwsShapes.PARAMETER_GROUP, "ParameterGroupName", "ParameterGroupFamily")
            .with("Tags", Projection.of(AwsShapes.TAG, "Key", "Value"));

    static final Projection COPY_GRANT = Projection.of(AwsShapes.COPY_GRANT, "SnapshotCopyGrantName", "KmsKeyId");

    /** The resource type of a datashare's ARN: {@code arn:aws:redshift:<region>:<account>:datashare:<ns>/<name>}. */
    private static final String DATASHARE_ARN = "datashare";

    static final Projection DATA_SHARE = Projection.of(AwsShapes.DATA_SHARE, "DataShareArn")
            .with(
                    "DataShareAssociations",
                    Projection.of(AwsShapes.DATA_SHARE_ASSOCIATION, "ConsumerIdentifier", "Status"));

    static final Projection ENDPOINT_AUTHORIZATION =
            Projection.of(AwsShapes.ENDPOINT_AUTHORIZATION, "ClusterIdentifier", "Grantee");

    /** The resource types of their ARNs: {@code arn:aws:redshift:<region>:<account>:subnetgroup:<name>}. */
    private static final String EVENT_SUBSCRIPTION_ARN = "eventsubscription";

    private static final String SUBNET_GROUP_ARN = "subnetgroup";

    static final Projection EVENT_SUBSCRIPTION = Projection.of(
                    AwsShapes.EVENT_SUBSCRIPTION, "CustSubscriptionId", "SourceType", "Enabled", "Status")
            .with("Tags", Projection.of(AwsShapes.TAG, "Key", "Value"));

    static final Projection SUBNET_GROUP = Projection.of(
                    AwsShapes.SUBNET_GROUP, "ClusterSubnetGroupName", "VpcId", "SubnetGroupStatus")
            .with(
                    "Subnets",
                    Projection.of(AwsShapes.SUBNET, "SubnetIdentifier")
                            .with("SubnetAvailabilityZone", Projection.of(AwsShapes.AVAILABILITY_ZONE, "Name")))
            .with("Tags", Projection.of(AwsShapes.TAG, "Key", "Value"));

    /*
     * What the absence of a member of a cluster or a snapshot means, made once for the values of every one of them.
     */
    private static final Absent KEEP_FOREVER =
            Absent.defaultsTo(-1, "ManualSnapshotRetentionPeriod is absent: the AWS default is -1 (keep forever)");

    private static final Absent NO_CLASSIC_SECURITY_GROUP =
            Absent.defaultsTo(List.of(), "ClusterSecurityGroups is absent: no EC2-Classic security group");

    private static final Absent NO_TAG = Absent.defaultsTo(List.of(), "Tags is absent: the resource has no tag");

    private static final Reason OWNED_HERE = Reason.of(
            Reason.Kind.AWS_DEFAULT,
            "OwnerAccount is absent: the snapshot is taken to belong to the account it was collected in");

    private static final Absent NOT_HSM_ENCRYPTED =
            Absent.defaultsTo(false, "EncryptedWithHSM is absent: not HSM-encrypted");

    private static final Absent SHARED_WITH_NO_ACCOUNT =
            Absent.defaultsTo(List.of(), "AccountsWithRestoreAccess is absent: shared with no account");

    private final ExportReader export;

    RedshiftReader(ExportReader export) {
        this.export = export;
    }

    /**
     * The clusters of {@code scope}; {@code unnamed} hears where each record without a usable
     * {@code ClusterIdentifier} starts (already reported, and not judged).
     */
    ExportReader.Listing clusters(Scope scope, Consumer<Cluster> sink, Consumer<Provenance> unnamed) {
        return export.elements(
                scope, AwsCliCall.DESCRIBE_CLUSTERS, Projection.of(AwsShapes.DESCRIBE_CLUSTERS), CLUSTER, n -> {
                    Cluster c = cluster(scope, n);
                    if (c == null) {
                        unnamed.accept(n.provenance());
                    } else {
                        sink.accept(c);
                    }
                });
    }

    /** Hands on a record; {@code null} is a record that could not be named (already reported). */
    static <T> void accept(T record, Consumer<T> sink) {
        if (record != null) {
            sink.accept(record);
        }
    }

    private Cluster cluster(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "ClusterIdentifier", "a cluster");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.CLUSTER, scope, name, Arns.redshift(scope, "cluster", name), n.provenance());
        Value<ResponseObject> endpoint = n.object("Endpoint");
        Value<Integer> port = endpoint.isPresent()
                ? endpoint.value().integer("Port", Absent.UNKNOWN)
                : endpoint.isUnknown()
                        ? endpoint.map(e -> null)
                        : Value.unknown(
                                n.at("Endpoint"),
                                Reason.Kind.ABSENT,
                                "the cluster has no endpoint yet (it is still being created or restored)");
        return new Cluster(
                id,
                n.text("ClusterStatus", Absent.UNKNOWN),
                n.text("NodeType", Absent.UNKNOWN),
                n.bool("Encrypted", Absent.UNKNOWN),
                n.text("KmsKeyId", Absent.NOT_SET),
                n.object("HsmStatus")
                        .map(h -> new HsmStatus(
                                h.text("HsmClientCertificateIdentifier", Absent.NOT_SET),
                                h.text("HsmConfigurationIdentifier", Absent.NOT_SET),
                                h.text("Status", Absent.UNKNOWN))),
                n.bool("PubliclyAccessible", Absent.UNKNOWN),
                n.bool("EnhancedVpcRouting", Absent.UNKNOWN),
                n.bool("AllowVersionUpgrade", Absent.UNKNOWN),
                port,
                n.text("MasterUsername", Absent.UNKNOWN),
                n.text("MasterPasswordSecretArn", Absent.NOT_SET),
                // DescribeClusters reports MultiAZ for every cluster; only an AWS CLI older than the member drops it
                n.text("MultiAZ", Absent.UNKNOWN),
                n.integer("AutomatedSnapshotRetentionPeriod", Absent.UNKNOWN),
                n.integer("ManualSnapshotRetentionPeriod", KEEP_FOREVER),
                parameterGroup(n),
                securityGroupIds(n),
                n.object("ClusterSnapshotCopyStatus")
                        .map(c -> new SnapshotCopyStatus(
                                c.text("DestinationRegion", Absent.UNKNOWN),
                                c.longInteger("RetentionPeriod", Absent.NOT_SET),
                                c.integer("ManualSnapshotRetentionPeriod", Absent.NOT_SET),
                                c.text("SnapshotCopyGrantName", Absent.NOT_SET))),
                tags(n),
                classicSecurityGroups(n),
                n.instant("ClusterCreateTime", Absent.NOT_SET));
    }

    /**
     * The EC2-Classic cluster security groups: absent or empty for a cluster in a VPC. An entry without its name
     * leaves them unknown, since it still names a group that could admit anyone.
     */
    private static Value<List<String>> classicSecurityGroups(ResponseObject n) {
        Value<List<ResponseObject>> list = allObjects(n, "ClusterSecurityGroups", NO_CLASSIC_SECURITY_GROUP);
        if (!list.isPresent()) {
            return list.map(x -> null);
        }
        List<String> names = new ArrayList<>();
        for (ResponseObject g : list.value()) {
            Value<String> name = g.text("ClusterSecurityGroupName", Absent.UNKNOWN);
            if (!name.isPresent()) {
                return name.isUnknown()
                        ? name.map(x -> null)
                        : Value.unknown(name.provenance(), Reason.Kind.ABSENT, "ClusterSecurityGroupName is empty");
            }
            names.add(name.value());
        }
        return list.map(x -> List.copyOf(names));
    }

    /**
     * The objects of list member {@code member}, unknown as a whole when an entry is not an object: what the entry
     * held could be the one value that decides (a tag key, a security group).
     */
    private static Value<List<ResponseObject>> allObjects(ResponseObject n, String member, Absent absent) {
        Value<List<ResponseObject>> list = n.objects(member, absent);
        if (list.isPresent() && list.value().size() < n.size(member)) {
            return Value.unknown(n.at(member), Reason.Kind.UNREADABLE, "an entry of " + member + " is not an object");
        }
        return list;
    }

    /**
     * The resource's tags, key to value. The AWS CLI prints an empty list for an untagged resource and the SDK leaves
     * it out, so an absent list is no tag; a tag without a string key leaves the tags unknown, since the missing key
     * could be the one a policy requires.
     */
    static Value<Map<String, String>> tags(ResponseObject n) {
        Value<List<ResponseObject>> list = allObjects(n, "Tags", NO_TAG);
        if (!list.isPresent()) {
            return list.map(x -> null);
        }
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        for (ResponseObject t : list.value()) {
            Value<String> key = t.text("Key", Absent.UNKNOWN);
            if (!key.isPresent()) {
                return key.isUnknown()
                        ? key.map(x -> null)
                        : Value.unknown(key.provenance(), Reason.Kind.ABSENT, "a tag has an empty Key");
            }
            Value<String> value = t.text("Value", Absent.NOT_SET);
            tags.put(key.value(), value.isPresent() ? value.value() : "");
        }
        return list.status() == Status.DEFAULTED
                ? list.map(x -> Map.<String, String>of())
                : list.map(x -> SmallMap.copyOf(tags));
    }

    /**
     * The VPC security groups. The API lists them for every cluster in a VPC, so an absent list, or an entry
     * without its id, leaves the groups unknown rather than "none".
     */
    private static Value<List<String>> securityGroupIds(ResponseObject n) {
        Value<List<ResponseObject>> list = allObjects(n, "VpcSecurityGroups", Absent.UNKNOWN);
        if (!list.isPresent()) {
            return list.map(x -> null);
        }
        List<String> ids = new ArrayList<>();
        for (ResponseObject g : list.value()) {
            Value<String> id = g.text("VpcSecurityGroupId", Absent.UNKNOWN);
            if (!id.isPresent()) {
                return id.isUnknown()
                        ? id.map(x -> null)
                        : Value.unknown(id.provenance(), Reason.Kind.ABSENT, "VpcSecurityGroupId is empty");
            }
            ids.add(id.value());
        }
        return Value.known(List.copyOf(ids), list.provenance());
    }

    private static Value<ParameterGroupRef> parameterGroup(ResponseObject n) {
        Value<List<ResponseObject>> groups = n.objects("ClusterParameterGroups", Absent.UNKNOWN);
        if (groups.isUnknown()) {
            return groups.map(g -> null);
        }
        if (groups.value().isEmpty()) {
            return Value.unknown(groups.provenance(), Reason.Kind.ABSENT, "the cluster lists no parameter group");
        }
        ResponseObject g = groups.value().get(0);
        Value<String> name = g.text("ParameterGroupName", Absent.UNKNOWN);
        if (!name.isPresent()) {
            return name.map(x -> null);
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        Value<List<ResponseObject>> list = g.objects("ClusterParameterStatusList", Absent.NOT_SET);
        if (list.isPresent()) {
            for (ResponseObject p : list.value()) {
                Value<String> pn = p.text("ParameterName", Absent.UNKNOWN);
                Value<String> ps = p.text("ParameterApplyStatus", Absent.NOT_SET);
                if (pn.isPresent() && ps.isPresent()) {
                    statuses.put(pn.value(), ps.value());
                }
            }
        }
        String apply = g.text("ParameterApplyStatus", Absent.NOT_SET).value();
        return Value.known(new ParameterGroupRef(name.value(), apply, statuses), name.provenance());
    }

    /** Reads the group list only to report problems in it; the parameters come from the per-group files. */
    void parameterGroups(Scope scope, Consumer<ClusterParameterGroup> sink) {
        export.elements(
                scope,
                AwsCliCall.DESCRIBE_CLUSTER_PARAMETER_GROUPS,
                Projection.of(AwsShapes.DESCRIBE_PARAMETER_GROUPS),
                PARAMETER_GROUP,
                n -> accept(parameterGroup(scope, n), sink));
    }

    private ClusterParameterGroup parameterGroup(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "ParameterGroupName", "a cluster parameter group");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.CLUSTER_PARAMETER_GROUP,
                scope,
                name,
                Arns.redshift(scope, "parametergroup", name),
                n.provenance());
        return new ClusterParameterGroup(id, n.text("ParameterGroupFamily", Absent.UNKNOWN), tags(n));
    }

    Value<ParameterSet> parameters(Scope scope, String group) {
        Value<List<ResponseObject>> objects = export.documentElements(
                scope,
                AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS,
                group,
                Projection.of(AwsShapes.DESCRIBE_PARAMETERS),
                PARAMETER);
        return objects.map(list -> {
            Map<String, Value<String>> params = new LinkedHashMap<>();
            for (ResponseObject p : list) {
                Value<String> name = p.text("ParameterName", Absent.UNKNOWN);
                if (name.isPresent()) {
                    params.put(name.value(), p.text("ParameterValue", Absent.NOT_SET));
                }
            }
            return new ParameterSet("parameter group " + group, params);
        });
    }

    Value<LoggingStatus> logging(Scope scope, String cluster) {
        Value<ResponseObject> doc = export.document(scope, AwsCliCall.DESCRIBE_LOGGING_STATUS, cluster, LOGGING_STATUS);
        return doc.map(RedshiftReader::logging);
    }

    private static LoggingStatus logging(ResponseObject n) {
        Value<String> bucket = n.text("BucketName", Absent.NOT_SET);
        Value<String> destination = n.text(
                "LogDestinationType",
                bucket.isPresent()
                        ? Absent.defaultsTo(
                                "s3",
                                "LogDestinationType is absent and BucketName is set: delivery is to S3"
                                        + " (the only destination before CloudWatch)")
                        : Absent.NOT_SET);
        Value<List<String>> exports = n.texts("LogExports", Absent.NOT_SET);
        if (!exports.isUnknown() && (exports.value() == null || exports.value().isEmpty())) {
            exports = "s3".equals(destination.value())
                    ? Value.defaulted(
                            ALL_LOGS,
                            exports.provenance(),
                            "LogExports is empty for S3 delivery: Redshift"
                                    + " writes the connection, user and user activity logs to the bucket")
                    : Value.known(List.of(), exports.provenance());
        }
        return new LoggingStatus(
                n.bool("LoggingEnabled", Absent.UNKNOWN),
                destination,
                bucket,
                exports,
                n.instant("LastSuccessfulDeliveryTime", Absent.NOT_SET),
                n.instant("LastFailureTime", Absent.NOT_SET),
                n.text("LastFailureMessage", Absent.NOT_SET));
    }

    ExportReader.Listing snapshots(Scope scope, Consumer<ClusterSnapshot> sink) {
        return export.elements(
                scope,
                AwsCliCall.DESCRIBE_CLUSTER_SNAPSHOTS,
                Projection.of(AwsShapes.DESCRIBE_SNAPSHOTS),
                SNAPSHOT,
                n -> accept(snapshot(scope, n), sink));
    }

    private ClusterSnapshot snapshot(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "SnapshotIdentifier", "a snapshot");
        if (name == null) {
            return null;
        }
        Value<String> owner = n.text("OwnerAccount", Absent.defaultsTo(scope.account(), OWNED_HERE));
        Value<String> cluster = n.text("ClusterIdentifier", Absent.UNKNOWN);
        Value<String> arn = n.text("SnapshotArn", Absent.NOT_SET);
        String ownerAccount = owner.isPresent() ? owner.value() : scope.account();
        String arnText = arn.isPresent()
                ? arn.value()
                : Arns.redshift(
                        new Scope(ownerAccount, scope.region()),
                        "snapshot",
                        (cluster.isPresent() ? cluster.value() : "unknown-cluster") + "/" + name);
        ResourceId id = new ResourceId(ResourceType.CLUSTER_SNAPSHOT, scope, name, arnText, n.provenance());
        Value<String> type = n.text("SnapshotType", Absent.UNKNOWN);
        return new ClusterSnapshot(
                id,
                type,
                cluster,
                owner,
                n.text("Status", Absent.UNKNOWN),
                n.instant("SnapshotCreateTime", Absent.NOT_SET),
                n.bool("Encrypted", Absent.UNKNOWN),
                n.text("KmsKeyId", Absent.NOT_SET),
                n.bool("EncryptedWithHSM", NOT_HSM_ENCRYPTED),
                "manual".equals(type.value())
                        ? n.integer("ManualSnapshotRetentionPeriod", KEEP_FOREVER)
                        : n.integer("ManualSnapshotRetentionPeriod", Absent.NOT_SET),
                n.decimal("TotalBackupSizeInMegaBytes", Absent.NOT_SET),
                restoreAccess(n),
                n.text("SourceRegion", Absent.NOT_SET),
                tags(n));
    }

    private static Value<List<RestoreAccess>> restoreAccess(ResponseObject n) {
        return n.objects("AccountsWithRestoreAccess", SHARED_WITH_NO_ACCOUNT).map(list -> {
            List<RestoreAccess> out = new ArrayList<>(list.size());
            for (ResponseObject a : list) {
                out.add(new RestoreAccess(
                        a.text("AccountId", Absent.NOT_SET).value(),
                        a.text("AccountAlias", Absent.NOT_SET).value(),
                        a.provenance()));
            }
            return List.copyOf(out);
        });
    }

    ExportReader.Listing copyGrants(Scope scope, Consumer<SnapshotCopyGrant> sink) {
        return export.elements(
                scope,
                AwsCliCall.DESCRIBE_SNAPSHOT_COPY_GRANTS,
                Projection.of(AwsShapes.DESCRIBE_COPY_GRANTS),
                COPY_GRANT,
                n -> accept(copyGrant(scope, n), sink));
    }

    private SnapshotCopyGrant copyGrant(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "SnapshotCopyGrantName", "a snapshot copy grant");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.SNAPSHOT_COPY_GRANT,
                scope,
                name,
                Arns.redshift(scope, "snapshotcopygrant", name),
                n.provenance());
        return new SnapshotCopyGrant(id, n.text("KmsKeyId", Absent.NOT_SET));
    }

    /**
     * The event subscriptions of {@code scope}, and when the list could not be read whole, the stand-in for the
     * unread ones ({@link EventSubscription#unread}).
     */
    void eventSubscriptions(Scope scope, Consumer<EventSubscription> sink) {
        listedAlone(
                scope,
                AwsCliCall.DESCRIBE_EVENT_SUBSCRIPTIONS,
                Projection.of(AwsShapes.DESCRIBE_EVENT_SUBSCRIPTIONS),
                EVENT_SUBSCRIPTION,
                n -> eventSubscription(scope, n),
                ResourceType.EVENT_SUBSCRIPTION,
                EVENT_SUBSCRIPTION_ARN,
                EventSubscription::unread,
                sink);
    }

    private EventSubscription eventSubscription(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "CustSubscriptionId", "an event subscription");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.EVENT_SUBSCRIPTION,
                scope,
                name,
                Arns.redshift(scope, EVENT_SUBSCRIPTION_ARN, name),
                n.provenance());
        return new EventSubscription(
                id,
                n.text("SourceType", Absent.NOT_SET),
                n.bool("Enabled", Absent.UNKNOWN),
                n.text("Status", Absent.UNKNOWN),
                tags(n));
    }

    /**
     * The datashares {@code scope}'s account produces there, and when the list could not be read whole, the stand-in
     * for the unread ones ({@link Datashare#unread}).
     */
    void datashares(Scope scope, Consumer<Datashare> sink) {
        listedAlone(
                scope,
                AwsCliCall.DESCRIBE_DATA_SHARES_FOR_PRODUCER,
                Projection.of(AwsShapes.DESCRIBE_DATA_SHARES_FOR_PRODUCER),
                DATA_SHARE,
                n -> datashare(scope, n),
                ResourceType.DATASHARE,
                DATASHARE_ARN,
                Datashare::unread,
                sink);
    }

    private Datashare datashare(Scope scope, ResponseObject n) {
        String arn = export.identifier(n, "DataShareArn", "a datashare");
        if (arn == null) {
            return null;
        }
        // arn:aws:redshift:<region>:<account>:datashare:<namespace id>/<name>
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        ResourceId id = new ResourceId(ResourceType.DATASHARE, scope, name, arn, n.provenance());
        return new Datashare(id, consumers(n));
    }

    /** The datashare's associations; an entry that is not an object leaves them all unknown. */
    private static Value<List<Datashare.Consumer>> consumers(ResponseObject n) {
        Value<List<ResponseObject>> list = allObjects(n, "DataShareAssociations", Absent.UNKNOWN);
        if (!list.isPresent()) {
            return list.map(x -> null);
        }
        List<Datashare.Consumer> consumers = new ArrayList<>();
        for (ResponseObject a : list.value()) {
            consumers.add(new Datashare.Consumer(
                    a.text("ConsumerIdentifier", Absent.UNKNOWN).value(),
                    a.text("Status", Absent.UNKNOWN).value(),
                    a.at("ConsumerIdentifier")));
        }
        return Value.known(List.copyOf(consumers), n.at("DataShareAssociations"));
    }

    /**
     * The accounts allowed to create endpoints to the clusters of {@code scope}; whether the list was read whole is
     * among the reader's listings.
     */
    void endpointAuthorizations(Scope scope, Consumer<EndpointAuthorization> sink) {
        export.elements(
                scope,
                AwsCliCall.DESCRIBE_ENDPOINT_AUTHORIZATION,
                Projection.of(AwsShapes.DESCRIBE_ENDPOINT_AUTHORIZATION),
                ENDPOINT_AUTHORIZATION,
                n -> accept(endpointAuthorization(scope, n), sink));
    }

    private EndpointAuthorization endpointAuthorization(Scope scope, ResponseObject n) {
        String cluster = export.identifier(n, "ClusterIdentifier", "an endpoint authorization");
        return cluster == null ? null : new EndpointAuthorization(scope, cluster, n.text("Grantee", Absent.UNKNOWN));
    }

    /**
     * The cluster subnet groups of {@code scope}, and when the list could not be read whole, the stand-in for the
     * unread ones ({@link ClusterSubnetGroup#unread}).
     */
    void subnetGroups(Scope scope, Consumer<ClusterSubnetGroup> sink) {
        listedAlone(
                scope,
                AwsCliCall.DESCRIBE_CLUSTER_SUBNET_GROUPS,
                Projection.of(AwsShapes.DESCRIBE_SUBNET_GROUPS),
                SUBNET_GROUP,
                n -> subnetGroup(scope, n),
                ResourceType.CLUSTER_SUBNET_GROUP,
                SUBNET_GROUP_ARN,
                ClusterSubnetGroup::unread,
                sink);
    }

    private ClusterSubnetGroup subnetGroup(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "ClusterSubnetGroupName", "a cluster subnet group");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.CLUSTER_SUBNET_GROUP,
                scope,
                name,
                Arns.redshift(scope, SUBNET_GROUP_ARN, name),
                n.provenance());
        return new ClusterSubnetGroup(
                id, n.text("VpcId", Absent.UNKNOWN), n.text("SubnetGroupStatus", Absent.UNKNOWN), subnets(n), tags(n));
    }

    /**
     * The group's subnets. A subnet group always has at least one, so an absent list leaves them unknown; a subnet
     * without its Availability Zone keeps the zone unknown, for the check to decide whether the others suffice.
     */
    private static Value<List<ClusterSubnetGroup.Subnet>> subnets(ResponseObject n) {
        Value<List<ResponseObject>> list = allObjects(n, "Subnets", Absent.UNKNOWN);
        if (!list.isPresent()) {
            return list.map(x -> null);
        }
        List<ClusterSubnetGroup.Subnet> subnets = new ArrayList<>();
        for (ResponseObject s : list.value()) {
            Value<ResponseObject> zone = s.object("SubnetAvailabilityZone");
            Value<String> name = zone.isPresent()
                    ? zone.value().text("Name", Absent.UNKNOWN)
                    : zone.isUnknown()
                            ? zone.map(z -> null)
                            : Value.unknown(
                                    s.at("SubnetAvailabilityZone"),
                                    Reason.Kind.ABSENT,
                                    "SubnetAvailabilityZone is absent: the subnet's Availability Zone is not given");
            subnets.add(new ClusterSubnetGroup.Subnet(
                    s.text("SubnetIdentifier", Absent.NOT_SET).value(), name));
        }
        return Value.known(List.copyOf(subnets), list.provenance());
    }

    /**
     * Reads a list call whose resources nothing else in the estate names, so that a list not read whole would leave
     * them silently missing: the resources read go to {@code sink}, and then, when the list is absent, failed or only
     * partly read, the stand-in {@code standIn} makes for the rest ({@link ResourceId#UNREAD}), every value unknown
     * for that reason.
     *
     * @param arnType the resource type in the resources' ARNs
     */
    private <T> void listedAlone(
            Scope scope,
            AwsCliCall call,
            Projection response,
            Projection element,
            Function<ResponseObject, T> read,
            ResourceType type,
            String arnType,
            BiFunction<ResourceId, Reason, T> standIn,
            Consumer<T> sink) {
        ExportReader.Listing listed = export.elements(scope, call, response, element, n -> accept(read.apply(n), sink));
        if (listed.collected() && listed.complete()) {
            return;
        }
        String location = listed.collected()
                ? export.export.location(scope, call, null)
                : listed.missing().location();
        Reason why = listed.collected()
                ? Reason.of(Reason.Kind.UNREADABLE, ExportReader.Listing.partly(location))
                : Reason.of(listed.missing().kind(), listed.missing().reason());
        sink.accept(standIn.apply(ResourceId.unread(type, scope, arnType, Provenance.of(location, "")), why));
    }
}
