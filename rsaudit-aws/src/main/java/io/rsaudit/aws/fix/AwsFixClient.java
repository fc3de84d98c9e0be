package io.rsaudit.aws.fix;

import io.rsaudit.aws.AccountClients;
import io.rsaudit.aws.LiveInventorySource;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.Progress;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Scope;
import io.rsaudit.fix.apply.CallFailure;
import io.rsaudit.fix.apply.EstateReader;
import io.rsaudit.fix.apply.FixClient;
import io.rsaudit.fix.apply.StatusReader;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterParameterGroup;
import software.amazon.awssdk.services.redshift.model.Parameter;
import software.amazon.awssdk.services.redshiftserverless.RedshiftServerlessClient;
import software.amazon.awssdk.services.redshiftserverless.model.ConfigParameter;
import software.amazon.awssdk.services.redshiftserverless.model.Namespace;
import software.amazon.awssdk.services.redshiftserverless.model.ResourcePolicy;
import software.amazon.awssdk.services.redshiftserverless.model.Workgroup;

/**
 * The write calls of {@code rsaudit fix} over the AWS SDK, in the account of each call (its role) and its region;
 * also the re-reads (a live collection of one account and region) and the facts of a plan (among them a Serverless
 * snapshot's resource policy, {@link #READS}). Only the actions of
 * {@link #ACTIONS} are made; anything else is refused before it reaches AWS.
 */
public final class AwsFixClient implements FixClient, EstateReader, StatusReader, Facts, AutoCloseable {

    /** Every IAM action this client can make: docs/iam-policy-fix.json lists them. */
    public static final Set<String> ACTIONS = Set.of(
            "redshift:ModifyCluster",
            "redshift:CreateClusterParameterGroup",
            "redshift:ModifyClusterParameterGroup",
            "redshift:EnableLogging",
            "redshift:DisableSnapshotCopy",
            "redshift:EnableSnapshotCopy",
            "redshift:ModifyClusterSnapshot",
            "redshift:RevokeSnapshotAccess",
            "redshift:AuthorizeSnapshotAccess",
            "redshift:RebootCluster",
            "redshift:RotateEncryptionKey",
            "kms:EnableKeyRotation",
            "redshift-serverless:UpdateWorkgroup",
            "redshift-serverless:UpdateNamespace",
            "redshift-serverless:UpdateSnapshot",
            "redshift-serverless:PutResourcePolicy");

    /**
     * The reads this client makes beyond a scan's collection: docs/iam-policy.json grants them in the statement
     * {@code RsauditFixReadOnly}.
     */
    public static final Set<String> READS = Set.of("redshift-serverless:GetResourcePolicy");

    private final LiveOptions options;
    private final AccountClients clients;

    public AwsFixClient(LiveOptions options) {
        this.options = options;
        this.clients = AccountClients.open(options);
    }

    @Override
    public String call(Call call) throws CallFailure {
        if (!ACTIONS.contains(call.iamAction())) {
            throw new CallFailure("NotAllowed", "rsaudit fix does not make " + call.iamAction(), null);
        }
        String account = call.scope().account();
        String region = call.scope().region();
        Map<String, Object> p = call.params();
        try {
            AwsResponse response = switch (call.service()) {
                case "redshift" -> redshift(clients.redshift(account, region), call.action(), p);
                case "kms" -> kms(clients.kms(account, region), p);
                default -> serverless(clients.serverless(account, region), call.action(), p);
            };
            return response.responseMetadata().requestId();
        } catch (SdkException e) {
            throw new CallFailure(AccountClients.code(e), clients.explain(e), AccountClients.requestId(e));
        }
    }

    private static AwsResponse redshift(RedshiftClient rs, String action, Map<String, Object> p) {
        return switch (action) {
            case "ModifyCluster" ->
                rs.modifyCluster(r -> r.clusterIdentifier(str(p, "ClusterIdentifier"))
                        .publiclyAccessible(bool(p, "PubliclyAccessible"))
                        .enhancedVpcRouting(bool(p, "EnhancedVpcRouting"))
                        .allowVersionUpgrade(bool(p, "AllowVersionUpgrade"))
                        .automatedSnapshotRetentionPeriod(integer(p, "AutomatedSnapshotRetentionPeriod"))
                        .manualSnapshotRetentionPeriod(integer(p, "ManualSnapshotRetentionPeriod"))
                        .clusterParameterGroupName(str(p, "ClusterParameterGroupName"))
                        .encrypted(bool(p, "Encrypted"))
                        .kmsKeyId(str(p, "KmsKeyId")));
            case "CreateClusterParameterGroup" ->
                rs.createClusterParameterGroup(r -> r.parameterGroupName(str(p, "ParameterGroupName"))
                        .parameterGroupFamily(str(p, "ParameterGroupFamily"))
                        .description(str(p, "Description")));
            case "ModifyClusterParameterGroup" -> {
                List<Parameter> params = new ArrayList<>();
                for (Map<?, ?> m : maps(p, "Parameters")) {
                    params.add(Parameter.builder()
                            .parameterName(String.valueOf(m.get("ParameterName")))
                            .parameterValue(String.valueOf(m.get("ParameterValue")))
                            .build());
                }
                yield rs.modifyClusterParameterGroup(
                        r -> r.parameterGroupName(str(p, "ParameterGroupName")).parameters(params));
            }
            case "EnableLogging" ->
                rs.enableLogging(r -> r.clusterIdentifier(str(p, "ClusterIdentifier"))
                        .logDestinationType(str(p, "LogDestinationType"))
                        .bucketName(str(p, "BucketName"))
                        .s3KeyPrefix(str(p, "S3KeyPrefix"))
                        .logExports(strings(p, "LogExports")));
            case "DisableSnapshotCopy" -> rs.disableSnapshotCopy(r -> r.clusterIdentifier(str(p, "ClusterIdentifier")));
            case "EnableSnapshotCopy" ->
                rs.enableSnapshotCopy(r -> r.clusterIdentifier(str(p, "ClusterIdentifier"))
                        .destinationRegion(str(p, "DestinationRegion"))
                        .retentionPeriod(integer(p, "RetentionPeriod"))
                        .manualSnapshotRetentionPeriod(integer(p, "ManualSnapshotRetentionPeriod"))
                        .snapshotCopyGrantName(str(p, "SnapshotCopyGrantName")));
            case "ModifyClusterSnapshot" ->
                rs.modifyClusterSnapshot(r -> r.snapshotIdentifier(str(p, "SnapshotIdentifier"))
                        .manualSnapshotRetentionPeriod(integer(p, "ManualSnapshotRetentionPeriod")));
            case "RevokeSnapshotAccess" ->
                rs.revokeSnapshotAccess(r -> r.snapshotIdentifier(str(p, "SnapshotIdentifier"))
                        .snapshotClusterIdentifier(str(p, "SnapshotClusterIdentifier"))
                        .accountWithRestoreAccess(str(p, "AccountWithRestoreAccess")));
            case "AuthorizeSnapshotAccess" ->
                rs.authorizeSnapshotAccess(r -> r.snapshotIdentifier(str(p, "SnapshotIdentifier"))
                        .snapshotClusterIdentifier(str(p, "SnapshotClusterIdentifier"))
                        .accountWithRestoreAccess(str(p, "AccountWithRestoreAccess")));
            case "RebootCluster" -> rs.rebootCluster(r -> r.clusterIdentifier(str(p, "ClusterIdentifier")));
            case "RotateEncryptionKey" -> rs.rotateEncryptionKey(r -> r.clusterIdentifier(str(p, "ClusterIdentifier")));
            default -> throw new IllegalArgumentException("not a fix action: redshift:" + action);
        };
    }

    private static AwsResponse kms(KmsClient kms, Map<String, Object> p) {
        return kms.enableKeyRotation(r -> r.keyId(str(p, "KeyId")));
    }

    private static AwsResponse serverless(RedshiftServerlessClient rs, String action, Map<String, Object> p) {
        return switch (action) {
            case "UpdateWorkgroup" -> {
                List<ConfigParameter> config = null;
                if (p.containsKey("configParameters")) {
                    config = new ArrayList<>();
                    for (Map<?, ?> m : maps(p, "configParameters")) {
                        config.add(ConfigParameter.builder()
                                .parameterKey(String.valueOf(m.get("parameterKey")))
                                .parameterValue(String.valueOf(m.get("parameterValue")))
                                .build());
                    }
                }
                List<ConfigParameter> c = config;
                yield rs.updateWorkgroup(r -> r.workgroupName(str(p, "workgroupName"))
                        .publiclyAccessible(bool(p, "publiclyAccessible"))
                        .enhancedVpcRouting(bool(p, "enhancedVpcRouting"))
                        .configParameters(c));
            }
            case "UpdateNamespace" ->
                rs.updateNamespace(
                        r -> r.namespaceName(str(p, "namespaceName")).logExportsWithStrings(strings(p, "logExports")));
            case "UpdateSnapshot" ->
                rs.updateSnapshot(
                        r -> r.snapshotName(str(p, "snapshotName")).retentionPeriod(integer(p, "retentionPeriod")));
            case "PutResourcePolicy" ->
                rs.putResourcePolicy(r -> r.resourceArn(str(p, "resourceArn")).policy(str(p, "policy")));
            default -> throw new IllegalArgumentException("not a fix action: redshift-serverless:" + action);
        };
    }

    // ---- the re-reads and the facts ----

    @Override
    public Inventory read(Scope scope) {
        LiveOptions one = options.withRegions(List.of(scope.region())).withProgress(Progress.NONE);
        if (options.roleName() != null) {
            one = one.withRole(options.roleName(), options.externalId(), List.of(scope.account()), false);
        }
        return new LiveInventorySource(one).load();
    }

    @Override
    public Optional<String> parameterGroupFamily(Scope scope, String groupName) {
        try {
            return clients
                    .redshift(scope.account(), scope.region())
                    .describeClusterParameterGroupsPaginator(r -> r.maxRecords(100))
                    .parameterGroups()
                    .stream()
                    .filter(g -> groupName.equals(g.parameterGroupName()))
                    .map(ClusterParameterGroup::parameterGroupFamily)
                    .findFirst();
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> s3KeyPrefix(Scope scope, String clusterIdentifier) {
        try {
            String prefix = clients.redshift(scope.account(), scope.region())
                    .describeLoggingStatus(r -> r.clusterIdentifier(clusterIdentifier))
                    .s3KeyPrefix();
            return Optional.of(prefix == null ? "" : prefix);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /** Read with the calls of the read-only policy: DescribeClusters, ListWorkgroups, ListNamespaces. */
    @Override
    public Optional<String> status(ResourceId resource) {
        Scope scope = resource.scope();
        String name = resource.name();
        try {
            return switch (resource.type()) {
                case CLUSTER ->
                    clients
                            .redshift(scope.account(), scope.region())
                            .describeClusters(r -> r.clusterIdentifier(name))
                            .clusters()
                            .stream()
                            .map(Cluster::clusterStatus)
                            .filter(Objects::nonNull)
                            .findFirst();
                case SERVERLESS_WORKGROUP ->
                    clients
                            .serverless(scope.account(), scope.region())
                            .listWorkgroupsPaginator(r -> r.maxResults(100))
                            .workgroups()
                            .stream()
                            .filter(w -> name.equals(w.workgroupName()) && w.status() != null)
                            .map(Workgroup::statusAsString)
                            .findFirst();
                case SERVERLESS_NAMESPACE ->
                    clients
                            .serverless(scope.account(), scope.region())
                            .listNamespacesPaginator(r -> r.maxResults(100))
                            .namespaces()
                            .stream()
                            .filter(n -> name.equals(n.namespaceName()) && n.status() != null)
                            .map(Namespace::statusAsString)
                            .findFirst();
                default -> Optional.empty();
            };
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /** {@code GetResourcePolicy}; empty when it fails, the snapshot has none (ResourceNotFoundException) included. */
    @Override
    public Optional<String> snapshotPolicy(Scope scope, String snapshotArn) {
        try {
            ResourcePolicy policy = clients.serverless(scope.account(), scope.region())
                    .getResourcePolicy(r -> r.resourceArn(snapshotArn))
                    .resourcePolicy();
            return Optional.ofNullable(policy == null ? null : policy.policy());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> maintenanceWindow(Scope scope, String clusterIdentifier) {
        try {
            return clients
                    .redshift(scope.account(), scope.region())
                    .describeClusters(r -> r.clusterIdentifier(clusterIdentifier))
                    .clusters()
                    .stream()
                    .map(Cluster::preferredMaintenanceWindow)
                    .filter(Objects::nonNull)
                    .findFirst();
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        clients.close();
    }

    // ---- plan values ----

    private static String str(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static Boolean bool(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(v));
    }

    private static Integer integer(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null
                ? null
                : v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(String.valueOf(v));
    }

    private static List<String> strings(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object x : (List<?>) v) {
            out.add(String.valueOf(x));
        }
        return out;
    }

    private static List<Map<?, ?>> maps(Map<String, Object> p, String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        Object v = p.get(key);
        if (v instanceof List<?> list) {
            for (Object x : list) {
                out.add((Map<?, ?>) x);
            }
        }
        return out;
    }
}
