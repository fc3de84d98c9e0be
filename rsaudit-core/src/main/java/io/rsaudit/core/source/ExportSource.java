package io.rsaudit.core.source;

import io.rsaudit.core.model.Account;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.ClusterParameterGroup;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.ClusterSubnetGroup;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Datashare;
import io.rsaudit.core.model.EndpointAuthorization;
import io.rsaudit.core.model.EventSubscription;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.KeyRotations;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Lookup;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.ScopedName;
import io.rsaudit.core.model.SecurityGroup;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.SnapshotCopyConfiguration;
import io.rsaudit.core.model.SnapshotCopyGrant;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import io.rsaudit.core.parallel.InOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds an inventory from an {@link Export}, a folder of AWS CLI JSON or a live collection's responses alike: the
 * same readers, so the same values. Total: whatever is wrong with one call's output is reported and the rest is still
 * read.
 *
 * <p>The account-regions are read in parallel (they share nothing until the KMS keys their resources name are looked
 * up), then the accounts, then the keys; each part collects its own problems, and they are joined in the order a
 * sequential read meets them, so the inventory and its errors do not depend on the number of processors.
 */
public final class ExportSource implements InventorySource {

    static final Projection CALLER_IDENTITY = Projection.of(AwsShapes.CALLER_IDENTITY, "Account", "Arn");

    private final Export export;

    public ExportSource(Export export) {
        this.export = export;
    }

    @Override
    public Inventory load() {
        Diagnostics diagnostics = new Diagnostics();
        List<Export.Account> accounts = export.accounts(diagnostics);
        return new Loader(export, diagnostics).load(accounts);
    }

    @FunctionalInterface
    private interface TaskWith<T, R> {
        R apply(T item, Diagnostics diagnostics);
    }

    /** What one account-region holds, read by one task. */
    private static final class RegionRead {
        final Scope scope;
        final List<Cluster> clusters = new ArrayList<>();
        final List<ClusterSnapshot> snapshots = new ArrayList<>();
        final List<SnapshotCopyGrant> grants = new ArrayList<>();
        final List<Namespace> namespaces = new ArrayList<>();
        final List<Workgroup> workgroups = new ArrayList<>();
        final List<ServerlessSnapshot> serverlessSnapshots = new ArrayList<>();
        final List<ClusterParameterGroup> parameterGroups = new ArrayList<>();
        final List<EventSubscription> eventSubscriptions = new ArrayList<>();
        final List<ClusterSubnetGroup> subnetGroups = new ArrayList<>();
        final List<Datashare> datashares = new ArrayList<>();
        final List<EndpointAuthorization> endpointAuthorizations = new ArrayList<>();
        final Map<ScopedName, Value<ParameterSet>> parameters = new HashMap<>();
        final Map<ScopedName, Value<LoggingStatus>> logging = new HashMap<>();
        final Map<String, Value<SecurityGroup>> groups = new HashMap<>();
        Reason groupsMissing;
        Value<Set<String>> clusterIds;
        Value<Set<String>> workgroupNames;
        /** Key references in first-seen order, with the ARNs of the resources that make them. */
        final Map<ScopedName, List<String>> keyRefs = new LinkedHashMap<>();
        /** What the region's CloudTrail event history says of key rotations. */
        KeyRotations rotations = KeyRotations.none();
        /** How each of the region's list calls was read. */
        Map<AwsCliCall, Value<Boolean>> listings = Map.of();

        RegionRead(Scope scope) {
            this.scope = scope;
        }

        void referKey(Value<String> kmsKeyId, ResourceId user) {
            referKey(scope, kmsKeyId, user);
        }

        /** A key named from {@code from}: a copy's key in its destination region is looked up there. */
        void referKey(Scope from, Value<String> kmsKeyId, ResourceId user) {
            if (kmsKeyId.isPresent() && KeyReference.classify(kmsKeyId.value()) == KeyReference.LOOKUP) {
                keyRefs.computeIfAbsent(new ScopedName(from, kmsKeyId.value()), k -> new ArrayList<>())
                        .add(user.arn());
            }
        }
    }

    /** One load: the joining of the parts. */
    private static final class Loader {

        private final Export export;
        private final Diagnostics diagnostics;

        private final List<Scope> scopes = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();
        private final List<Cluster> clusters = new ArrayList<>();
        private final List<ClusterSnapshot> snapshots = new ArrayList<>();
        private final List<SnapshotCopyGrant> grants = new ArrayList<>();
        private final List<Namespace> namespaces = new ArrayList<>();
        private final List<Workgroup> workgroups = new ArrayList<>();
        private final List<ServerlessSnapshot> serverlessSnapshots = new ArrayList<>();
        private final List<ClusterParameterGroup> parameterGroups = new ArrayList<>();
        private final List<EventSubscription> eventSubscriptions = new ArrayList<>();
        private final List<ClusterSubnetGroup> subnetGroups = new ArrayList<>();
        private final List<Datashare> datashares = new ArrayList<>();
        private final List<EndpointAuthorization> endpointAuthorizations = new ArrayList<>();
        private final Map<ScopedName, Value<ParameterSet>> parameters = new HashMap<>();
        private final Map<ScopedName, Value<LoggingStatus>> logging = new HashMap<>();
        private final Map<ScopedName, Value<SecurityGroup>> groups = new HashMap<>();
        private final Map<Scope, Reason> groupsMissing = new HashMap<>();
        private final Map<Scope, Value<Set<String>>> clusterIds = new HashMap<>();
        private final Map<Scope, Value<Set<String>>> workgroupNames = new HashMap<>();
        private final Map<ScopedName, List<String>> keyRefs = new LinkedHashMap<>();
        private KeyRotations rotations = KeyRotations.none();
        private final Map<ScopedName, Value<Boolean>> lists = new HashMap<>();
        /** Every account-region of the export, and when each account was collected: known before the regions are read. */
        private final Set<Scope> exportedScopes = new HashSet<>();

        private final Map<String, java.time.Instant> collectedAt = new HashMap<>();

        Loader(Export export, Diagnostics diagnostics) {
            this.export = export;
            this.diagnostics = diagnostics;
        }

        Inventory load(List<Export.Account> exported) {
            List<Scope> all = new ArrayList<>();
            for (Export.Account account : exported) {
                for (String region : account.regions()) {
                    all.add(new Scope(account.account(), region));
                }
                if (account.collectedAt() != null) {
                    collectedAt.put(account.account(), account.collectedAt());
                }
            }
            exportedScopes.addAll(all);
            // regions and accounts are read at once; their problems are joined account by account, each account's
            // regions first, as a sequential read meets them
            List<Diagnostics> regionDiagnostics = new ArrayList<>();
            List<Diagnostics> accountDiagnostics = new ArrayList<>();
            List<RegionRead> regions = parallel(all, regionDiagnostics, this::readRegion);
            List<Account> read = parallel(exported, accountDiagnostics, this::account);
            int r = 0;
            for (int a = 0; a < exported.size(); a++) {
                for (int i = 0; i < exported.get(a).regions().size(); i++, r++) {
                    join(regions.get(r));
                    diagnostics.addAll(regionDiagnostics.get(r));
                }
                accounts.add(read.get(a));
                diagnostics.addAll(accountDiagnostics.get(a));
            }
            Map<ScopedName, Value<KmsKey>> keys = new HashMap<>();
            List<KmsKey> kmsKeys = resolveKeys(keys);
            return new Inventory(
                    scopes,
                    accounts,
                    clusters,
                    snapshots,
                    grants,
                    kmsKeys,
                    namespaces,
                    workgroups,
                    serverlessSnapshots,
                    parameterGroups,
                    eventSubscriptions,
                    subnetGroups,
                    datashares,
                    endpointAuthorizations,
                    new Lookup<>(
                            parameters,
                            k -> Value.unknown(
                                    where(k, AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS),
                                    Reason.Kind.NOT_COLLECTED,
                                    "parameter group " + k.name() + " was not read")),
                    new Lookup<>(
                            logging,
                            k -> Value.unknown(
                                    where(k, AwsCliCall.DESCRIBE_LOGGING_STATUS),
                                    Reason.Kind.NOT_COLLECTED,
                                    "logging status of " + k.name() + " was not read")),
                    new Lookup<>(groups, this::missingGroup),
                    new Lookup<>(
                            keys,
                            k -> Value.unknown(
                                    where(k, AwsCliCall.KMS_DESCRIBE_KEY),
                                    Reason.Kind.NOT_FOUND,
                                    "key " + k.name() + " is not referenced by any resource read")),
                    names(clusterIds, AwsCliCall.DESCRIBE_CLUSTERS),
                    names(workgroupNames, AwsCliCall.SERVERLESS_LIST_WORKGROUPS),
                    diagnostics.all(),
                    rotations,
                    new Lookup<>(
                            lists,
                            k -> Value.unknown(
                                    Provenance.of(export.location(k.scope(), AwsCliCall.DESCRIBE_CLUSTERS, null), ""),
                                    Reason.Kind.NOT_COLLECTED,
                                    "region " + k.scope() + " was not collected")));
        }

        /**
         * The items made by {@code task} at once, in order, each with diagnostics of its own (added to
         * {@code diagnostics} in the same order, for the caller to join).
         */
        private static <T, R> List<R> parallel(List<T> items, List<Diagnostics> diagnostics, TaskWith<T, R> task) {
            for (int i = 0; i < items.size(); i++) {
                diagnostics.add(new Diagnostics());
            }
            // one task an item on every core (a parallel stream cuts the list into a few runs, and a run of big
            // account-regions then keeps one core busy while the other waits)
            List<R> made = new ArrayList<>(items.size());
            InOrder.map(
                    IntStream.range(0, items.size()).boxed().toList(),
                    i -> task.apply(items.get(i), diagnostics.get(i)),
                    made::add);
            return made;
        }

        private void join(RegionRead read) {
            scopes.add(read.scope);
            clusters.addAll(read.clusters);
            snapshots.addAll(read.snapshots);
            grants.addAll(read.grants);
            namespaces.addAll(read.namespaces);
            workgroups.addAll(read.workgroups);
            serverlessSnapshots.addAll(read.serverlessSnapshots);
            parameterGroups.addAll(read.parameterGroups);
            eventSubscriptions.addAll(read.eventSubscriptions);
            subnetGroups.addAll(read.subnetGroups);
            datashares.addAll(read.datashares);
            endpointAuthorizations.addAll(read.endpointAuthorizations);
            parameters.putAll(read.parameters);
            logging.putAll(read.logging);
            read.groups.forEach((id, g) -> groups.put(new ScopedName(read.scope, id), g));
            if (read.groupsMissing != null) {
                groupsMissing.put(read.scope, read.groupsMissing);
            }
            clusterIds.put(read.scope, read.clusterIds);
            workgroupNames.put(read.scope, read.workgroupNames);
            read.keyRefs.forEach((ref, users) ->
                    keyRefs.computeIfAbsent(ref, k -> new ArrayList<>()).addAll(users));
            rotations = rotations.merge(read.rotations);
            read.listings.forEach((call, v) -> lists.put(new ScopedName(read.scope, call.iamAction()), v));
        }

        private Provenance where(ScopedName k, AwsCliCall call) {
            return Provenance.of(export.location(k.scope(), call, k.name()), "");
        }

        private Value<SecurityGroup> missingGroup(ScopedName k) {
            Reason missing = groupsMissing.get(k.scope());
            Provenance where =
                    Provenance.of(export.location(k.scope(), AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS, null), "");
            return missing != null
                    ? Value.unknown(where, missing.kind(), missing.detail())
                    : Value.unknown(
                            where,
                            Reason.Kind.NOT_FOUND,
                            "security group " + k.name() + " is not in " + where.location()
                                    + " (deleted, or the collector did not ask for it)");
        }

        private RegionRead readRegion(Scope scope, Diagnostics d) {
            ExportReader reader = new ExportReader(export, d);
            RedshiftReader redshift = new RedshiftReader(reader);
            RegionRead read = new RegionRead(scope);
            Set<String> ids = new HashSet<>();
            List<Provenance> unnamed = new ArrayList<>();
            ExportReader.Listing listed = redshift.clusters(
                    scope,
                    c -> {
                        read.clusters.add(c);
                        ids.add(c.identifier());
                        read.referKey(c.kmsKeyId(), c.id());
                        ScopedName clusterName = new ScopedName(scope, c.identifier());
                        read.logging.put(clusterName, redshift.logging(scope, c.identifier()));
                        if (c.parameterGroup().isPresent()) {
                            String group = c.parameterGroup().value().name();
                            read.parameters.computeIfAbsent(
                                    new ScopedName(scope, group), k -> redshift.parameters(scope, group));
                        }
                    },
                    unnamed::add);
            Provenance where = Provenance.of(export.location(scope, AwsCliCall.DESCRIBE_CLUSTERS, null), "");
            read.clusterIds = names(listed, ids, where);
            if (read.clusterIds.isPresent() && !unnamed.isEmpty()) {
                // a record that could not be named could be any cluster: which ones exist is no longer known
                read.clusterIds = Value.unknown(
                        unnamed.get(0),
                        Reason.Kind.UNREADABLE,
                        "the cluster record at " + unnamed.get(0) + " has no usable ClusterIdentifier"
                                + (unnamed.size() > 1 ? " (and " + (unnamed.size() - 1) + " more)" : "")
                                + ", so which clusters exist in " + scope + " is not known");
            }
            redshift.parameterGroups(scope, read.parameterGroups::add);
            redshift.eventSubscriptions(scope, read.eventSubscriptions::add);
            redshift.subnetGroups(scope, read.subnetGroups::add);
            redshift.endpointAuthorizations(scope, read.endpointAuthorizations::add);
            redshift.datashares(scope, read.datashares::add);
            redshift.snapshots(scope, s -> {
                read.snapshots.add(s);
                if (!s.isSharedIn()) {
                    read.referKey(s.kmsKeyId(), s.id());
                }
            });
            redshift.copyGrants(scope, g -> {
                read.grants.add(g);
                read.referKey(g.kmsKeyId(), g.id());
            });
            ExportReader.Listing sgListed = new SecurityGroupReader(reader).groups(scope, read.groups);
            read.groupsMissing = sgListed.value(
                            true,
                            Provenance.of(export.location(scope, AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS, null), ""))
                    .reason();
            ServerlessReader serverless = new ServerlessReader(reader);
            serverless.namespaces(scope, n -> {
                read.namespaces.add(n);
                read.referKey(n.kmsKeyId(), n.id());
                referCopyKeys(read, n);
            });
            Set<String> workgroups = new HashSet<>();
            ExportReader.Listing workgroupsListed = serverless.workgroups(scope, w -> {
                read.workgroups.add(w);
                workgroups.add(w.id().name());
            });
            read.workgroupNames = names(
                    workgroupsListed,
                    workgroups,
                    Provenance.of(export.location(scope, AwsCliCall.SERVERLESS_LIST_WORKGROUPS, null), ""));
            serverless.snapshots(scope, s -> {
                read.serverlessSnapshots.add(s);
                if (scope.account().equals(s.ownerAccount().value())) {
                    read.referKey(s.kmsKeyId(), s.id());
                }
            });
            read.rotations = new LookupEventsReader(reader).rotations(scope, collectedAt.get(scope.account()));
            read.listings = Map.copyOf(reader.listings);
            return read;
        }

        /** The names a list call gave per region; a region not read is unknown, at the call's file. */
        private Lookup<Scope, Set<String>> names(Map<Scope, Value<Set<String>>> byScope, AwsCliCall call) {
            return new Lookup<>(
                    byScope,
                    s -> Value.unknown(
                            Provenance.of(export.location(s, call, null), ""),
                            Reason.Kind.NOT_COLLECTED,
                            "region " + s + " was not collected"));
        }

        /** The names a list call gave, when it was read whole; otherwise unknown, saying why. */
        private static Value<Set<String>> names(ExportReader.Listing listed, Set<String> names, Provenance where) {
            return listed.value(Set.copyOf(names), where);
        }

        /**
         * The key each of a namespace's snapshot copies names, looked up in the copy's destination region when that
         * region is in the export (a copy into a region not collected is judged unknown without its key).
         */
        private void referCopyKeys(RegionRead read, Namespace n) {
            if (!n.copyConfigurations().isPresent()) {
                return;
            }
            for (SnapshotCopyConfiguration c : n.copyConfigurations().value()) {
                if (c.destinationRegion().isPresent()) {
                    Scope there = new Scope(
                            read.scope.account(), c.destinationRegion().value());
                    if (exportedScopes.contains(there)) {
                        read.referKey(there, c.destinationKmsKeyId(), n.id());
                    }
                }
            }
        }

        /** One {@link KmsKey} per distinct key ARN, and the lookup from every reference to it. */
        private List<KmsKey> resolveKeys(Map<ScopedName, Value<KmsKey>> lookup) {
            List<Map.Entry<ScopedName, List<String>>> refs = new ArrayList<>(keyRefs.entrySet());
            List<Diagnostics> keyDiagnostics = new ArrayList<>();
            List<KmsKey> read = parallel(
                    refs,
                    keyDiagnostics,
                    (ref, d) -> new KmsReader(new ExportReader(export, d))
                            .key(ref.getKey().scope(), ref.getKey().name(), ref.getValue()));
            keyDiagnostics.forEach(diagnostics::addAll);
            Map<String, KmsKey> byArn = new LinkedHashMap<>();
            for (int i = 0; i < refs.size(); i++) {
                KmsKey key = read.get(i);
                KmsKey merged = byArn.merge(key.id().arn(), key, (a, b) -> {
                    List<String> users = new ArrayList<>(a.usedBy());
                    users.addAll(b.usedBy());
                    // a key of another account has its policy and grants only in the export of its own account
                    return new KmsKey(
                            a.id(),
                            a.metadata(),
                            a.rotationEnabled(),
                            a.rotationPeriodInDays(),
                            a.policy().isUnknown() ? b.policy() : a.policy(),
                            a.grants().isUnknown() ? b.grants() : a.grants(),
                            users);
                });
                lookup.put(refs.get(i).getKey(), Value.known(merged, merged.id().origin()));
            }
            // the lookup must hand out the merged keys, whose usedBy lists are complete
            lookup.replaceAll((k, v) -> Value.known(byArn.get(v.value().id().arn()), v.provenance()));
            return List.copyOf(byArn.values());
        }

        private Account account(Export.Account exported, Diagnostics d) {
            ExportReader reader = new ExportReader(export, d);
            Scope scope = Scope.account(exported.account());
            CallOutput out = reader.output(scope, AwsCliCall.STS_GET_CALLER_IDENTITY, null);
            Value<ResponseObject> sts =
                    reader.document(out, scope, AwsCliCall.STS_GET_CALLER_IDENTITY, null, CALLER_IDENTITY);
            Value<String> callerArn;
            if (sts.isUnknown()) {
                callerArn = sts.map(x -> null);
                if (out instanceof CallOutput.Missing m && m.cause() == CallOutput.Cause.NOT_COLLECTED) {
                    d.error(
                            Kind.NOT_COLLECTED,
                            sts.provenance().location(),
                            "absent: "
                                    + AwsCliCall.STS_GET_CALLER_IDENTITY.cli()
                                    + " was not collected, so nothing confirms"
                                    + " that the folder holds account " + exported.account());
                }
            } else {
                Value<String> account = sts.value().text("Account", Absent.UNKNOWN);
                if (account.isPresent() && !account.value().equals(exported.account())) {
                    d.error(
                            Kind.LAYOUT,
                            account.provenance().toString(),
                            "the caller identity is account "
                                    + account.value() + " but the folder is " + exported.account()
                                    + ": the files were probably collected with the wrong credentials or put in the wrong"
                                    + " folder; they are judged as account " + exported.account());
                }
                callerArn = sts.value().text("Arn", Absent.UNKNOWN);
            }
            ResourceId id = new ResourceId(
                    ResourceType.ACCOUNT,
                    scope,
                    exported.account(),
                    Arns.account(exported.account()),
                    Provenance.of(exported.location(), ""));
            return new Account(
                    id,
                    callerArn,
                    new CloudTrailReader(reader).trails(exported.account(), exported.regions()),
                    exported.collectedAt());
        }
    }
}
