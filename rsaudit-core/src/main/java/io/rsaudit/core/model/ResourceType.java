package io.rsaudit.core.model;

/** The kinds of resource a check can judge, each bound to its model record. */
public enum ResourceType {
    ACCOUNT(Account.class, "account"),
    CLUSTER(Cluster.class, "cluster"),
    CLUSTER_SNAPSHOT(ClusterSnapshot.class, "cluster snapshot"),
    SNAPSHOT_COPY_GRANT(SnapshotCopyGrant.class, "snapshot copy grant"),
    KMS_KEY(KmsKey.class, "KMS key"),
    SERVERLESS_NAMESPACE(Namespace.class, "serverless namespace"),
    SERVERLESS_WORKGROUP(Workgroup.class, "serverless workgroup"),
    SERVERLESS_SNAPSHOT(ServerlessSnapshot.class, "serverless snapshot"),
    CLUSTER_PARAMETER_GROUP(ClusterParameterGroup.class, "cluster parameter group"),
    EVENT_SUBSCRIPTION(EventSubscription.class, "event subscription"),
    CLUSTER_SUBNET_GROUP(ClusterSubnetGroup.class, "cluster subnet group"),
    DATASHARE(Datashare.class, "datashare");

    private final Class<? extends Resource> recordType;
    private final String label;

    ResourceType(Class<? extends Resource> recordType, String label) {
        this.recordType = recordType;
        this.label = label;
    }

    public Class<? extends Resource> recordType() {
        return recordType;
    }

    public String label() {
        return label;
    }

    public static ResourceType of(Class<?> recordType) {
        for (ResourceType t : values()) {
            if (t.recordType == recordType) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a resource record: " + recordType);
    }
}
