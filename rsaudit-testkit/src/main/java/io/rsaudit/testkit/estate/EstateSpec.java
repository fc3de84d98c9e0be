package io.rsaudit.testkit.estate;

/**
 * The size of a generated estate, and the seed that makes it reproducible: the same spec always writes the same
 * bytes.
 *
 * @param accounts AWS accounts (12-digit folders)
 * @param regions regions per account, the first {@code regions} of {@link EstatePlan#REGIONS}
 * @param clusters provisioned clusters across the whole estate
 * @param snapshots cluster snapshots across the whole estate (automated, manual, orphaned, copied, shared in)
 * @param seed the seed of every random choice
 * @param parameterGroups cluster parameter groups in all (two defaults per region plus custom ones spread evenly,
 *     at least one custom per region), or 0 for the historical random 1-3 custom groups per region
 * @param customerKeys customer managed KMS keys in all, spread evenly (at least one per region), or 0 for the
 *     historical random 2-4 per region; every region also has its AWS managed key
 */
public record EstateSpec(
        int accounts, int regions, int clusters, int snapshots, long seed, int parameterGroups, int customerKeys) {

    /** The estate: 20 accounts × 17 regions, 2,000 clusters, 100,000 snapshots. */
    public static final EstateSpec DEFAULT = new EstateSpec(20, 17, 2000, 100_000, 42);

    /** An estate whose parameter groups and keys per region are random, as the scan benchmark has always used. */
    public EstateSpec(int accounts, int regions, int clusters, int snapshots, long seed) {
        this(accounts, regions, clusters, snapshots, seed, 0, 0);
    }

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
        int scopes = accounts * regions;
        if (parameterGroups != 0 && parameterGroups < 3 * scopes) {
            throw new IllegalArgumentException("parameter groups must be 0 (random) or at least 3 per region (two"
                    + " defaults and a custom one): " + 3 * scopes + ", not " + parameterGroups);
        }
        if (parameterGroups > 7 * scopes) {
            throw new IllegalArgumentException("parameter groups must be at most 7 per region: " + 7 * scopes);
        }
        if (customerKeys != 0 && customerKeys < scopes) {
            throw new IllegalArgumentException(
                    "customer keys must be 0 (random) or at least 1 per region: " + scopes + ", not " + customerKeys);
        }
    }
}
