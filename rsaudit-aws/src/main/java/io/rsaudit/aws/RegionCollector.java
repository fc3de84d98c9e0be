package io.rsaudit.aws;

import io.rsaudit.core.model.KeyRotations;
import io.rsaudit.core.source.AwsCliCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterParameterGroupStatus;
import software.amazon.awssdk.services.redshift.model.DescribeClustersResponse;
import software.amazon.awssdk.services.redshift.model.VpcSecurityGroupMembership;
import software.amazon.awssdk.services.redshiftserverless.RedshiftServerlessClient;
import software.amazon.awssdk.services.redshiftserverless.model.ListWorkgroupsResponse;
import software.amazon.awssdk.services.redshiftserverless.model.ScheduledActionAssociation;

/**
 * One account-region, call for call as {@code scripts/collect-with-aws-cli.sh} collects it, each call started as
 * soon as what it needs is known: the list calls at once; per cluster its logging status; per parameter group a
 * cluster uses its parameters (once per group); per trail whose home region this is its status and selectors; per
 * Serverless scheduled action the region lists, the action; the
 * security groups of clusters and workgroups in batches of 100 once both lists are read or failed; and every KMS key a
 * resource names through the account's {@link Keys} (once per key). Pages are read whole, with the largest page
 * size each API takes. For {@link LiveCollector.Extent#RESOURCE_USERS}: the cluster, workgroup and namespace lists only, and the keys they name by an alias.
 */
final class RegionCollector {

    /** Redshift's MaxRecords and Redshift Serverless's maxResults allow at most 100. */
    static final int PAGE = 100;
    /** DescribeSecurityGroups: group ids per call (the script's batch) and its largest page. */
    static final int GROUP_BATCH = 100;

    static final int SG_PAGE = 1000;

    /** LookupEvents returns at most 50 events a page. */
    static final int LOOKUP_PAGE = 50;

    private final Run run;
    private final String account;
    private final String region;
    private final Scheduler.Lane lane;
    private final Keys keys;
    /** The regions of the account this collection collects: a copy's key in one of them is looked up there. */
    private final Set<String> collected;

    RegionCollector(Run run, String account, String region, Set<String> collected) {
        this.run = run;
        this.account = account;
        this.region = region;
        this.lane = run.scope();
        this.keys = Keys.of(run, account);
        this.collected = Set.copyOf(collected);
    }

    void start() {
        RedshiftClient rs = run.clients.redshift(account, region);
        RedshiftServerlessClient sl = run.clients.serverless(account, region);

        if (run.extent == LiveCollector.Extent.RESOURCE_USERS) {
            // a key named by an alias is described, so that a KMS call naming the key by its id finds its users
            run.then(
                    call(
                            AwsCliCall.DESCRIBE_CLUSTERS,
                            null,
                            () -> rs.describeClustersPaginator(r -> r.maxRecords(PAGE))),
                    pages -> pages.stream().flatMap(p -> p.clusters().stream()).forEach(c -> aliasedKey(c.kmsKeyId())));
            call(
                    AwsCliCall.SERVERLESS_LIST_WORKGROUPS,
                    null,
                    () -> sl.listWorkgroupsPaginator(r -> r.maxResults(PAGE)));
            namespaces(sl, this::aliasedKey);
            lane.seal();
            return;
        }
        CompletableFuture<List<DescribeClustersResponse>> clusters =
                call(AwsCliCall.DESCRIBE_CLUSTERS, null, () -> rs.describeClustersPaginator(r -> r.maxRecords(PAGE)));
        run.then(clusters, pages -> clustersRead(rs, pages));
        call(
                AwsCliCall.DESCRIBE_CLUSTER_PARAMETER_GROUPS,
                null,
                () -> rs.describeClusterParameterGroupsPaginator(r -> r.maxRecords(PAGE)));
        // each a part of its own: a failure leaves only the subscriptions, or the subnet groups, unknown
        call(
                AwsCliCall.DESCRIBE_EVENT_SUBSCRIPTIONS,
                null,
                () -> rs.describeEventSubscriptionsPaginator(r -> r.maxRecords(PAGE)));
        call(
                AwsCliCall.DESCRIBE_CLUSTER_SUBNET_GROUPS,
                null,
                () -> rs.describeClusterSubnetGroupsPaginator(r -> r.maxRecords(PAGE)));
        call(
                AwsCliCall.DESCRIBE_ENDPOINT_AUTHORIZATION,
                null,
                () -> rs.describeEndpointAuthorizationPaginator(r -> r.maxRecords(PAGE)));
        call(
                AwsCliCall.DESCRIBE_DATA_SHARES_FOR_PRODUCER,
                null,
                () -> rs.describeDataSharesForProducerPaginator(r -> r.maxRecords(PAGE)));
        // every snapshot is written; only the keys of the account's own are looked up (a shared-in snapshot is
        // judged by its owner)
        run.then(
                call(
                        AwsCliCall.DESCRIBE_CLUSTER_SNAPSHOTS,
                        null,
                        () -> rs.describeClusterSnapshotsPaginator(r -> r.maxRecords(PAGE))),
                pages -> pages.stream()
                        .flatMap(p -> p.snapshots().stream())
                        .filter(s ->
                                s.ownerAccount() == null || s.ownerAccount().equals(account))
                        .forEach(s -> key(s.kmsKeyId())));
        run.then(
                call(
                        AwsCliCall.DESCRIBE_SNAPSHOT_COPY_GRANTS,
                        null,
                        () -> rs.describeSnapshotCopyGrantsPaginator(r -> r.maxRecords(PAGE))),
                pages -> pages.stream()
                        .flatMap(p -> p.snapshotCopyGrants().stream())
                        .forEach(g -> key(g.kmsKeyId())));

        namespaces(sl, this::key);
        CompletableFuture<List<ListWorkgroupsResponse>> workgroups = call(
                AwsCliCall.SERVERLESS_LIST_WORKGROUPS, null, () -> sl.listWorkgroupsPaginator(r -> r.maxResults(PAGE)));
        run.then(
                call(
                        AwsCliCall.SERVERLESS_LIST_SNAPSHOTS,
                        null,
                        () -> sl.listSnapshotsPaginator(r -> r.maxResults(PAGE))),
                pages -> pages.stream()
                        .flatMap(p -> p.snapshots().stream())
                        .filter(s ->
                                s.ownerAccount() == null || s.ownerAccount().equals(account))
                        .forEach(s -> key(s.kmsKeyId())));

        run.then(
                clusters.thenCombine(workgroups, (c, w) -> {
                    securityGroups(c, w);
                    return true;
                }),
                x -> {});

        CloudTrailClient ct = run.clients.cloudTrail(account, region);
        run.then(
                call(AwsCliCall.CLOUDTRAIL_DESCRIBE_TRAILS, null, () -> List.of(ct.describeTrails())),
                pages -> trailsRead(ct, pages.get(0)));

        // Serverless snapshot copy configurations, and the key each names in its destination region
        run.then(
                call(
                        AwsCliCall.SERVERLESS_LIST_SNAPSHOT_COPY_CONFIGURATIONS,
                        null,
                        () -> sl.listSnapshotCopyConfigurationsPaginator(r -> r.maxResults(PAGE))),
                pages -> pages.stream()
                        .flatMap(p -> p.snapshotCopyConfigurations().stream())
                        .filter(c -> c.destinationRegion() != null && collected.contains(c.destinationRegion()))
                        .forEach(c -> keys.refer(lane, c.destinationRegion(), c.destinationKmsKeyId())));

        // Serverless scheduled actions (snapshot schedules): the region's list, then each action by its name; a failure
        // of either leaves only the namespaces' schedules unknown
        run.then(
                call(
                        AwsCliCall.SERVERLESS_LIST_SCHEDULED_ACTIONS,
                        null,
                        () -> sl.listScheduledActionsPaginator(r -> r.maxResults(PAGE))),
                pages -> pages.stream()
                        .flatMap(p -> p.scheduledActions().stream())
                        .map(ScheduledActionAssociation::scheduledActionName)
                        .filter(Objects::nonNull)
                        .distinct()
                        .forEach(name -> call(
                                AwsCliCall.SERVERLESS_GET_SCHEDULED_ACTION,
                                name,
                                () -> List.of(sl.getScheduledAction(r -> r.scheduledActionName(name))))));

        // the rotations of clusters' keys in CloudTrail's event history: the window before the collection began
        call(
                AwsCliCall.CLOUDTRAIL_LOOKUP_EVENTS,
                null,
                () -> ct.lookupEventsPaginator(r -> r.lookupAttributes(LookupAttribute.builder()
                                .attributeKey(LookupAttributeKey.EVENT_NAME)
                                .attributeValue("RotateEncryptionKey")
                                .build())
                        .startTime(run.startedAt.minus(KeyRotations.LOOKUP_WINDOW))
                        .endTime(run.startedAt)
                        .maxResults(LOOKUP_PAGE)));
        lane.seal();
    }

    private void clustersRead(RedshiftClient rs, List<DescribeClustersResponse> pages) {
        Set<String> groups = new LinkedHashSet<>();
        for (DescribeClustersResponse page : pages) {
            for (Cluster c : page.clusters()) {
                if (c.clusterIdentifier() == null) {
                    continue;
                }
                call(
                        AwsCliCall.DESCRIBE_LOGGING_STATUS,
                        c.clusterIdentifier(),
                        () -> List.of(rs.describeLoggingStatus(r -> r.clusterIdentifier(c.clusterIdentifier()))));
                // ClusterParameterGroups[0]: the one group a cluster has
                List<ClusterParameterGroupStatus> pg = c.clusterParameterGroups();
                if (!pg.isEmpty() && pg.get(0).parameterGroupName() != null) {
                    groups.add(pg.get(0).parameterGroupName());
                }
                key(c.kmsKeyId());
            }
        }
        for (String group : groups) {
            call(
                    AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS,
                    group,
                    () -> rs.describeClusterParametersPaginator(
                            r -> r.parameterGroupName(group).maxRecords(PAGE)));
        }
    }

    /**
     * The groups clusters and workgroups use, asked by a {@code group-id} filter (a deleted group is then simply
     * absent) in batches, every batch's pages merged into the one file. Each list is a part of its own: when one
     * could not be read, the groups of the other are still asked (the resources of the unread list are unknown
     * anyway). No group used: the empty list is written without a call, unless a list was not read, in which case
     * nothing is written and the reader says the file is absent (as the collector script does).
     *
     * @param clusters the cluster pages, or {@code null} when they could not be read
     * @param workgroups likewise the workgroup pages
     */
    private void securityGroups(List<DescribeClustersResponse> clusters, List<ListWorkgroupsResponse> workgroups) {
        Set<String> ids = new LinkedHashSet<>();
        if (clusters != null) {
            clusters.stream()
                    .flatMap(p -> p.clusters().stream())
                    .flatMap(c -> c.vpcSecurityGroups().stream())
                    .map(VpcSecurityGroupMembership::vpcSecurityGroupId)
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
        }
        if (workgroups != null) {
            workgroups.stream()
                    .flatMap(p -> p.workgroups().stream())
                    .flatMap(w -> w.securityGroupIds().stream())
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
        }
        List<String> all = new ArrayList<>(ids);
        if (all.isEmpty()) {
            if (clusters == null || workgroups == null) {
                return;
            }
            run.call(
                    lane,
                    account,
                    region,
                    AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS,
                    null,
                    () -> List.of(DescribeSecurityGroupsResponse.builder()
                            .securityGroups(List.of())
                            .build()));
            return;
        }
        Ec2Client ec2 = run.clients.ec2(account, region);
        call(AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS, null, () -> {
            List<DescribeSecurityGroupsResponse> pages = new ArrayList<>();
            for (int from = 0; from < all.size(); from += GROUP_BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + GROUP_BATCH));
                ec2.describeSecurityGroupsPaginator(r -> r.filters(Filter.builder()
                                        .name("group-id")
                                        .values(batch)
                                        .build())
                                .maxResults(SG_PAGE))
                        .forEach(pages::add);
            }
            return pages;
        });
    }

    /** Status and selectors of each trail whose home region this is, asked by ARN, filed by name. */
    private void trailsRead(CloudTrailClient ct, DescribeTrailsResponse trails) {
        for (Trail t : trails.trailList()) {
            if (!region.equals(t.homeRegion()) || t.name() == null || t.trailARN() == null) {
                continue;
            }
            call(
                    AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS,
                    t.name(),
                    () -> List.of(ct.getTrailStatus(r -> r.name(t.trailARN()))));
            call(
                    AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS,
                    t.name(),
                    () -> List.of(ct.getEventSelectors(r -> r.trailName(t.trailARN()))));
        }
    }

    private void key(String ref) {
        keys.refer(lane, region, ref);
    }

    /** Lists the region's namespaces, handing each one's key reference to {@code keys}. */
    private void namespaces(RedshiftServerlessClient sl, Consumer<String> keys) {
        run.then(
                call(
                        AwsCliCall.SERVERLESS_LIST_NAMESPACES,
                        null,
                        () -> sl.listNamespacesPaginator(r -> r.maxResults(PAGE))),
                pages -> pages.stream().flatMap(p -> p.namespaces().stream()).forEach(n -> keys.accept(n.kmsKeyId())));
    }

    /** {@link #key} for a key named by an alias (a key id or ARN already says which key it is). */
    private void aliasedKey(String ref) {
        if (ref != null && ref.contains("alias/")) {
            key(ref);
        }
    }

    private <R extends SdkPojo> CompletableFuture<List<R>> call(
            AwsCliCall call, String resource, Supplier<? extends Iterable<R>> pages) {
        return run.call(lane, account, region, call, resource, pages);
    }
}
