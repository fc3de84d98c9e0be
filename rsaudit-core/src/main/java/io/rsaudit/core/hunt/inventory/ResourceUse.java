package io.rsaudit.core.hunt.inventory;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.EventSink;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KeyMetadata;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the security group or KMS key a CloudTrail call names belongs to a Redshift cluster, workgroup or
 * namespace, by an inventory. CloudTrail records that a group was opened (AuthorizeSecurityGroupIngress names {@code
 * groupId}) or a key was disabled or scheduled for deletion (KMS names the key in {@code resources}) but not what the
 * group protects or the key encrypts; the inventory knows which clusters ({@code VpcSecurityGroups}, EC2-Classic
 * {@code ClusterSecurityGroups}, {@code KmsKeyId}), workgroups ({@code securityGroupIds}) and namespaces ({@code
 * kmsKeyId}) use it.
 *
 * <p>An event naming a group or a key gets two derived fields: {@link #ATTACHMENT} is {@code redshift} when a
 * resource of the inventory uses it, {@code none} when the inventory holds every resource of the event's account and
 * region that could (clusters and workgroups for a group; clusters and namespaces for a key) and none uses it, and is
 * left absent when the inventory cannot tell (no inventory, the account or region not in it, a list not read whole,
 * a resource whose groups or key are unknown, a key named only by an alias the inventory does not resolve);
 * {@link #ATTACHED_TO} names the users ({@code cluster prod-dw, workgroup analytics}). An event with no cluster of
 * its own also takes the users' names as its cluster, so that the alert names them. An ingress to a VPC group in
 * use ({@code AuthorizeSecurityGroupIngress}) also gets {@link #PORT_REACHED}: whether a permission it opens to the
 * whole internet ({@code 0.0.0.0/0}, {@code ::/0}) covers the port of one of the users. The inventory is as of its
 * export: a group attached or a key chosen later reads as {@code none}.
 */
public final class ResourceUse implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code redshift}, {@code none}, or absent: cannot tell (for a security group or a KMS key alike). */
    public static final String ATTACHMENT = LogType.INVENTORY_FIELDS.get(0);

    /** The clusters and workgroups that use the group, {@code cluster NAME} or {@code workgroup NAME}, sorted. */
    public static final String ATTACHED_TO = LogType.INVENTORY_FIELDS.get(1);

    /**
     * {@code true} when a permission the ingress opens to the whole internet covers a user's port (its protocol all
     * traffic, or TCP with the port in its range), {@code false} when none does, absent when it cannot tell (a user
     * whose port is unknown, a permission without its ports).
     */
    public static final String PORT_REACHED = LogType.INVENTORY_FIELDS.get(2);

    private static final String PERMISSIONS = "requestParameters.ipPermissions.items.";

    private static final String GROUP_ID = "requestParameters.groupId";
    private static final String KMS = "kms.amazonaws.com";
    /** Where KMS's CloudTrail records name the key as its ARN, whatever the caller named it by. */
    private static final String KEY_ARN = "resources.0.ARN";

    private static final String KEY_ID = "requestParameters.keyId";

    /**
     * The KMS calls that change a key (its state, material, policy or rotation), the ones placed: the calls that use
     * a key (Decrypt, GenerateDataKey...) are most of a trail's KMS records, and placing each would cost a copy of
     * its fields and, with a live lookup, a lookup of every account-region that uses KMS at all. A {@link #GRANT} is
     * placed only when it names a grantee of another account (see {@link #grantsOut}): services grant themselves
     * keys all day.
     */
    private static final Set<String> KEY_CHANGES = Set.of(
            "ScheduleKeyDeletion",
            "CancelKeyDeletion",
            "DisableKey",
            "EnableKey",
            "DeleteImportedKeyMaterial",
            "ImportKeyMaterial",
            "PutKeyPolicy",
            "DisableKeyRotation",
            "EnableKeyRotation");

    private static final String GRANT = "CreateGrant";
    private static final String GRANTEE = "requestParameters.granteePrincipal";

    private static final String CLUSTER_GROUP = "requestParameters.clusterSecurityGroupName";

    /** Each account-region the inventory placed, or the lookup was asked for. */
    private final Map<Scope, Placement> placements;
    /**
     * Looks up an account-region not yet placed; {@code null}: every account-region is in {@link #placements}. A use
     * that looks up does not serialize ({@link #writeReplace}), so it is never lost on the way.
     */
    private final transient InventoryLookup lookup;
    /**
     * The account-regions looked up for a KMS key: only there do the notes say why keys cannot be placed. Kept only
     * with a {@link #lookup}, which never travels (a deserialized use has neither).
     */
    private final transient Set<Scope> keysAsked = ConcurrentHashMap.newKeySet();
    /** The account-regions looked up for a security group. */
    private final transient Set<Scope> groupsAsked = ConcurrentHashMap.newKeySet();

    private ResourceUse(Map<Scope, Placement> placements, InventoryLookup lookup) {
        this.placements = placements;
        this.lookup = lookup;
    }

    /** The use of security groups as {@code inventory} records it; an account-region not in it cannot be told. */
    public static ResourceUse of(Inventory inventory) {
        Set<Scope> scopes = new TreeSet<>(inventory.scopes());
        inventory.clusters().forEach(c -> scopes.add(c.id().scope()));
        inventory.workgroups().forEach(w -> scopes.add(w.id().scope()));
        Map<Scope, Placement> placed = new HashMap<>();
        for (Scope s : scopes) {
            placed.put(s, Placement.of(inventory, s));
        }
        return new ResourceUse(Map.copyOf(placed), null);
    }

    /**
     * The use of security groups as {@code lookup} finds it, asked once for each account-region whose CloudTrail
     * records name a group, when the first such record comes. The lookup may be called from several threads.
     */
    public static ResourceUse lookingUp(InventoryLookup lookup) {
        return new ResourceUse(new ConcurrentHashMap<>(), Objects.requireNonNull(lookup, "lookup"));
    }

    /**
     * What the lookups could not tell: one line per account-region looked up where a group or key not used by any
     * cluster, workgroup or namespace it found cannot be proven unused, sorted; empty for an inventory given whole.
     */
    public List<String> notes() {
        if (lookup == null) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Scope, Placement> e : new TreeMap<>(placements).entrySet()) {
            Set<String> why = new TreeSet<>();
            if (e.getValue().why() != null && groupsAsked.contains(e.getKey())) {
                why.add(e.getValue().why());
            }
            if (e.getValue().keysWhy() != null && keysAsked.contains(e.getKey())) {
                why.add(e.getValue().keysWhy());
            }
            if (!why.isEmpty()) {
                notes.add("inventory lookup of account " + e.getKey().account() + " in "
                        + e.getKey().region() + ": "
                        + String.join("; ", why)
                        + "; a security group opened to the world, or a KMS key changed, there that no cluster,"
                        + " workgroup or namespace found uses is reported as not placed (RSH-CT-013, RSH-CT-025)");
            }
        }
        return notes;
    }

    /** Only the use of an inventory given whole travels (to the Spark job's executors). */
    private Object writeReplace() throws ObjectStreamException {
        if (lookup != null) {
            throw new NotSerializableException("a ResourceUse that looks up account-regions is not serializable");
        }
        return this;
    }

    private Placement placement(Scope scope) {
        if (lookup == null) {
            return placements.getOrDefault(scope, Placement.NOT_IN_INVENTORY);
        }
        return placements.computeIfAbsent(scope, s -> {
            InventoryLookup.Answer answer = lookup.lookUp(s);
            return answer.inventory() == null
                    ? Placement.unplaced(answer.unreachable())
                    : Placement.of(answer.inventory(), s);
        });
    }

    /** {@code sink}, handed each event with the derived fields added where the event names a group. */
    public EventSink wrap(EventSink sink) {
        return e -> sink.accept(enrich(e));
    }

    /** The event with {@link #ATTACHMENT} and {@link #ATTACHED_TO} when it names a group the inventory can place. */
    public Event enrich(Event e) {
        if (e.type() != LogType.CLOUDTRAIL || e.account() == null || e.region() == null) {
            return e;
        }
        if (KMS.equals(e.fields().get("eventSource"))) {
            String call = e.fields().get("eventName");
            return KEY_CHANGES.contains(call) || GRANT.equals(call) && grantsOut(e) ? enrichKey(e) : e;
        }
        String groupId = e.fields().get(GROUP_ID);
        String classic = e.fields().get(CLUSTER_GROUP);
        if (groupId == null && classic == null) {
            return e;
        }
        Scope scope = new Scope(e.account().trim(), e.region().trim());
        if (lookup != null) {
            groupsAsked.add(scope);
        }
        Placement placement = placement(scope);
        Set<String> users = new TreeSet<>();
        if (groupId != null) {
            users.addAll(placement.vpcUsers().getOrDefault(groupId.trim(), Set.of()));
        }
        if (classic != null) {
            users.addAll(placement.classicUsers().getOrDefault(classic.trim(), Set.of()));
        }
        if (users.isEmpty() && placement.why() != null) {
            return e;
        }
        Map<String, String> fields = attached(e, users);
        if (groupId != null && !users.isEmpty()) {
            Boolean reached = reachesPort(e.fields(), placement.vpcPorts().getOrDefault(groupId.trim(), Set.of()));
            if (reached != null) {
                fields.put(PORT_REACHED, reached.toString());
            }
        }
        return withUsers(e, users, fields);
    }

    /** Whether a grant names a grantee of an account other than the record's own (a service principal names none). */
    private static boolean grantsOut(Event e) {
        String account = Arns.accountNamed(e.fields().get(GRANTEE));
        return account != null && !account.equals(e.account().trim());
    }

    /** A KMS call's event, with the key's users when the inventory can place the key it names. */
    private Event enrichKey(Event e) {
        String key = keyId(e.fields().get(KEY_ARN));
        if (key == null) {
            key = keyId(e.fields().get(KEY_ID));
        }
        if (key == null) {
            return e;
        }
        Scope scope = new Scope(e.account().trim(), e.region().trim());
        if (lookup != null) {
            keysAsked.add(scope);
        }
        Placement placement = placement(scope);
        Set<String> users = placement.keyUsers().getOrDefault(key, Set.of());
        if (users.isEmpty() && placement.keysWhy() != null) {
            return e;
        }
        return withUsers(e, users, attached(e, users));
    }

    /** The event's fields with {@link #ATTACHMENT} and {@link #ATTACHED_TO} for these users. */
    private static Map<String, String> attached(Event e, Set<String> users) {
        Map<String, String> fields = new LinkedHashMap<>(e.fields());
        fields.put(ATTACHMENT, users.isEmpty() ? "none" : "redshift");
        if (!users.isEmpty()) {
            fields.put(ATTACHED_TO, String.join(", ", users));
        }
        return fields;
    }

    /** The event with these fields, and the users' names as its cluster when it names none. */
    private static Event withUsers(Event e, Set<String> users, Map<String, String> fields) {
        String cluster = e.cluster() != null || users.isEmpty()
                ? e.cluster()
                : String.join(
                        ", ",
                        users.stream().map(u -> u.substring(u.indexOf(' ') + 1)).toList());
        return e.with(cluster, Collections.unmodifiableMap(fields));
    }

    /**
     * The key id a key reference names: the id itself, or the part after {@code key/} of a key ARN; {@code null} for
     * an alias (which only an inventory's key lookup resolves) or nothing.
     */
    static String keyId(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String r = reference.trim();
        int at = r.indexOf(":key/");
        if (at >= 0) {
            return r.substring(at + ":key/".length());
        }
        return r.indexOf(':') < 0 && r.indexOf('/') < 0 && !r.startsWith("alias") ? r : null;
    }

    /**
     * Whether a permission of the request open to the whole internet covers one of {@code ports}; {@code null} when
     * it cannot tell: a port unknown ({@link Placement#UNKNOWN_PORT}), or a world-open permission without a protocol
     * or the ports its protocol needs.
     */
    static Boolean reachesPort(Map<String, String> fields, Set<Integer> ports) {
        if (ports.isEmpty() || ports.contains(Placement.UNKNOWN_PORT)) {
            return null;
        }
        boolean unknown = false;
        for (int i = 0; fields.containsKey(PERMISSIONS + i + ".ipProtocol") || worldOpen(fields, i); i++) {
            if (!worldOpen(fields, i)) {
                continue;
            }
            String protocol = fields.get(PERMISSIONS + i + ".ipProtocol");
            if ("-1".equals(protocol)) {
                return true;
            }
            if (!"tcp".equalsIgnoreCase(protocol) && !"6".equals(protocol)) {
                if (protocol == null) {
                    unknown = true;
                }
                continue;
            }
            Integer from = integer(fields.get(PERMISSIONS + i + ".fromPort"));
            Integer to = integer(fields.get(PERMISSIONS + i + ".toPort"));
            if (from == null || to == null) {
                unknown = true;
                continue;
            }
            for (int port : ports) {
                if (from <= port && port <= to) {
                    return true;
                }
            }
        }
        return unknown ? null : false;
    }

    /** Whether permission {@code i} opens to {@code 0.0.0.0/0} or {@code ::/0}. */
    private static boolean worldOpen(Map<String, String> fields, int i) {
        for (int j = 0; ; j++) {
            String v4 = fields.get(PERMISSIONS + i + ".ipRanges.items." + j + ".cidrIp");
            String v6 = fields.get(PERMISSIONS + i + ".ipv6Ranges.items." + j + ".cidrIpv6");
            if (v4 == null && v6 == null) {
                return false;
            }
            if ("0.0.0.0/0".equals(v4 == null ? null : v4.trim()) || "::/0".equals(v6 == null ? null : v6.trim())) {
                return true;
            }
        }
    }

    private static Integer integer(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * What one account-region's inventory says of its security groups.
     *
     * @param vpcUsers VPC group id to the clusters and workgroups using it
     * @param classicUsers EC2-Classic cluster security group name to the clusters using it
     * @param vpcPorts VPC group id to the ports of the clusters and workgroups using it, {@link #UNKNOWN_PORT} for a
     *     user whose port is unknown
     * @param why why a group no cluster or workgroup uses cannot be proven unused; {@code null} when every cluster and
     *     workgroup, and every group each uses, is known
     * @param keyUsers KMS key id to the clusters and namespaces it encrypts
     * @param keysWhy why a key no cluster or namespace uses cannot be proven unused; {@code null} when every cluster
     *     and namespace, and the key of each, is known
     */
    private record Placement(
            Map<String, Set<String>> vpcUsers,
            Map<String, Set<String>> classicUsers,
            Map<String, Set<Integer>> vpcPorts,
            String why,
            Map<String, Set<String>> keyUsers,
            String keysWhy)
            implements Serializable {

        static final int UNKNOWN_PORT = -1;

        static final Placement NOT_IN_INVENTORY = unplaced("not in the inventory");

        /** An account-region the inventory says nothing of, for this reason. */
        static Placement unplaced(String why) {
            return new Placement(Map.of(), Map.of(), Map.of(), why, Map.of(), why);
        }

        static Placement of(Inventory inventory, Scope scope) {
            Map<String, Set<String>> vpc = new HashMap<>();
            Map<String, Set<String>> classic = new HashMap<>();
            Map<String, Set<Integer>> ports = new HashMap<>();
            String why = null;
            for (Cluster c : inventory.clusters()) {
                if (c.id().scope().equals(scope)) {
                    String user = "cluster " + c.identifier();
                    addPort(ports, c.vpcSecurityGroupIds(), c.port());
                    boolean vpcKnown = add(vpc, c.vpcSecurityGroupIds(), user);
                    boolean classicKnown = add(classic, c.classicSecurityGroups(), user);
                    if (!vpcKnown || !classicKnown) {
                        why = "the security groups of cluster " + c.identifier() + " are unknown";
                    }
                }
            }
            for (Workgroup w : inventory.workgroups()) {
                if (!w.id().scope().equals(scope)) {
                    continue;
                }
                addPort(ports, w.securityGroupIds(), w.port());
                if (!add(vpc, w.securityGroupIds(), "workgroup " + w.id().name())) {
                    why = "the security groups of workgroup " + w.id().name() + " are unknown";
                }
            }
            Value<Set<String>> clusters = inventory.clusterIdentifiers(scope);
            Value<Set<String>> workgroups = inventory.workgroupNames(scope);
            if (workgroups.isUnknown()) {
                why = "its workgroups are unknown: " + workgroups.note();
            }
            if (clusters.isUnknown()) {
                why = "its clusters are unknown: " + clusters.note();
            }
            Map<String, Set<String>> keys = new HashMap<>();
            String keysWhy = clusters.isUnknown() ? why : null;
            for (Cluster c : inventory.clusters()) {
                if (c.id().scope().equals(scope)
                        && !addKey(keys, inventory, scope, c.kmsKeyId(), "cluster " + c.identifier())) {
                    keysWhy = "the key of cluster " + c.identifier() + " is unknown";
                }
            }
            for (Namespace n : inventory.namespaces()) {
                if (n.id().scope().equals(scope)
                        && !addKey(keys, inventory, scope, n.kmsKeyId(), "namespace " + n.id().name())) {
                    keysWhy = "the key of namespace " + n.id().name() + " is unknown";
                }
            }
            Value<Boolean> namespaces = inventory.listed(scope, "redshift-serverless:ListNamespaces");
            if (!namespaces.isPresent()) {
                keysWhy = "its namespaces are unknown: " + namespaces.note();
            }
            return new Placement(
                    Map.copyOf(vpc), Map.copyOf(classic), Map.copyOf(ports), why, Map.copyOf(keys), keysWhy);
        }

        /**
         * Adds the key a resource names, by its id; whether it is known ({@code false}: unknown, or a customer alias
         * the inventory's key lookup did not resolve). No key, the AWS-owned one, or an AWS managed alias the lookup
         * did not resolve is known and adds nothing: no customer can disable or delete those.
         */
        private static boolean addKey(
                Map<String, Set<String>> keys, Inventory inventory, Scope scope, Value<String> kmsKeyId, String user) {
            if (kmsKeyId.isUnknown()) {
                return false;
            }
            String reference = kmsKeyId.value();
            KeyReference kind = KeyReference.classify(reference);
            if (kind == KeyReference.NONE || kind == KeyReference.AWS_OWNED) {
                return true;
            }
            String id = keyId(reference);
            if (id == null) {
                // an alias: the key's id as the inventory's describe-key of it says
                Value<KmsKey> key = inventory.key(scope, reference.trim());
                KeyMetadata metadata = key.isPresent() && key.value().metadata().isPresent()
                        ? key.value().metadata().value()
                        : null;
                id = metadata == null ? null : keyId(metadata.keyId());
            }
            if (id == null) {
                // an AWS managed key (aws/redshift) is none a customer can disable or delete: known enough
                return kind == KeyReference.AWS_MANAGED_ALIAS;
            }
            keys.computeIfAbsent(id, k -> new TreeSet<>()).add(user);
            return true;
        }

        private static void addPort(Map<String, Set<Integer>> ports, Value<List<String>> groups, Value<Integer> port) {
            if (groups.isPresent() && groups.value() != null) {
                int p = port.isPresent() && port.value() != null ? port.value() : UNKNOWN_PORT;
                for (String g : groups.value()) {
                    ports.computeIfAbsent(g, k -> new TreeSet<>()).add(p);
                }
            }
        }

        /** Whether the groups are known; {@code false} (the value is unknown) leaves the scope unproven. */
        private static boolean add(Map<String, Set<String>> users, Value<List<String>> groups, String user) {
            if (groups.isUnknown()) {
                return false;
            }
            if (groups.value() != null) {
                for (String g : groups.value()) {
                    users.computeIfAbsent(g, k -> new TreeSet<>()).add(user);
                }
            }
            return true;
        }
    }
}
