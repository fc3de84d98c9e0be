package io.rsaudit.core.source;

import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.ScheduledSnapshot;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.SnapshotCopyConfiguration;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Maps the Redshift Serverless calls (lowerCamel members) to model records. */
final class ServerlessReader {

    static final Projection NAMESPACE = Projection.of(
            AwsShapes.NAMESPACE,
            "namespaceName",
            "namespaceArn",
            "status",
            "kmsKeyId",
            "adminUsername",
            "adminPasswordSecretArn",
            "logExports");

    static final Projection WORKGROUP = Projection.of(
                    AwsShapes.WORKGROUP,
                    "workgroupName",
                    "workgroupArn",
                    "port",
                    "namespaceName",
                    "publiclyAccessible",
                    "enhancedVpcRouting",
                    "securityGroupIds")
            .with("endpoint", Projection.of(AwsShapes.SERVERLESS_ENDPOINT, "port"))
            .with("configParameters", Projection.of(AwsShapes.CONFIG_PARAMETER, "parameterKey", "parameterValue"));

    static final Projection SNAPSHOT = Projection.of(
            AwsShapes.SERVERLESS_SNAPSHOT,
            "snapshotName",
            "snapshotArn",
            "namespaceName",
            "ownerAccount",
            "snapshotCreateTime",
            "kmsKeyId",
            "snapshotRetentionPeriod",
            "accountsWithRestoreAccess",
            "accountsWithProvisionedRestoreAccess");

    static final Projection COPY_CONFIGURATION = Projection.of(
            AwsShapes.SNAPSHOT_COPY_CONFIGURATION,
            "namespaceName",
            "destinationRegion",
            "destinationKmsKeyId",
            "snapshotRetentionPeriod");

    static final Projection SCHEDULED_ACTION_ASSOCIATION =
            Projection.of(AwsShapes.SCHEDULED_ACTION_ASSOCIATION, "namespaceName", "scheduledActionName");

    static final Projection SCHEDULED_ACTION = Projection.of(AwsShapes.GET_SCHEDULED_ACTION)
            .with(
                    "scheduledAction",
                    Projection.of(AwsShapes.SCHEDULED_ACTION, "scheduledActionName", "state", "endTime")
                            .with(
                                    "targetAction",
                                    Projection.of(AwsShapes.TARGET_ACTION)
                                            .with(
                                                    "createSnapshot",
                                                    Projection.of(
                                                            AwsShapes.CREATE_SNAPSHOT_SCHEDULE_ACTION,
                                                            "retentionPeriod"))));

    private final ExportReader export;

    ServerlessReader(ExportReader export) {
        this.export = export;
    }

    /**
     * The namespaces, each with its snapshot copy configurations: read first, from the region's one list, so that a
     * namespace's are known exactly when that list was read whole, and otherwise unknown with the list's reason (the
     * failed call, or the absent file).
     */
    ExportReader.Listing namespaces(Scope scope, Consumer<Namespace> sink) {
        Function<String, Value<List<SnapshotCopyConfiguration>>> copies = copyConfigurations(scope);
        Function<String, Value<List<ScheduledSnapshot>>> schedules = scheduledSnapshots(scope);
        return export.elements(
                scope,
                AwsCliCall.SERVERLESS_LIST_NAMESPACES,
                Projection.of(AwsShapes.LIST_NAMESPACES),
                NAMESPACE,
                n -> RedshiftReader.accept(namespace(scope, n, copies, schedules), sink));
    }

    /**
     * Per namespace name, its scheduled snapshot actions: the region's list names each action and its namespace, and
     * each action's own answer says what it does. An action whose answer is missing stays in with its state, end and
     * retention unknown for that answer's reason; one that does not create snapshots is left out. When the list was
     * not read whole, every namespace's are unknown for the list's reason.
     */
    private Function<String, Value<List<ScheduledSnapshot>>> scheduledSnapshots(Scope scope) {
        AwsCliCall call = AwsCliCall.SERVERLESS_LIST_SCHEDULED_ACTIONS;
        Map<String, List<ScheduledSnapshot>> byNamespace = new LinkedHashMap<>();
        ExportReader.Listing listed = export.elements(
                scope, call, Projection.of(AwsShapes.LIST_SCHEDULED_ACTIONS), SCHEDULED_ACTION_ASSOCIATION, a -> {
                    String namespace = export.identifier(a, "namespaceName", "a scheduled action");
                    String name = export.identifier(a, "scheduledActionName", "a scheduled action");
                    if (namespace == null || name == null) {
                        return;
                    }
                    ScheduledSnapshot action = scheduledSnapshot(scope, name);
                    if (action != null) {
                        byNamespace
                                .computeIfAbsent(namespace, k -> new ArrayList<>())
                                .add(action);
                    }
                });
        return perNamespace(scope, call, listed, byNamespace);
    }

    /** The scheduled action {@code name} as a snapshot action, or {@code null} when it creates no snapshot. */
    private ScheduledSnapshot scheduledSnapshot(Scope scope, String name) {
        Value<ResponseObject> doc =
                export.document(scope, AwsCliCall.SERVERLESS_GET_SCHEDULED_ACTION, name, SCHEDULED_ACTION);
        Value<ResponseObject> action = doc.isPresent() ? doc.value().object("scheduledAction") : doc;
        if (!action.isPresent()) {
            Value<ResponseObject> unread = action.orUnknown("scheduledAction is absent from the answer");
            return new ScheduledSnapshot(
                    name, unread.map(x -> null), unread.map(x -> null), unread.map(x -> null), unread.provenance());
        }
        ResponseObject a = action.value();
        Value<ResponseObject> target = a.object("targetAction");
        Value<Integer> retention;
        if (!target.isPresent()) {
            retention = target.orUnknown("targetAction is absent, so what the action does is not known")
                    .map(x -> null);
        } else {
            Value<ResponseObject> create = target.value().object("createSnapshot");
            if (create.isPresent()) {
                retention = create.value()
                        .integer(
                                "retentionPeriod",
                                Absent.defaultsTo(
                                        -1,
                                        "retentionPeriod is absent: each snapshot is kept until someone deletes it"));
            } else if (create.isUnknown()) {
                retention = create.map(x -> null);
            } else {
                return null;
            }
        }
        return new ScheduledSnapshot(
                name, a.text("state", Absent.UNKNOWN), a.instant("endTime", Absent.NOT_SET), retention, a.provenance());
    }

    /**
     * Per namespace name, what a region-wide list holds for it: known exactly when the list was read whole, otherwise
     * unknown for every name with the list's reason (the failed call, the absent file, a page not read).
     */
    private <T> Function<String, Value<List<T>>> perNamespace(
            Scope scope, AwsCliCall call, ExportReader.Listing listed, Map<String, List<T>> byNamespace) {
        Provenance where = Provenance.of(export.export.location(scope, call, null), "");
        Value<Boolean> read = listed.value(true, where);
        if (read.isUnknown()) {
            Value<List<T>> unknown = read.map(x -> null);
            return name -> unknown;
        }
        return name -> Value.known(List.copyOf(byNamespace.getOrDefault(name, List.of())), where);
    }

    /** Per namespace name, its copy configurations, or, for every name, why they are unknown. */
    private Function<String, Value<List<SnapshotCopyConfiguration>>> copyConfigurations(Scope scope) {
        AwsCliCall call = AwsCliCall.SERVERLESS_LIST_SNAPSHOT_COPY_CONFIGURATIONS;
        Map<String, List<SnapshotCopyConfiguration>> byNamespace = new LinkedHashMap<>();
        ExportReader.Listing listed = export.elements(
                scope, call, Projection.of(AwsShapes.LIST_SNAPSHOT_COPY_CONFIGURATIONS), COPY_CONFIGURATION, c -> {
                    String namespace = export.identifier(c, "namespaceName", "a snapshot copy configuration");
                    if (namespace != null) {
                        byNamespace
                                .computeIfAbsent(namespace, k -> new ArrayList<>())
                                .add(new SnapshotCopyConfiguration(
                                        c.text("destinationRegion", Absent.UNKNOWN),
                                        c.text("destinationKmsKeyId", Absent.NOT_SET),
                                        c.integer("snapshotRetentionPeriod", Absent.NOT_SET),
                                        c.provenance()));
                    }
                });
        return perNamespace(scope, call, listed, byNamespace);
    }

    private Namespace namespace(
            Scope scope,
            ResponseObject n,
            Function<String, Value<List<SnapshotCopyConfiguration>>> copies,
            Function<String, Value<List<ScheduledSnapshot>>> schedules) {
        String name = export.identifier(n, "namespaceName", "a namespace");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.SERVERLESS_NAMESPACE,
                scope,
                name,
                arn(n, "namespaceArn", scope, "namespace/" + name),
                n.provenance());
        return new Namespace(
                id,
                n.text("status", Absent.UNKNOWN),
                n.text("kmsKeyId", Absent.NOT_SET),
                n.text("adminUsername", Absent.UNKNOWN),
                n.text("adminPasswordSecretArn", Absent.NOT_SET),
                n.texts("logExports", Absent.defaultsTo(List.of(), "logExports is absent: no log is exported")),
                copies.apply(name),
                schedules.apply(name));
    }

    ExportReader.Listing workgroups(Scope scope, Consumer<Workgroup> sink) {
        return export.elements(
                scope,
                AwsCliCall.SERVERLESS_LIST_WORKGROUPS,
                Projection.of(AwsShapes.LIST_WORKGROUPS),
                WORKGROUP,
                n -> RedshiftReader.accept(workgroup(scope, n), sink));
    }

    private Workgroup workgroup(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "workgroupName", "a workgroup");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.SERVERLESS_WORKGROUP,
                scope,
                name,
                arn(n, "workgroupArn", scope, "workgroup/" + name),
                n.provenance());
        Value<Integer> port = n.integer("port", Absent.NOT_SET);
        if (!port.isPresent()) {
            Value<ResponseObject> endpoint = n.object("endpoint");
            port = endpoint.isPresent()
                    ? endpoint.value().integer("port", Absent.UNKNOWN)
                    : Value.unknown(
                            n.at("endpoint"),
                            Reason.Kind.ABSENT,
                            "the workgroup reports neither a port nor an endpoint");
        }
        return new Workgroup(
                id,
                n.text("namespaceName", Absent.UNKNOWN),
                n.bool("publiclyAccessible", Absent.UNKNOWN),
                n.bool("enhancedVpcRouting", Absent.UNKNOWN),
                configParameters(name, n),
                port,
                n.texts("securityGroupIds", Absent.UNKNOWN));
    }

    private static Value<ParameterSet> configParameters(String workgroup, ResponseObject n) {
        return n.objects("configParameters", Absent.UNKNOWN).map(list -> {
            Map<String, Value<String>> params = new LinkedHashMap<>();
            for (ResponseObject p : list) {
                Value<String> key = p.text("parameterKey", Absent.UNKNOWN);
                if (key.isPresent()) {
                    params.put(key.value(), p.text("parameterValue", Absent.NOT_SET));
                }
            }
            return new ParameterSet("workgroup " + workgroup, params);
        });
    }

    ExportReader.Listing snapshots(Scope scope, Consumer<ServerlessSnapshot> sink) {
        return export.elements(
                scope,
                AwsCliCall.SERVERLESS_LIST_SNAPSHOTS,
                Projection.of(AwsShapes.LIST_SNAPSHOTS),
                SNAPSHOT,
                n -> RedshiftReader.accept(snapshot(scope, n), sink));
    }

    private ServerlessSnapshot snapshot(Scope scope, ResponseObject n) {
        String name = export.identifier(n, "snapshotName", "a serverless snapshot");
        if (name == null) {
            return null;
        }
        ResourceId id = new ResourceId(
                ResourceType.SERVERLESS_SNAPSHOT,
                scope,
                name,
                arn(n, "snapshotArn", scope, "snapshot/" + name),
                n.provenance());
        return new ServerlessSnapshot(
                id,
                n.text("namespaceName", Absent.UNKNOWN),
                n.text(
                        "ownerAccount",
                        Absent.defaultsTo(
                                scope.account(),
                                "ownerAccount is absent: the snapshot is taken to belong to the account it was collected in")),
                n.instant("snapshotCreateTime", Absent.NOT_SET),
                n.text("kmsKeyId", Absent.NOT_SET),
                n.integer("snapshotRetentionPeriod", Absent.NOT_SET),
                n.texts(
                        "accountsWithRestoreAccess",
                        Absent.defaultsTo(List.of(), "accountsWithRestoreAccess is absent: shared with no account")),
                n.texts(
                        "accountsWithProvisionedRestoreAccess",
                        Absent.defaultsTo(
                                List.of(), "accountsWithProvisionedRestoreAccess is absent: shared with no account")));
    }

    private static String arn(ResponseObject n, String member, Scope scope, String resource) {
        Value<String> arn = n.text(member, Absent.NOT_SET);
        return arn.isPresent()
                ? arn.value()
                : "arn:" + scope.partition() + ":redshift-serverless:" + scope.region() + ":" + scope.account() + ":"
                        + resource;
    }
}
