package io.rsaudit.fix.plan;

import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.model.Workgroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The remedies of Redshift Serverless workgroups, namespaces and snapshots. */
final class ServerlessRemedies {

    static final List<String> LOGS = List.of("userlog", "connectionlog", "useractivitylog");
    /** The check of a Serverless snapshot's bounded retention. */
    static final String SNAPSHOT_RETENTION = "RS-BACKUP-011";

    private ServerlessRemedies() {}

    static ResourcePlan workgroup(Workgroup w, List<String> checks, Planner.Context ctx) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        List<Remedy> remedies = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String id : checks) {
            switch (id) {
                case "RS-LOG-007" -> {
                    if (!w.configParameters().isPresent()) {
                        ctx.sink().refuse(id, w.id(), "the workgroup's configParameters were not read");
                        continue;
                    }
                    Value<String> now = w.configParameters().value().get("enable_user_activity_logging");
                    if (now != null
                            && now.isPresent()
                            && "true".equalsIgnoreCase(now.value().strip())) {
                        ctx.sink()
                                .refuse(
                                        id,
                                        w.id(),
                                        "enable_user_activity_logging is already true in the"
                                                + " workgroup: what is missing is the namespace's useractivitylog export, which is"
                                                + " RS-LOG-005's remedy on the namespace");
                        continue;
                    }
                    config.put("enable_user_activity_logging", "true");
                    remedies.add(new Remedy(
                            id,
                            "set enable_user_activity_logging=true in the workgroup's configParameters (the"
                                    + " namespace's useractivitylog export is RS-LOG-005's remedy)",
                            Impact.NONE,
                            "each query's text is logged, at the cost of log volume",
                            "UpdateWorkgroup with the previous configParameters"));
                    fixed.add(id);
                }
                case "RS-TRANSIT-003", "RS-TRANSIT-004" -> {
                    String p = id.equals("RS-TRANSIT-003") ? "require_ssl" : "use_fips_ssl";
                    if (!w.configParameters().isPresent()) {
                        ctx.sink().refuse(id, w.id(), "the workgroup's configParameters were not read");
                        continue;
                    }
                    config.put(p, "true");
                    if (p.equals("use_fips_ssl")) {
                        // FIPS-validated TLS is use_fips_ssl together with require_ssl
                        config.put("require_ssl", "true");
                    }
                    remedies.add(new Remedy(
                            id,
                            "set " + p + "=true in the workgroup's configParameters",
                            Impact.NONE,
                            "clients that connect without " + (p.equals("require_ssl") ? "TLS" : "FIPS-validated TLS")
                                    + " are refused",
                            "UpdateWorkgroup with the previous configParameters"));
                    fixed.add(id);
                }
                case "RS-NET-005" -> {
                    params.put("publiclyAccessible", false);
                    before.put("publiclyAccessible", w.publiclyAccessible().value());
                    remedies.add(new Remedy(
                            id,
                            "turn public access off",
                            Impact.BRIEF_DROP,
                            "clients outside the VPC can no longer connect",
                            "UpdateWorkgroup publiclyAccessible="
                                    + w.publiclyAccessible().show()));
                    fixed.add(id);
                }
                case "RS-NET-006" -> {
                    params.put("enhancedVpcRouting", true);
                    before.put("enhancedVpcRouting", w.enhancedVpcRouting().value());
                    remedies.add(new Remedy(
                            id,
                            "turn enhanced VPC routing on",
                            Impact.BRIEF_DROP,
                            "COPY and UNLOAD fail unless the VPC has a route to S3",
                            "UpdateWorkgroup enhancedVpcRouting="
                                    + w.enhancedVpcRouting().show()));
                    fixed.add(id);
                }
                default -> ctx.sink().manual(id, w.id());
            }
        }
        if (remedies.isEmpty()) {
            return null;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("workgroupName", w.id().name());
        if (!config.isEmpty()) {
            // every current key, the changed ones replaced: the request does not drop a key it leaves out
            Map<String, String> all = new TreeMap<>();
            Map<String, String> old = new TreeMap<>();
            for (Map.Entry<String, Value<String>> e :
                    w.configParameters().value().parameters().entrySet()) {
                if (e.getValue().isPresent()) {
                    all.put(e.getKey(), e.getValue().value());
                    old.put(e.getKey(), e.getValue().value());
                }
            }
            all.putAll(config);
            request.put("configParameters", Call.pairs("parameterKey", "parameterValue", all));
            before.put("configParameters", Call.pairs("parameterKey", "parameterValue", old));
        }
        request.putAll(params);
        return new ResourcePlan(
                w.id(),
                fixed,
                remedies,
                List.of(new Call("redshift-serverless", "UpdateWorkgroup", w.id().scope(), request, before)),
                List.of(),
                List.of());
    }

    static ResourcePlan namespace(Namespace n, List<String> checks, Planner.Context ctx) {
        ResourcePlan plan = null;
        for (String id : checks) {
            if (!id.equals("RS-LOG-005")) {
                ctx.sink().manual(id, n.id());
                continue;
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("logExports", n.logExports().value());
            plan = new ResourcePlan(
                    n.id(),
                    List.of(id),
                    List.of(new Remedy(
                            id,
                            "export userlog, connectionlog and useractivitylog to CloudWatch Logs",
                            Impact.NONE,
                            "CloudWatch Logs ingestion and storage cost",
                            "UpdateNamespace with the previous logExports")),
                    List.of(new Call(
                            "redshift-serverless",
                            "UpdateNamespace",
                            n.id().scope(),
                            Call.args()
                                    .put("namespaceName", n.id().name())
                                    .put("logExports", LOGS)
                                    .build(),
                            before)),
                    List.of(),
                    List.of());
        }
        return plan;
    }

    /**
     * RS-BACKUP-011: the snapshot's retention to the policy maximum ({@code UpdateSnapshot retentionPeriod});
     * RS-BACKUP-008: its resource policy without the untrusted accounts ({@link ServerlessSharing}).
     */
    static ResourcePlan snapshot(ServerlessSnapshot s, List<String> checks, Planner.Context ctx) {
        List<Remedy> remedies = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String id : checks) {
            if (!id.equals(SNAPSHOT_RETENTION) && !id.equals(ServerlessSharing.CHECK)) {
                ctx.sink().manual(id, s.id());
                continue;
            }
            if (s.ownerAccount().isPresent()
                    && !s.ownerAccount().value().equals(s.id().scope().account())) {
                ctx.sink()
                        .refuse(
                                id,
                                s.id(),
                                "the snapshot belongs to account "
                                        + s.ownerAccount().value() + ": only its owner can change it");
                continue;
            }
            if (id.equals(ServerlessSharing.CHECK)) {
                ServerlessSharing.plan(s, ctx, remedies, calls, fixed);
                continue;
            }
            RetentionTarget target = RetentionTarget.of(s.createTime(), s.id(), id, ctx);
            if (target == null) {
                continue;
            }
            remedies.add(target.remedy(
                    id, "UpdateSnapshot retentionPeriod=" + s.retentionPeriod().show()));
            calls.add(new Call(
                    "redshift-serverless",
                    "UpdateSnapshot",
                    s.id().scope(),
                    Call.args()
                            .put("snapshotName", s.id().name())
                            .put("retentionPeriod", target.days())
                            .build(),
                    Collections.singletonMap(
                            "retentionPeriod", s.retentionPeriod().value())));
            fixed.add(id);
        }
        return remedies.isEmpty() ? null : new ResourcePlan(s.id(), fixed, remedies, calls, List.of(), List.of());
    }
}
