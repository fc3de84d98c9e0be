package io.rsaudit.fix.plan;

import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * RS-BACKUP-008's remedy: a Serverless snapshot is shared through its resource policy, so the untrusted accounts are
 * taken out of the policy's restore statements and the policy is put back ({@code PutResourcePolicy}, with the policy
 * read before kept for the undo). The policy is read when the plan is made ({@link Facts#snapshotPolicy}), and again
 * when an apply re-plans the snapshot. Refused when the policy cannot be read, cannot be rewritten safely, does not
 * name an account the snapshot is shared with, or would keep no principal at all: what remains then is deleting the
 * policy, which rsaudit never does.
 */
final class ServerlessSharing {

    static final String CHECK = "RS-BACKUP-008";

    private ServerlessSharing() {}

    static void plan(
            ServerlessSnapshot s, Planner.Context ctx, List<Remedy> remedies, List<Call> calls, List<String> fixed) {
        String owner = s.ownerAccount().isPresent()
                ? s.ownerAccount().value()
                : s.id().scope().account();
        Predicate<String> trusted = account -> ctx.policy().trusts(owner, account);
        Set<String> shared = new LinkedHashSet<>();
        for (Value<List<String>> list :
                List.of(s.accountsWithRestoreAccess(), s.accountsWithProvisionedRestoreAccess())) {
            if (list.isPresent()) {
                list.value().stream().filter(trusted.negate()).forEach(shared::add);
            }
        }
        Optional<String> read = ctx.facts().snapshotPolicy(s.id().scope(), s.id().arn());
        if (read.isEmpty()) {
            ctx.sink()
                    .refuse(
                            CHECK,
                            s.id(),
                            "the snapshot's resource policy was not read (an export does not hold it: plan from the"
                                    + " live account, where rsaudit reads it with GetResourcePolicy)");
            return;
        }
        SnapshotPolicy.Edit edit = SnapshotPolicy.withoutUntrusted(read.get(), trusted);
        if (edit.problem() != null) {
            ctx.sink().refuse(CHECK, s.id(), edit.problem());
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String account : shared) {
            if (!edit.removedAccounts().contains(account)
                    && !edit.removedAccounts().contains("*")) {
                missing.add(account);
            }
        }
        if (!missing.isEmpty()) {
            ctx.sink()
                    .refuse(
                            CHECK,
                            s.id(),
                            "the snapshot is shared with " + String.join(", ", missing) + ", which no restore"
                                    + " statement of its resource policy names: rsaudit cannot tell where that access"
                                    + " comes from");
            return;
        }
        String accounts = String.join(", ", edit.removedAccounts());
        if (edit.leavesNoPrincipal()) {
            ctx.sink()
                    .refuse(
                            CHECK,
                            s.id(),
                            "the resource policy shares the snapshot only with untrusted accounts (" + accounts
                                    + "): without them no principal is left, and what remains is deleting the"
                                    + " policy, which rsaudit never does. By hand: aws redshift-serverless"
                                    + " delete-resource-policy --region "
                                    + s.id().scope().region()
                                    + " --resource-arn " + s.id().arn());
            return;
        }
        remedies.add(new Remedy(
                CHECK,
                "remove " + accounts + " from the restore statements of the snapshot's resource policy",
                Impact.NONE,
                "those accounts can no longer restore the snapshot; the trusted principals and every other"
                        + " statement stay",
                "PutResourcePolicy with the policy read before"));
        calls.add(new Call(
                "redshift-serverless",
                "PutResourcePolicy",
                s.id().scope(),
                Call.args()
                        .put("resourceArn", s.id().arn())
                        .put("policy", edit.policy())
                        .build(),
                Map.of("policy", read.get())));
        fixed.add(CHECK);
    }
}
