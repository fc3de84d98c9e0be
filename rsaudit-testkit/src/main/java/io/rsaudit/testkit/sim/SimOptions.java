package io.rsaudit.testkit.sim;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How the simulator behaves beyond serving the export: injected faults, added latency, forced small pages and the
 * estate's region and organization facts that the export folder does not hold. Faults are deterministic for a
 * seed: whether a request fails depends on the seed, the request and how many times that same request came before,
 * never on thread timing, so a test sees the same faults every run.
 *
 * @param seed the seed of every fault decision
 * @param throttleRate the share of requests answered with the service's throttling error (0..1)
 * @param serverErrorRate the share of requests answered with a 500 or 503 (0..1)
 * @param maxFaultsInARow how many transient faults (throttling, 5xx) the same request meets at most in a row, so
 *     that a client retrying that often always gets through; the SDK's default is 3 attempts, hence 2
 * @param deniedScopes account-region pairs where every call except STS and Organizations is denied, as a
 *     region-deny service control policy does (those policies exempt the global services)
 * @param deniedActions IAM actions ({@code redshift:DescribeLoggingStatus}) denied everywhere
 * @param unassumableAccounts accounts whose roles {@code sts:AssumeRole} refuses
 * @param suspendedAccounts accounts Organizations lists as SUSPENDED besides the export's ACTIVE ones
 * @param optedOutRegions regions no account has opted in to: DescribeRegions lists them as not-opted-in (with
 *     AllRegions) and every call into them fails as AWS fails unknown credentials
 * @param latencyMillis added to every answer
 * @param slowService a signing name ({@code kms}) whose answers take {@code slowMillis} more, or {@code null}
 * @param slowMillis the extra delay of {@code slowService}
 * @param maxPageSize caps every page below what the client asks (AWS may return fewer items with a token); 0 keeps
 *     AWS's own sizes
 * @param ssoAccessToken the one bearer token IAM Identity Center's GetRoleCredentials accepts, or {@code null} for
 *     any
 */
public record SimOptions(
        long seed,
        double throttleRate,
        double serverErrorRate,
        int maxFaultsInARow,
        Set<Scope> deniedScopes,
        Set<String> deniedActions,
        Set<String> unassumableAccounts,
        Set<String> suspendedAccounts,
        Set<String> optedOutRegions,
        long latencyMillis,
        String slowService,
        long slowMillis,
        int maxPageSize,
        String ssoAccessToken) {

    /** An account and one of its regions. */
    public record Scope(String account, String region) {}

    public SimOptions {
        if (throttleRate < 0 || serverErrorRate < 0 || throttleRate + serverErrorRate > 1) {
            throw new IllegalArgumentException("fault rates must be >= 0 and add up to at most 1");
        }
        if (maxFaultsInARow < 0 || latencyMillis < 0 || slowMillis < 0 || maxPageSize < 0) {
            throw new IllegalArgumentException("counts and delays must not be negative");
        }
        deniedScopes = Set.copyOf(deniedScopes);
        deniedActions = Set.copyOf(deniedActions);
        unassumableAccounts = Set.copyOf(unassumableAccounts);
        suspendedAccounts = Set.copyOf(suspendedAccounts);
        optedOutRegions = Set.copyOf(optedOutRegions);
    }

    /** No faults, no latency, AWS's page sizes. */
    public static SimOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.throttleRate = throttleRate;
        b.serverErrorRate = serverErrorRate;
        b.maxFaultsInARow = maxFaultsInARow;
        b.deniedScopes.addAll(deniedScopes);
        b.deniedActions.addAll(deniedActions);
        b.unassumableAccounts.addAll(unassumableAccounts);
        b.suspendedAccounts.addAll(suspendedAccounts);
        b.optedOutRegions.addAll(optedOutRegions);
        b.latencyMillis = latencyMillis;
        b.slowService = slowService;
        b.slowMillis = slowMillis;
        b.maxPageSize = maxPageSize;
        b.ssoAccessToken = ssoAccessToken;
        return b;
    }

    /** Builds {@link SimOptions}; every setter returns the builder. */
    public static final class Builder {
        private long seed = 42;
        private double throttleRate;
        private double serverErrorRate;
        private int maxFaultsInARow = 2;
        private final Set<Scope> deniedScopes = new LinkedHashSet<>();
        private final Set<String> deniedActions = new LinkedHashSet<>();
        private final Set<String> unassumableAccounts = new LinkedHashSet<>();
        private final Set<String> suspendedAccounts = new LinkedHashSet<>();
        private final Set<String> optedOutRegions = new LinkedHashSet<>();
        private long latencyMillis;
        private String slowService;
        private long slowMillis;
        private int maxPageSize;
        private String ssoAccessToken;

        private Builder() {}

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder throttleRate(double value) {
            throttleRate = value;
            return this;
        }

        public Builder serverErrorRate(double value) {
            serverErrorRate = value;
            return this;
        }

        public Builder maxFaultsInARow(int value) {
            maxFaultsInARow = value;
            return this;
        }

        public Builder denyRegion(String account, String region) {
            deniedScopes.add(new Scope(account, region));
            return this;
        }

        public Builder denyAction(String iamAction) {
            deniedActions.add(iamAction);
            return this;
        }

        public Builder unassumable(String account) {
            unassumableAccounts.add(account);
            return this;
        }

        public Builder suspended(String account) {
            suspendedAccounts.add(account);
            return this;
        }

        public Builder optedOut(String region) {
            optedOutRegions.add(region);
            return this;
        }

        public Builder latencyMillis(long value) {
            latencyMillis = value;
            return this;
        }

        public Builder slowService(String signingName, long extraMillis) {
            slowService = signingName;
            slowMillis = extraMillis;
            return this;
        }

        public Builder maxPageSize(int value) {
            maxPageSize = value;
            return this;
        }

        public Builder ssoAccessToken(String value) {
            ssoAccessToken = value;
            return this;
        }

        public SimOptions build() {
            return new SimOptions(
                    seed,
                    throttleRate,
                    serverErrorRate,
                    maxFaultsInARow,
                    deniedScopes,
                    deniedActions,
                    unassumableAccounts,
                    suspendedAccounts,
                    optedOutRegions,
                    latencyMillis,
                    slowService,
                    slowMillis,
                    maxPageSize,
                    ssoAccessToken);
        }
    }
}
