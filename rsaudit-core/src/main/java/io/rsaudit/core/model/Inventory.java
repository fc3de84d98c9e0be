package io.rsaudit.core.model;

import java.util.List;
import java.util.Set;

/**
 * Everything one source collected: the resources, the lookups checks need to follow references between them,
 * and the problems met on the way.
 *
 * @param scopes every account and region the source covered
 * @param eventSubscriptions event notification subscriptions, and a stand-in for those of each scope whose list
 *     could not be read ({@link ResourceId#isUnread()})
 * @param clusterSubnetGroups cluster subnet groups, likewise with a stand-in per scope whose list could not be read
 * @param datashares the datashares this account produces, likewise with a stand-in per scope whose list could not be
 *     read
 * @param endpointAuthorizations the accounts allowed to create endpoints to clusters; whether a scope's list was read
 *     whole is in {@code lists} ({@code redshift:DescribeEndpointAuthorization})
 * @param parameters cluster parameter group parameters, by group name
 * @param logging audit logging status, by cluster identifier
 * @param securityGroups security groups, by group id
 * @param keys KMS keys, by the key id string a resource carries (in the scope of that resource)
 * @param clusterIdentifiers the clusters that exist in a scope (unknown when not collected)
 * @param workgroupNames the Serverless workgroups that exist in a scope (unknown when not collected or only partly read)
 * @param rotations the rotations of clusters' encryption keys CloudTrail records; {@link KeyRotations#none()} when no
 *     CloudTrail history was read
 * @param lists per account-region and list call (by its IAM action, {@code redshift:DescribeSnapshotCopyGrants}),
 *     whether the list was read whole: true, or unknown with why not (the failed call, named by account, region,
 *     action and error; the absent file), so that a check missing an item of it can say which
 */
public record Inventory(
        List<Scope> scopes,
        List<Account> accounts,
        List<Cluster> clusters,
        List<ClusterSnapshot> clusterSnapshots,
        List<SnapshotCopyGrant> snapshotCopyGrants,
        List<KmsKey> kmsKeys,
        List<Namespace> namespaces,
        List<Workgroup> workgroups,
        List<ServerlessSnapshot> serverlessSnapshots,
        List<ClusterParameterGroup> clusterParameterGroups,
        List<EventSubscription> eventSubscriptions,
        List<ClusterSubnetGroup> clusterSubnetGroups,
        List<Datashare> datashares,
        List<EndpointAuthorization> endpointAuthorizations,
        Lookup<ScopedName, ParameterSet> parameters,
        Lookup<ScopedName, LoggingStatus> logging,
        Lookup<ScopedName, SecurityGroup> securityGroups,
        Lookup<ScopedName, KmsKey> keys,
        Lookup<Scope, Set<String>> clusterIdentifiers,
        Lookup<Scope, Set<String>> workgroupNames,
        List<CollectionError> errors,
        KeyRotations rotations,
        Lookup<ScopedName, Boolean> lists) {

    public Inventory {
        scopes = List.copyOf(scopes);
        accounts = List.copyOf(accounts);
        clusters = List.copyOf(clusters);
        clusterSnapshots = List.copyOf(clusterSnapshots);
        snapshotCopyGrants = List.copyOf(snapshotCopyGrants);
        kmsKeys = List.copyOf(kmsKeys);
        namespaces = List.copyOf(namespaces);
        workgroups = List.copyOf(workgroups);
        serverlessSnapshots = List.copyOf(serverlessSnapshots);
        clusterParameterGroups = List.copyOf(clusterParameterGroups);
        eventSubscriptions = List.copyOf(eventSubscriptions);
        clusterSubnetGroups = List.copyOf(clusterSubnetGroups);
        datashares = List.copyOf(datashares);
        endpointAuthorizations = List.copyOf(endpointAuthorizations);
        errors = List.copyOf(errors);
        rotations = rotations == null ? KeyRotations.none() : rotations;
    }

    /** The same inventory with {@code errors} as its collection errors (a front end that adds or drops some). */
    public Inventory withErrors(List<CollectionError> errors) {
        return with(errors, rotations);
    }

    /** The same inventory with {@code rotations} as what CloudTrail says of key rotations. */
    public Inventory withRotations(KeyRotations rotations) {
        return with(errors, rotations);
    }

    private Inventory with(List<CollectionError> errors, KeyRotations rotations) {
        return new Inventory(
                scopes,
                accounts,
                clusters,
                clusterSnapshots,
                snapshotCopyGrants,
                kmsKeys,
                namespaces,
                workgroups,
                serverlessSnapshots,
                clusterParameterGroups,
                eventSubscriptions,
                clusterSubnetGroups,
                datashares,
                endpointAuthorizations,
                parameters,
                logging,
                securityGroups,
                keys,
                clusterIdentifiers,
                workgroupNames,
                errors,
                rotations,
                lists);
    }

    /** The resources of one type, in source order. */
    public List<? extends Resource> resources(ResourceType type) {
        return switch (type) {
            case ACCOUNT -> accounts;
            case CLUSTER -> clusters;
            case CLUSTER_SNAPSHOT -> clusterSnapshots;
            case SNAPSHOT_COPY_GRANT -> snapshotCopyGrants;
            case KMS_KEY -> kmsKeys;
            case SERVERLESS_NAMESPACE -> namespaces;
            case SERVERLESS_WORKGROUP -> workgroups;
            case SERVERLESS_SNAPSHOT -> serverlessSnapshots;
            case CLUSTER_PARAMETER_GROUP -> clusterParameterGroups;
            case EVENT_SUBSCRIPTION -> eventSubscriptions;
            case CLUSTER_SUBNET_GROUP -> clusterSubnetGroups;
            case DATASHARE -> datashares;
        };
    }

    public Value<ParameterSet> parameters(Scope scope, String groupName) {
        return parameters.get(new ScopedName(scope, groupName));
    }

    public Value<LoggingStatus> logging(Cluster cluster) {
        return logging.get(new ScopedName(cluster.id().scope(), cluster.identifier()));
    }

    public Value<SecurityGroup> securityGroup(Scope scope, String groupId) {
        return securityGroups.get(new ScopedName(scope, groupId));
    }

    /** The key a resource in {@code scope} names by {@code kmsKeyId}; only for {@link KeyReference#LOOKUP}. */
    public Value<KmsKey> key(Scope scope, String kmsKeyId) {
        return keys.get(new ScopedName(scope, kmsKeyId));
    }

    public Value<Set<String>> clusterIdentifiers(Scope scope) {
        return clusterIdentifiers.get(scope);
    }

    public Value<Set<String>> workgroupNames(Scope scope) {
        return workgroupNames.get(scope);
    }

    /**
     * Whether the list call with IAM action {@code action} ({@code redshift:DescribeSnapshotCopyGrants}) was read
     * whole in {@code scope}: true, or unknown with the reason, which names the failed call when it failed.
     */
    public Value<Boolean> listed(Scope scope, String action) {
        return lists.get(new ScopedName(scope, action));
    }
}
