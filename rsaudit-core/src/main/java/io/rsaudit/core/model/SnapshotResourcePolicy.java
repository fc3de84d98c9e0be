package io.rsaudit.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a Redshift Serverless snapshot's resource policy (set by {@code PutResourcePolicy}, the way Serverless shares a
 * snapshot) reads: which of its statements allow a restore, and to which accounts. A restore statement is an {@code
 * Allow} statement whose actions cover {@code redshift-serverless:RestoreFromSnapshot} or {@code
 * redshift:RestoreFromClusterSnapshot} (wildcards included; a {@code NotAction} that leaves either out counts too).
 * Only {@code AWS} principals name accounts: an account id, an IAM or STS ARN (its account), or {@code *} (any
 * account).
 */
public final class SnapshotResourcePolicy {

    /** The actions that restore a Serverless snapshot: to a namespace, to a provisioned cluster. */
    private static final List<String> RESTORE_ACTIONS =
            List.of("redshift-serverless:RestoreFromSnapshot", "redshift:RestoreFromClusterSnapshot");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotResourcePolicy() {}

    /**
     * Who the restore statements of a policy let restore the snapshot.
     *
     * @param accounts the accounts named by {@code AWS} principals, {@code *} for any account
     * @param unplaced what allows a restore without naming an account: a {@code NotPrincipal}, a principal of
     *     another kind ({@code Service}, {@code Federated}...) or of a form that names no account; as written
     * @param problem why the text is not a policy ({@code null} when it is): not JSON, or no {@code Statement}
     */
    public record Grantees(Set<String> accounts, List<String> unplaced, String problem) {}

    /** The grantees of the restore statements of {@code policy}, a policy document's JSON text. */
    public static Grantees restoreGrantees(String policy) {
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            return new Grantees(Set.of(), List.of(), "the resource policy is not JSON: " + e.getOriginalMessage());
        }
        JsonNode statements = root == null ? null : root.path("Statement");
        if (statements == null || !(statements.isObject() || statements.isArray())) {
            return new Grantees(Set.of(), List.of(), "the resource policy has no Statement");
        }
        Set<String> accounts = new LinkedHashSet<>();
        List<String> unplaced = new ArrayList<>();
        for (JsonNode s : statements.isObject() ? List.of(statements) : statements) {
            if (!s.isObject() || !isRestoreAllow(s)) {
                continue;
            }
            if (s.has("NotPrincipal")) {
                unplaced.add("NotPrincipal " + s.get("NotPrincipal"));
            }
            JsonNode principal = s.path("Principal");
            if (principal.isTextual()) {
                place(principal.asText(), accounts, unplaced);
            } else if (principal.isObject()) {
                principal.fields().forEachRemaining(kind -> {
                    for (String p : texts(kind.getValue())) {
                        if (kind.getKey().equals("AWS")) {
                            place(p, accounts, unplaced);
                        } else {
                            unplaced.add(kind.getKey() + " " + p);
                        }
                    }
                });
            }
        }
        return new Grantees(accounts, unplaced, null);
    }

    private static void place(String principal, Set<String> accounts, List<String> unplaced) {
        String account = IamPolicies.principalAccount(principal);
        if (account == null) {
            unplaced.add("AWS " + principal);
        } else {
            accounts.add(account);
        }
    }

    /** An {@code Allow} statement whose actions cover a restore. */
    public static boolean isRestoreAllow(JsonNode statement) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return false;
        }
        if (statement.has("NotAction")) {
            List<String> not = texts(statement.path("NotAction"));
            return RESTORE_ACTIONS.stream().anyMatch(a -> not.stream().noneMatch(p -> IamPolicies.actionMatches(p, a)));
        }
        List<String> actions = texts(statement.path("Action"));
        return RESTORE_ACTIONS.stream().anyMatch(a -> actions.stream().anyMatch(p -> IamPolicies.actionMatches(p, a)));
    }

    /** A text, or the texts of a list; nothing for any other node. */
    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        if (node.isArray()) {
            for (JsonNode x : node) {
                if (x.isTextual()) {
                    out.add(x.asText());
                }
            }
        }
        return out;
    }
}
