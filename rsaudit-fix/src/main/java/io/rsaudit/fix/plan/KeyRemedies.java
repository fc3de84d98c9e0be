package io.rsaudit.fix.plan;

import io.rsaudit.core.model.KmsKey;
import java.util.List;
import java.util.Map;

/** The remedy of a customer-managed KMS key: automatic rotation. */
final class KeyRemedies {

    private KeyRemedies() {}

    static ResourcePlan plan(KmsKey k, List<String> checks, Planner.Context ctx) {
        ResourcePlan plan = null;
        for (String id : checks) {
            if (!id.equals("RS-ATREST-004")) {
                ctx.sink().manual(id, k.id());
                continue;
            }
            if (pendingDeletion(k)) {
                // rotation cannot be turned on for a key scheduled for deletion; whether to cancel the deletion
                // (CancelKeyDeletion) is a decision about the key's owner, not a remedy
                ctx.sink()
                        .refuse(
                                id,
                                k.id(),
                                "the key is scheduled for deletion, and KMS does not rotate such a key: decide whether"
                                        + " to cancel the deletion (aws kms cancel-key-deletion), then run fix again");
                continue;
            }
            String keyId = keyId(k.id().arn());
            plan = new ResourcePlan(
                    k.id(),
                    List.of(id),
                    List.of(new Remedy(
                            id,
                            "turn on automatic yearly rotation of the key material",
                            Impact.NONE,
                            "none for data: old key material stays usable for decryption",
                            "not undone: DisableKeyRotation is a Disable call rsaudit never makes")),
                    List.of(new Call(
                            "kms",
                            "EnableKeyRotation",
                            k.id().scope(),
                            Call.args().put("KeyId", keyId).build(),
                            Map.of())),
                    List.of(),
                    List.of());
        }
        return plan;
    }

    private static boolean pendingDeletion(KmsKey k) {
        if (!k.metadata().isPresent()) {
            return false;
        }
        String state = k.metadata().value().keyState().value();
        return "PendingDeletion".equals(state) || "PendingReplicaDeletion".equals(state);
    }

    /** The key id of a key ARN ({@code arn:aws:kms:r:a:key/ID}); anything else as it is. */
    static String keyId(String arn) {
        int slash = arn.indexOf(":key/");
        return slash < 0 ? arn : arn.substring(slash + ":key/".length());
    }
}
