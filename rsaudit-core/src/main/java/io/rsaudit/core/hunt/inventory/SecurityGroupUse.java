package io.rsaudit.core.hunt.inventory;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.EventSink;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.ScopedName;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * its own also takes the users' names as its cluster, so that the alert names them. The inventory is as of its
 * export: a group attached later reads as {@code none}.
 */
public final class SecurityGroupUse {

    /** {@code redshift}, {@code none}, or absent: cannot tell. */
    public static final String ATTACHMENT = LogType.INVENTORY_FIELDS.get(0);

    /** The clusters and workgroups that use the group, {@code cluster NAME} or {@code workgroup NAME}, sorted. */
    public static final String ATTACHED_TO = LogType.INVENTORY_FIELDS.get(1);

    private static final String GROUP_ID = "requestParameters.groupId";
    private static final String CLUSTER_GROUP = "requestParameters.clusterSecurityGroupName";

    /** VPC group id, in its scope, to the resources using it. */
    private final Map<ScopedName, Set<String>> vpcUsers = new HashMap<>();
    /** EC2-Classic cluster security group name, in its scope, to the clusters using it. */
    private final Map<ScopedName, Set<String>> classicUsers = new HashMap<>();
    /** The scopes where every cluster and workgroup, and every group each uses, is known. */
    private final Set<Scope> whole = new HashSet<>();

    private SecurityGroupUse(Inventory inventory) {
        Set<Scope> partial = new HashSet<>();
        for (Cluster c : inventory.clusters()) {
            Scope scope = c.id().scope();
            String user = "cluster " + c.identifier();
            if (!add(vpcUsers, scope, c.vpcSecurityGroupIds(), user)) {
                partial.add(scope);
            }
            if (!add(classicUsers, scope, c.classicSecurityGroups(), user)) {
                partial.add(scope);
            }
        }
        for (Workgroup w : inventory.workgroups()) {
            if (!add(vpcUsers, w.id().scope(), w.securityGroupIds(), "workgroup " + w.id().name())) {
                partial.add(w.id().scope());
            }
        }
        for (Scope s : inventory.scopes()) {
            if (!partial.contains(s)
                    && inventory.clusterIdentifiers(s).isPresent()
                    && inventory.workgroupNames(s).isPresent()) {
                whole.add(s);
            }
        }
    }

    /** The use of security groups as {@code inventory} records it. */
    public static SecurityGroupUse of(Inventory inventory) {
        return new SecurityGroupUse(inventory);
    }

    /** Whether the groups are known; {@code false} (the value is unknown) leaves the scope unproven. */
    private static boolean add(
            Map<ScopedName, Set<String>> users, Scope scope, Value<List<String>> groups, String user) {
        if (groups.isUnknown()) {
            return false;
        }
        if (groups.value() != null) {
            for (String g : groups.value()) {
                users.computeIfAbsent(new ScopedName(scope, g), k -> new TreeSet<>())
                        .add(user);
            }
        }
        return true;
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
        Scope scope = new Scope(e.account().trim(), e.region().trim());
        Set<String> users = new TreeSet<>();
        if (groupId != null) {
            users.addAll(vpcUsers.getOrDefault(new ScopedName(scope, groupId.trim()), Set.of()));
        }
        if (classic != null) {
            users.addAll(classicUsers.getOrDefault(new ScopedName(scope, classic.trim()), Set.of()));
        }
        if (users.isEmpty() && !whole.contains(scope)) {
            return e;
        }
        Map<String, String> fields = new LinkedHashMap<>(e.fields());
        fields.put(ATTACHMENT, users.isEmpty() ? "none" : "redshift");
        if (!users.isEmpty()) {
            fields.put(ATTACHED_TO, String.join(", ", users));
        }
        String cluster = e.cluster() != null || users.isEmpty()
                ? e.cluster()
                : String.join(
                        ", ",
                        users.stream().map(u -> u.substring(u.indexOf(' ') + 1)).toList());
        return e.with(cluster, Collections.unmodifiableMap(fields));
    }
}
