package io.rsaudit.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provisioned cluster, as {@code DescribeClusters} reports it.
 *
 * @param kmsKeyId key ARN, alias, or the AWS-owned sentinel; {@code null} when the API reports none
 * @param hsmStatus {@code null} when the cluster is not HSM-backed
 * @param masterPasswordSecretArn {@code null} when the admin password is not managed by Secrets Manager
 * @param multiAz a string in the API ("Enabled"/"Disabled"), not a boolean
 * @param snapshotCopy {@code null} when cross-region snapshot copy is off
 * @param tags tag key to value, in the order the API lists them; empty when the cluster has none
 * @param createTime {@code ClusterCreateTime}
 * @param classicSecurityGroups the names of its EC2-Classic cluster security groups; empty for a cluster in a VPC
 */
public record Cluster(
        ResourceId id,
        Value<String> status,
        Value<String> nodeType,
        Value<Boolean> encrypted,
        Value<String> kmsKeyId,
        Value<HsmStatus> hsmStatus,
        Value<Boolean> publiclyAccessible,
        Value<Boolean> enhancedVpcRouting,
        Value<Boolean> allowVersionUpgrade,
        Value<Integer> port,
        Value<String> masterUsername,
        Value<String> masterPasswordSecretArn,
        Value<String> multiAz,
        Value<Integer> automatedSnapshotRetentionPeriod,
        Value<Integer> manualSnapshotRetentionPeriod,
        Value<ParameterGroupRef> parameterGroup,
        Value<List<String>> vpcSecurityGroupIds,
        Value<SnapshotCopyStatus> snapshotCopy,
        Value<Map<String, String>> tags,
        Value<List<String>> classicSecurityGroups,
        Value<Instant> createTime)
        implements Resource {

    public String identifier() {
        return id.name();
    }
}
