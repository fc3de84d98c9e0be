package io.rsaudit.aws;

import io.rsaudit.core.hunt.inventory.InventoryLookup;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks up one account-region's clusters and workgroups live ({@code hunt --inventory-live}): the collection's
 * {@link LiveCollector.Extent#RESOURCE_USERS} calls ({@code redshift:DescribeClusters},
 * {@code redshift-serverless:ListWorkgroups} and {@code ListNamespaces}, {@code kms:DescribeKey} for a key
 * named by an alias, with {@code sts:GetCallerIdentity} and {@code ec2:DescribeRegions}), in
 * the caller's own account, or in any account through a role assumed there. Without a role, another account's
 * region is out of reach. A failed call leaves that list unknown in the answer, naming the call and AWS's error.
 */
public final class LiveInventoryLookup implements InventoryLookup {

    private final LiveOptions caller;
    private final String roleName;
    private final String externalId;
    /** Without a role: the caller's account's inventory by region, collected once each. */
    private final Map<String, Inventory> own = new ConcurrentHashMap<>();

    /**
     * @param caller the caller's credentials, endpoint and call limits (its accounts and regions are not used)
     * @param roleName the role to assume in the account looked up, or {@code null} for the caller's account only
     * @param externalId the external id the role's trust policy demands, or {@code null}
     */
    public LiveInventoryLookup(LiveOptions caller, String roleName, String externalId) {
        this.caller = Objects.requireNonNull(caller, "caller").withRole(null, null, List.of(), false);
        this.roleName = roleName;
        this.externalId = externalId;
        if (roleName != null) {
            // validated as a collection would
            this.caller.withRole(roleName, externalId, List.of("000000000000"), false);
        } else if (externalId != null) {
            throw new IllegalArgumentException("--external-id needs --role-name");
        }
    }

    @Override
    public Answer lookUp(Scope scope) {
        try {
            Inventory inventory = roleName != null
                    ? collect(caller.withRegions(List.of(scope.region()))
                            .withRole(roleName, externalId, List.of(scope.account()), false))
                    : own.computeIfAbsent(scope.region(), r -> collect(caller.withRegions(List.of(r))));
            if (inventory.scopes().contains(scope)) {
                return Answer.of(inventory);
            }
            List<String> accounts =
                    inventory.scopes().stream().map(Scope::account).distinct().toList();
            return Answer.unreachable(
                    roleName == null && !accounts.isEmpty()
                            ? "the credentials are account " + String.join(", ", accounts) + "'s; --role-name looks up"
                                    + " other accounts"
                            : "the account could not be looked up in " + scope.region() + problems(inventory));
        } catch (IllegalArgumentException e) {
            return Answer.unreachable(e.getMessage());
        } catch (RuntimeException e) {
            return Answer.unreachable("the lookup failed: " + e);
        }
    }

    private static Inventory collect(LiveOptions options) {
        return new LiveCollector(options, LiveCollector.Extent.RESOURCE_USERS)
                .collect()
                .inventory();
    }

    /** The failed calls that kept the account-region out (the role, the identity), else the first problem. */
    private static String problems(Inventory inventory) {
        List<String> failed = inventory.errors().stream()
                .filter(e -> e.kind() == CollectionError.Kind.CALL_FAILED)
                .map(CollectionError::message)
                .toList();
        if (!failed.isEmpty()) {
            return ": " + String.join("; ", failed);
        }
        return inventory.errors().isEmpty()
                ? ""
                : ": " + inventory.errors().get(0).message();
    }
}
