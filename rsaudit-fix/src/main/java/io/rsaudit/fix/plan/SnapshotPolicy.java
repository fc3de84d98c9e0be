package io.rsaudit.fix.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.model.IamPolicies;
import io.rsaudit.core.model.SnapshotResourcePolicy;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Redshift Serverless snapshot's resource policy (the sharing AWS reports as the snapshot's {@code
 * accountsWithRestoreAccess} and {@code accountsWithProvisionedRestoreAccess}), rewritten without the untrusted
 * principals of its restore statements (as {@link SnapshotResourcePolicy} reads them; {@code *}, any account, is
 * never trusted). Every other statement, key and principal is kept as written; a statement left with no principal is
 * dropped.
 */
public final class SnapshotPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotPolicy() {}

    /**
     * The policy without the untrusted principals, or why there is none.
     *
     * @param policy the policy text without the principals; {@code null} when refused
     * @param removedAccounts the accounts (or {@code *}) whose principals were removed
     * @param leavesNoPrincipal removing them would leave no statement that allows anyone: only deleting the policy
     *     would remain
     * @param problem why the policy cannot be rewritten; {@code null} when it can (or when it leaves no principal)
     */
    public record Edit(String policy, Set<String> removedAccounts, boolean leavesNoPrincipal, String problem) {

        public boolean done() {
            return policy != null;
        }
    }

    /** {@code policy} without the principals whose account {@code trusted} rejects ({@code *} is never trusted). */
    public static Edit withoutUntrusted(String policy, Predicate<String> trusted) {
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            return refused("the resource policy is not JSON: " + e.getOriginalMessage());
        }
        if (root == null
                || !root.isObject()
                || !(root.path("Statement").isObject() || root.path("Statement").isArray())) {
            return refused("the resource policy has no Statement");
        }
        ObjectNode copy = root.deepCopy();
        ArrayNode kept = JSON.createArrayNode();
        Set<String> removed = new LinkedHashSet<>();
        JsonNode statements = copy.path("Statement");
        for (JsonNode s : statements.isObject() ? List.of(statements) : statements) {
            if (!s.isObject() || !SnapshotResourcePolicy.isRestoreAllow(s)) {
                kept.add(s);
                continue;
            }
            if (s.has("NotPrincipal")) {
                return refused("a statement allows a restore to every principal but those its NotPrincipal names;"
                        + " rsaudit does not rewrite it");
            }
            if (strip((ObjectNode) s, trusted, removed)) {
                kept.add(s);
            }
        }
        if (removed.isEmpty()) {
            return refused("no principal of the resource policy's restore statements is an untrusted account");
        }
        boolean anyone = false;
        for (JsonNode s : kept) {
            anyone |= "Allow".equals(s.path("Effect").asText()) && s.has("Principal");
        }
        if (!anyone) {
            return new Edit(null, removed, true, null);
        }
        copy.set("Statement", kept);
        try {
            return new Edit(JSON.writeValueAsString(copy), removed, false, null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the untrusted AWS principals of the statement; whether it still has a principal. */
    private static boolean strip(ObjectNode s, Predicate<String> trusted, Set<String> removed) {
        JsonNode principal = s.path("Principal");
        if (principal.isTextual()) {
            if (untrusted(principal.asText(), trusted)) {
                removed.add(IamPolicies.principalAccount(principal.asText()));
                return false;
            }
            return true;
        }
        if (!principal.isObject()) {
            return true;
        }
        ObjectNode p = (ObjectNode) principal;
        JsonNode aws = p.path("AWS");
        if (aws.isTextual() && untrusted(aws.asText(), trusted)) {
            removed.add(IamPolicies.principalAccount(aws.asText()));
            p.remove("AWS");
        } else if (aws.isArray()) {
            ArrayNode left = JSON.createArrayNode();
            for (JsonNode x : aws) {
                if (x.isTextual() && untrusted(x.asText(), trusted)) {
                    removed.add(IamPolicies.principalAccount(x.asText()));
                } else {
                    left.add(x);
                }
            }
            if (left.isEmpty()) {
                p.remove("AWS");
            } else {
                p.set("AWS", left.size() == 1 && left.get(0).isTextual() ? left.get(0) : left);
            }
        }
        return p.size() > 0;
    }

    private static boolean untrusted(String principal, Predicate<String> trusted) {
        String account = IamPolicies.principalAccount(principal);
        return account != null && (account.equals("*") || !trusted.test(account));
    }

    private static Edit refused(String problem) {
        return new Edit(null, Set.of(), false, problem);
    }
}
