package io.rsaudit.fix.plan;

import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.RestoreAccess;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The remedies of a provisioned cluster's snapshot: its retention and who may restore it. */
final class SnapshotRemedies {

    private SnapshotRemedies() {}

    static ResourcePlan plan(ClusterSnapshot s, List<String> checks, Planner.Context ctx) {
        if (s.isSharedIn()) {
            for (String id : checks) {
                ctx.sink()
                        .refuse(
                                id,
                                s.id(),
                                "the snapshot belongs to account "
                                        + s.ownerAccount().value() + ": only its owner can change it");
            }
            return null;
        }
        List<Remedy> remedies = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        Set<String> revoke = new LinkedHashSet<>();
        for (String id : checks) {
            switch (id) {
                case "RS-BACKUP-004" -> retention(s, id, ctx, remedies, calls, fixed);
                case "RS-BACKUP-006" -> {
                    List<String> untrusted = untrusted(s, ctx);
                    if (untrusted.isEmpty()) {
                        ctx.sink().refuse(id, s.id(), "the accounts the snapshot is shared with are not known");
                        continue;
                    }
                    revoke.addAll(untrusted);
                    remedies.add(new Remedy(
                            id,
                            "stop sharing the snapshot with " + String.join(", ", untrusted),
                            Impact.NONE,
                            "those accounts can no longer restore it (a restore they started goes on)",
                            "AuthorizeSnapshotAccess for the same accounts"));
                    fixed.add(id);
                }
                case "RS-BACKUP-007" -> {
                    revoke.add(RestoreAccess.AWS_SUPPORT);
                    remedies.add(new Remedy(
                            id,
                            "stop sharing the snapshot with AWS Support (" + RestoreAccess.AWS_SUPPORT + ")",
                            Impact.NONE,
                            "an open support case that needs the snapshot has to ask for it again",
                            "AuthorizeSnapshotAccess for " + RestoreAccess.AWS_SUPPORT));
                    fixed.add(id);
                }
                default -> ctx.sink().manual(id, s.id());
            }
        }
        for (String account : revoke) {
            Call.Params p = Call.args().put("SnapshotIdentifier", s.id().name());
            if (s.clusterIdentifier().isPresent()) {
                p.put("SnapshotClusterIdentifier", s.clusterIdentifier().value());
            }
            p.put("AccountWithRestoreAccess", account);
            calls.add(new Call(
                    "redshift",
                    "RevokeSnapshotAccess",
                    s.id().scope(),
                    p.build(),
                    Map.of("AccountWithRestoreAccess", account)));
        }
        if (remedies.isEmpty()) {
            return null;
        }
        return new ResourcePlan(s.id(), fixed, remedies, calls, List.of(), List.of());
    }

    private static void retention(
            ClusterSnapshot s,
            String id,
            Planner.Context ctx,
            List<Remedy> remedies,
            List<Call> calls,
            List<String> fixed) {
        RetentionTarget target = RetentionTarget.of(s.createTime(), s.id(), id, ctx);
        if (target == null) {
            return;
        }
        calls.add(new Call(
                "redshift",
                "ModifyClusterSnapshot",
                s.id().scope(),
                Call.args()
                        .put("SnapshotIdentifier", s.id().name())
                        .put("ManualSnapshotRetentionPeriod", target.days())
                        .build(),
                java.util.Collections.singletonMap(
                        "ManualSnapshotRetentionPeriod",
                        s.manualRetentionPeriod().value())));
        remedies.add(target.remedy(
                id, "ModifyClusterSnapshot back to " + s.manualRetentionPeriod().show()));
        fixed.add(id);
    }

    private static List<String> untrusted(ClusterSnapshot s, Planner.Context ctx) {
        if (!s.sharedWith().isPresent()) {
            return List.of();
        }
        String owner = s.ownerAccount().isPresent()
                ? s.ownerAccount().value()
                : s.id().scope().account();
        List<String> out = new ArrayList<>();
        for (RestoreAccess a : s.sharedWith().value()) {
            if (a.isAwsSupport() || a.accountId() == null) {
                continue;
            }
            if (!ctx.policy().trusts(owner, a.accountId())) {
                out.add(a.accountId());
            }
        }
        return out;
    }
}
