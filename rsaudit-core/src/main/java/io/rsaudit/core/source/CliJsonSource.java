package io.rsaudit.core.source;

import io.rsaudit.core.model.Account;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Lookup;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.ScopedName;
import io.rsaudit.core.model.SecurityGroup;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.SnapshotCopyGrant;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an inventory from a directory of AWS CLI JSON output ({@code docs/input-layout.md}). Read-only, offline,
 * and total: whatever is wrong with one file is reported and the rest is still read.
 */
public final class CliJsonSource implements InventorySource {

    private final Path root;

    public CliJsonSource(Path root) {
        this.root = root;
    }

    @Override
    public Inventory load() {
        Diagnostics diagnostics = new Diagnostics();
        ExportLayout layout = ExportLayout.scan(root, diagnostics);
        return new Loader(layout, new Export(layout, diagnostics), diagnostics).load();
    }

    /** One load: the mutable state of a single read of the export. */
    private static final class Loader {

        private final ExportLayout layout;
        private final Export export;
        private final Diagnostics diagnostics;
        private final RedshiftReader redshift;
        private final ServerlessReader serverless;
        private final KmsReader kms;
        private final CloudTrailReader cloudTrail;
        private final SecurityGroupReader securityGroups;

        private final List<Scope> scopes = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();
        private final List<Cluster> clusters = new ArrayList<>();
        private final List<ClusterSnapshot> snapshots = new ArrayList<>();
        private final List<SnapshotCopyGrant> grants = new ArrayList<>();
        private final List<Namespace> namespaces = new ArrayList<>();
        private final List<Workgroup> workgroups = new ArrayList<>();
        private final List<ServerlessSnapshot> serverlessSnapshots = new ArrayList<>();
        private final Map<ScopedName, Value<ParameterSet>> parameters = new HashMap<>();
        private final Map<ScopedName, Value<LoggingStatus>> logging = new HashMap<>();
        private final Map<ScopedName, Value<SecurityGroup>> groups = new HashMap<>();
        private final Map<Scope, String> groupsMissing = new HashMap<>();
        private final Map<Scope, Value<Set<String>>> clusterIds = new HashMap<>();
        /** Key references in first-seen order, with the ARNs of the resources that make them. */
        private final Map<ScopedName, List<String>> keyRefs = new LinkedHashMap<>();

        Loader(ExportLayout layout, Export export, Diagnostics diagnostics) {
            this.layout = layout;
            this.export = export;
            this.diagnostics = diagnostics;
            this.redshift = new RedshiftReader(export);
            this.serverless = new ServerlessReader(export);
            this.kms = new KmsReader(export);
            this.cloudTrail = new CloudTrailReader(export);
            this.securityGroups = new SecurityGroupReader(export);
        }

        Inventory load() {
            for (ExportLayout.AccountDir account : layout.accounts()) {
                for (String region : account.regions()) {
                    Scope scope = new Scope(account.account(), region);
                    scopes.add(scope);
                    readRegion(scope);
                }
                accounts.add(account(account));
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
                    new Lookup<>(
                            parameters,
                            k -> Value.unknown(
                                    where(k, AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS),
                                    "parameter group " + k.name() + " was not read")),
                    new Lookup<>(
                            logging,
                            k -> Value.unknown(
                                    where(k, AwsCliCall.DESCRIBE_LOGGING_STATUS),
                                    "logging status of " + k.name() + " was not read")),
                    new Lookup<>(groups, this::missingGroup),
                    new Lookup<>(
                            keys,
                            k -> Value.unknown(
                                    where(k, AwsCliCall.KMS_DESCRIBE_KEY),
                                    "key " + k.name() + " is not referenced by any resource read")),
                    new Lookup<>(
                            clusterIds,
                            s -> Value.unknown(
                                    Provenance.of(layout.expected(s, AwsCliCall.DESCRIBE_CLUSTERS, null), ""),
                                    "region " + s + " was not collected")),
                    diagnostics.all());
        }

        private Provenance where(ScopedName k, AwsCliCall call) {
            return Provenance.of(layout.expected(k.scope(), call, k.name()), "");
        }

        private Value<SecurityGroup> missingGroup(ScopedName k) {
            String missing = groupsMissing.get(k.scope());
            Provenance where =
                    Provenance.of(layout.expected(k.scope(), AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS, null), "");
            return Value.unknown(
                    where,
                    missing != null
                            ? missing
                            : "security group " + k.name() + " is not in " + where.location()
                                    + " (deleted, or the collector did not ask for it)");
        }

        private void readRegion(Scope scope) {
            Set<String> ids = new HashSet<>();
            Export.Listing listed = redshift.clusters(scope, c -> {
                clusters.add(c);
                ids.add(c.identifier());
                linkCluster(scope, c);
            });
            Provenance where = Provenance.of(layout.expected(scope, AwsCliCall.DESCRIBE_CLUSTERS, null), "");
            clusterIds.put(
                    scope,
                    !listed.collected()
                            ? Value.unknown(where, listed.missing())
                            : listed.complete()
                                    ? Value.known(Set.copyOf(ids), where)
                                    : Value.unknown(
                                            where,
                                            "only partly read: " + where.location() + " (see the collection errors)"));
            redshift.parameterGroups(scope);
            redshift.snapshots(scope, s -> {
                snapshots.add(s);
                if (!s.isSharedIn()) {
                    referKey(scope, s.kmsKeyId(), s.id());
                }
            });
            redshift.copyGrants(scope, g -> {
                grants.add(g);
                referKey(scope, g.kmsKeyId(), g.id());
            });
            Map<String, Value<SecurityGroup>> sgs = new HashMap<>();
            Export.Listing sgListed = securityGroups.groups(scope, sgs);
            sgs.forEach((id, g) -> groups.put(new ScopedName(scope, id), g));
            if (!sgListed.collected()) {
                groupsMissing.put(scope, sgListed.missing());
            } else if (!sgListed.complete()) {
                groupsMissing.put(
                        scope,
                        "only partly read: " + layout.expected(scope, AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS, null)
                                + " (see the collection errors)");
            }
            readServerless(scope);
        }

        private void linkCluster(Scope scope, Cluster c) {
            referKey(scope, c.kmsKeyId(), c.id());
            ScopedName clusterName = new ScopedName(scope, c.identifier());
            logging.put(clusterName, redshift.logging(scope, c.identifier()));
            if (c.parameterGroup().isPresent()) {
                String group = c.parameterGroup().value().name();
                parameters.computeIfAbsent(new ScopedName(scope, group), k -> redshift.parameters(scope, group));
            }
        }

        private void readServerless(Scope scope) {
            serverless.namespaces(scope, n -> {
                namespaces.add(n);
                referKey(scope, n.kmsKeyId(), n.id());
            });
            serverless.workgroups(scope, workgroups::add);
            serverless.snapshots(scope, s -> {
                serverlessSnapshots.add(s);
                if (scope.account().equals(s.ownerAccount().value())) {
                    referKey(scope, s.kmsKeyId(), s.id());
                }
            });
        }

        private void referKey(Scope scope, Value<String> kmsKeyId, ResourceId user) {
            if (kmsKeyId.isPresent() && KeyReference.classify(kmsKeyId.value()) == KeyReference.LOOKUP) {
                keyRefs.computeIfAbsent(new ScopedName(scope, kmsKeyId.value()), k -> new ArrayList<>())
                        .add(user.arn());
            }
        }

        /** One {@link KmsKey} per distinct key ARN, and the lookup from every reference to it. */
        private List<KmsKey> resolveKeys(Map<ScopedName, Value<KmsKey>> lookup) {
            Map<String, KmsKey> byArn = new LinkedHashMap<>();
            for (Map.Entry<ScopedName, List<String>> ref : keyRefs.entrySet()) {
                KmsKey key = kms.key(ref.getKey().scope(), ref.getKey().name(), ref.getValue());
                KmsKey merged = byArn.merge(key.id().arn(), key, (a, b) -> {
                    List<String> users = new ArrayList<>(a.usedBy());
                    users.addAll(b.usedBy());
                    return new KmsKey(a.id(), a.metadata(), a.rotationEnabled(), a.rotationPeriodInDays(), users);
                });
                lookup.put(ref.getKey(), Value.known(merged, merged.id().origin()));
            }
            // the lookup must hand out the merged keys, whose usedBy lists are complete
            lookup.replaceAll((k, v) -> Value.known(byArn.get(v.value().id().arn()), v.provenance()));
            return List.copyOf(byArn.values());
        }

        private Account account(ExportLayout.AccountDir dir) {
            Scope scope = Scope.account(dir.account());
            Value<Node> sts =
                    export.document(scope, AwsCliCall.STS_GET_CALLER_IDENTITY, null, AwsShapes.CALLER_IDENTITY);
            Value<String> callerArn;
            if (sts.isUnknown()) {
                callerArn = sts.map(x -> null);
                if (sts.note().startsWith("not collected")) {
                    diagnostics.error(
                            Kind.NOT_COLLECTED,
                            sts.provenance().location(),
                            "absent: "
                                    + AwsCliCall.STS_GET_CALLER_IDENTITY.cli()
                                    + " was not collected, so nothing confirms"
                                    + " that the folder holds account " + dir.account());
                }
            } else {
                Value<String> account = sts.value().text("Account", Absent.UNKNOWN);
                if (account.isPresent() && !account.value().equals(dir.account())) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            account.provenance().toString(),
                            "the caller identity is account "
                                    + account.value() + " but the folder is " + dir.account()
                                    + ": the files were probably collected with the wrong credentials or put in the wrong"
                                    + " folder; they are judged as account " + dir.account());
                }
                callerArn = sts.value().text("Arn", Absent.UNKNOWN);
            }
            ResourceId id = new ResourceId(
                    ResourceType.ACCOUNT,
                    scope,
                    dir.account(),
                    Arns.account(dir.account()),
                    Provenance.of(layout.relative(dir.dir()).isEmpty() ? "." : layout.relative(dir.dir()), ""));
            return new Account(id, callerArn, cloudTrail.trails(dir.account(), dir.regions()));
        }
    }
}
