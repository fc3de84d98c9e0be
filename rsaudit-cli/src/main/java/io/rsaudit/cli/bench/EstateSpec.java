package io.rsaudit.cli.bench;

/**
 * The size of a generated estate, and the seed that makes it reproducible: the same spec always writes the same
 * bytes.
 *
 * @param accounts AWS accounts (12-digit folders)
 * @param regions regions per account, the first {@code regions} of {@link EstatePlan#REGIONS}
 * @param clusters provisioned clusters across the whole estate
 * @param snapshots cluster snapshots across the whole estate (automated, manual, orphaned, copied, shared in)
 * @param seed the seed of every random choice
 */
public record EstateSpec(int accounts, int regions, int clusters, int snapshots, long seed) {

    /** The estate: 20 accounts × 17 regions, 2,000 clusters, 100,000 snapshots. */
    public static final EstateSpec DEFAULT = new EstateSpec(20, 17, 2000, 100_000, 42);

    public EstateSpec {
        if (accounts < 1 || accounts > 10_000) {
            throw new IllegalArgumentException("accounts must be 1..10000, not " + accounts);
        }
        if (regions < 1 || regions > EstatePlan.REGIONS.size()) {
            throw new IllegalArgumentException("regions must be 1.." + EstatePlan.REGIONS.size() + ", not " + regions);
        }
        if (clusters < 0 || snapshots < 0) {
            throw new IllegalArgumentException("clusters and snapshots must not be negative");
        }
    }
}
