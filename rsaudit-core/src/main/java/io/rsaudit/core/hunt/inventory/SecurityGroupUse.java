package io.rsaudit.core.hunt.inventory;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.EventSink;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
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
 * Whether the security group a CloudTrail call names belongs to a Redshift cluster or workgroup, by an inventory.
 * CloudTrail records that a group was opened (AuthorizeSecurityGroupIngress names {@code groupId}) but not what the
 * group protects; the inventory knows which clusters ({@code VpcSecurityGroups}, EC2-Classic
 * {@code ClusterSecurityGroups}) and workgroups ({@code securityGroupIds}) use it.
 *
 * <p>An event naming a group gets two derived fields: {@link #ATTACHMENT} is {@code redshift} when a cluster or
 * workgroup of the inventory uses the group, {@code none} when the inventory holds every cluster and workgroup of the
 * event's account and region and none uses it, and is left absent when the inventory cannot tell (no inventory, the
 * account or region not in it, its cluster or workgroup list not read whole, a resource whose groups are unknown);
 * {@link #ATTACHED_TO} names the users ({@code cluster prod-dw, workgroup analytics}). An event with no cluster of
 * its own also takes the users' names as its cluster, so that the alert names them. An ingress to a VPC group in
 * use ({@code AuthorizeSecurityGroupIngress}) also gets {@link #PORT_REACHED}: whether a permission it opens to the
 * whole internet ({@code 0.0.0.0/0}, {@code ::/0}) covers the port of one of the users. The inventory is as of its
 * export: a group attached later reads as {@code none}.
 */
public final class SecurityGroupUse implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code redshift}, {@code none}, or absent: cannot tell. */
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
    private static final String CLUSTER_GROUP = "requestParameters.clusterSecurityGroupName";

    /** Each account-region the inventory placed, or the lookup was asked for. */
    private final Map<Scope, Placement> placements;
    /**
     * Looks up an account-region not yet placed; {@code null}: every account-region is in {@link #placements}. A use
     * that looks up does not serialize ({@link #writeReplace}), so it is never lost on the way.
     */
    private final transient InventoryLookup lookup;

    private SecurityGroupUse(Map<Scope, Placement> placements, InventoryLookup lookup) {
        this.placements = placements;
        this.lookup = lookup;
    }

    /** The use of security groups as {@code inventory} records it; an account-region not in it cannot be told. */
    public static SecurityGroupUse of(Inventory inventory) {
        Set<Scope> scopes = new TreeSet<>(inventory.scopes());
        inventory.clusters().forEach(c -> scopes.add(c.id().scope()));
        inventory.workgroups().forEach(w -> scopes.add(w.id().scope()));
        Map<Scope, Placement> placed = new HashMap<>();
        for (Scope s : scopes) {
            placed.put(s, Placement.of(inventory, s));
        }
        return new SecurityGroupUse(Map.copyOf(placed), null);
    }

    /**
     * The use of security groups as {@code lookup} finds it, asked once for each account-region whose CloudTrail
     * records name a group, when the first such record comes. The lookup may be called from several threads.
     */
    public static SecurityGroupUse lookingUp(InventoryLookup lookup) {
        return new SecurityGroupUse(new ConcurrentHashMap<>(), Objects.requireNonNull(lookup, "lookup"));
    }

    /**
     * What the lookups could not tell: one line per account-region looked up where a group not used by any cluster or
     * workgroup it found cannot be proven unused, sorted; empty for an inventory given whole.
     */
    public List<String> notes() {
        if (lookup == null) {
            return List.of();
        }
        return new TreeMap<>(placements)
                .entrySet().stream()
                        .filter(e -> e.getValue().why() != null)
                        .map(e -> "inventory lookup of account " + e.getKey().account() + " in "
                                + e.getKey().region() + ": " + e.getValue().why()
                                + "; a group opened to the world there that no cluster or workgroup found uses is"
                                + " reported as not placed (RSH-CT-013)")
                        .toList();
    }

    /** Only the use of an inventory given whole travels (to the Spark job's executors). */
    private Object writeReplace() throws ObjectStreamException {
        if (lookup != null) {
            throw new NotSerializableException("a SecurityGroupUse that looks up account-regions is not serializable");
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
                    ? new Placement(Map.of(), Map.of(), Map.of(), answer.unreachable())
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
        String groupId = e.fields().get(GROUP_ID);
        String classic = e.fields().get(CLUSTER_GROUP);
        if (groupId == null && classic == null) {
            return e;
        }
        Placement placement = placement(new Scope(e.account().trim(), e.region().trim()));
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
        Map<String, String> fields = new LinkedHashMap<>(e.fields());
        fields.put(ATTACHMENT, users.isEmpty() ? "none" : "redshift");
        if (!users.isEmpty()) {
            fields.put(ATTACHED_TO, String.join(", ", users));
        }
        if (groupId != null && !users.isEmpty()) {
            Boolean reached = reachesPort(e.fields(), placement.vpcPorts().getOrDefault(groupId.trim(), Set.of()));
            if (reached != null) {
                fields.put(PORT_REACHED, reached.toString());
            }
        }
        String cluster = e.cluster() != null || users.isEmpty()
                ? e.cluster()
                : String.join(
                        ", ",
                        users.stream().map(u -> u.substring(u.indexOf(' ') + 1)).toList());
        return e.with(cluster, Collections.unmodifiableMap(fields));
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
     */
    private record Placement(
            Map<String, Set<String>> vpcUsers,
            Map<String, Set<String>> classicUsers,
            Map<String, Set<Integer>> vpcPorts,
            String why)
            implements Serializable {

        static final int UNKNOWN_PORT = -1;

        static final Placement NOT_IN_INVENTORY = new Placement(Map.of(), Map.of(), Map.of(), "not in the inventory");

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
            return new Placement(Map.copyOf(vpc), Map.copyOf(classic), Map.copyOf(ports), why);
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
