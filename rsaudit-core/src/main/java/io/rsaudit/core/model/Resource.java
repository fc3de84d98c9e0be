package io.rsaudit.core.model;

/** Anything a check judges. */
public sealed interface Resource
        permits Account,
                Cluster,
                ClusterSnapshot,
                SnapshotCopyGrant,
                KmsKey,
                Namespace,
                Workgroup,
                ServerlessSnapshot,
                ClusterParameterGroup,
                EventSubscription,
                ClusterSubnetGroup,
                Datashare {

    ResourceId id();
}
