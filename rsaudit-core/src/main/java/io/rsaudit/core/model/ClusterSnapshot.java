package io.rsaudit.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provisioned cluster snapshot ({@code DescribeClusterSnapshots}), manual or automated, owned or shared in.
 *
 * <p>An estate holds hundreds of thousands of snapshots, so a snapshot keeps each field compactly: a value known at
 * its member of the snapshot's record ({@code id.origin()} and the member's AWS name, as the readers make it) is kept
 * as the bare value and made into a {@link Value} again when asked for; any other value (defaulted, unknown, or from
 * elsewhere) is kept as given. What the accessors return equals what the constructor was given.
 */
public final class ClusterSnapshot implements Resource {
    private static final String SNAPSHOTTYPE = "SnapshotType";
    private static final String CLUSTERIDENTIFIER = "ClusterIdentifier";
    private static final String OWNERACCOUNT = "OwnerAccount";
    private static final String STATUS = "Status";
    private static final String CREATETIME = "SnapshotCreateTime";
    private static final String ENCRYPTED = "Encrypted";
    private static final String KMSKEYID = "KmsKeyId";
    private static final String ENCRYPTEDWITHHSM = "EncryptedWithHSM";
    private static final String MANUALRETENTIONPERIOD = "ManualSnapshotRetentionPeriod";
    private static final String TOTALSIZEMEGABYTES = "TotalBackupSizeInMegaBytes";
    private static final String SHAREDWITH = "AccountsWithRestoreAccess";
    private static final String SOURCEREGION = "SourceRegion";
    private static final String TAGS = "Tags";

    private final ResourceId id;
    private final Object snapshotType;
    private final Object clusterIdentifier;
    private final Object ownerAccount;
    private final Object status;
    private final Object createTime;
    private final Object encrypted;
    private final Object kmsKeyId;
    private final Object encryptedWithHsm;
    private final Object manualRetentionPeriod;
    private final Object totalSizeMegaBytes;
    private final Object sharedWith;
    private final Object sourceRegion;
    private final Object tags;

    /**
     * @param manualRetentionPeriod days; -1 keeps the snapshot forever; {@code null} for automated snapshots
     * @param sourceRegion set on snapshots copied from another region
     * @param tags tag key to value, in the order the API lists them; empty when the snapshot has none
     */
    public ClusterSnapshot(
            ResourceId id,
            Value<String> snapshotType,
            Value<String> clusterIdentifier,
            Value<String> ownerAccount,
            Value<String> status,
            Value<Instant> createTime,
            Value<Boolean> encrypted,
            Value<String> kmsKeyId,
            Value<Boolean> encryptedWithHsm,
            Value<Integer> manualRetentionPeriod,
            Value<Double> totalSizeMegaBytes,
            Value<List<RestoreAccess>> sharedWith,
            Value<String> sourceRegion,
            Value<Map<String, String>> tags) {
        this.id = Objects.requireNonNull(id, "id");
        Provenance at = id.origin();
        this.snapshotType = Compact.of(snapshotType, at, SNAPSHOTTYPE);
        this.clusterIdentifier = Compact.of(clusterIdentifier, at, CLUSTERIDENTIFIER);
        this.ownerAccount = Compact.of(ownerAccount, at, OWNERACCOUNT);
        this.status = Compact.of(status, at, STATUS);
        this.createTime = Compact.of(createTime, at, CREATETIME);
        this.encrypted = Compact.of(encrypted, at, ENCRYPTED);
        this.kmsKeyId = Compact.of(kmsKeyId, at, KMSKEYID);
        this.encryptedWithHsm = Compact.of(encryptedWithHsm, at, ENCRYPTEDWITHHSM);
        this.manualRetentionPeriod = Compact.of(manualRetentionPeriod, at, MANUALRETENTIONPERIOD);
        this.totalSizeMegaBytes = Compact.of(totalSizeMegaBytes, at, TOTALSIZEMEGABYTES);
        this.sharedWith = Compact.of(sharedWith, at, SHAREDWITH);
        this.sourceRegion = Compact.of(sourceRegion, at, SOURCEREGION);
        this.tags = Compact.of(tags, at, TAGS);
    }

    @Override
    public ResourceId id() {
        return id;
    }

    public Value<String> snapshotType() {
        return Compact.value(snapshotType, id.origin(), SNAPSHOTTYPE);
    }

    public Value<String> clusterIdentifier() {
        return Compact.value(clusterIdentifier, id.origin(), CLUSTERIDENTIFIER);
    }

    public Value<String> ownerAccount() {
        return Compact.value(ownerAccount, id.origin(), OWNERACCOUNT);
    }

    public Value<String> status() {
        return Compact.value(status, id.origin(), STATUS);
    }

    public Value<Instant> createTime() {
        return Compact.value(createTime, id.origin(), CREATETIME);
    }

    public Value<Boolean> encrypted() {
        return Compact.value(encrypted, id.origin(), ENCRYPTED);
    }

    public Value<String> kmsKeyId() {
        return Compact.value(kmsKeyId, id.origin(), KMSKEYID);
    }

    public Value<Boolean> encryptedWithHsm() {
        return Compact.value(encryptedWithHsm, id.origin(), ENCRYPTEDWITHHSM);
    }

    public Value<Integer> manualRetentionPeriod() {
        return Compact.value(manualRetentionPeriod, id.origin(), MANUALRETENTIONPERIOD);
    }

    public Value<Double> totalSizeMegaBytes() {
        return Compact.value(totalSizeMegaBytes, id.origin(), TOTALSIZEMEGABYTES);
    }

    public Value<List<RestoreAccess>> sharedWith() {
        return Compact.value(sharedWith, id.origin(), SHAREDWITH);
    }

    public Value<String> sourceRegion() {
        return Compact.value(sourceRegion, id.origin(), SOURCEREGION);
    }

    public Value<Map<String, String>> tags() {
        return Compact.value(tags, id.origin(), TAGS);
    }

    public boolean isManual() {
        return "manual".equals(snapshotType().value());
    }

    /** True when another account owns the snapshot and merely shares it in. */
    public boolean isSharedIn() {
        Value<String> owner = ownerAccount();
        return owner.isPresent() && !owner.value().equals(id.scope().account());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSnapshot s
                && id.equals(s.id)
                && Objects.equals(snapshotType(), s.snapshotType())
                && Objects.equals(clusterIdentifier(), s.clusterIdentifier())
                && Objects.equals(ownerAccount(), s.ownerAccount())
                && Objects.equals(status(), s.status())
                && Objects.equals(createTime(), s.createTime())
                && Objects.equals(encrypted(), s.encrypted())
                && Objects.equals(kmsKeyId(), s.kmsKeyId())
                && Objects.equals(encryptedWithHsm(), s.encryptedWithHsm())
                && Objects.equals(manualRetentionPeriod(), s.manualRetentionPeriod())
                && Objects.equals(totalSizeMegaBytes(), s.totalSizeMegaBytes())
                && Objects.equals(sharedWith(), s.sharedWith())
                && Objects.equals(sourceRegion(), s.sourceRegion())
                && Objects.equals(tags(), s.tags());
    }

    @Override
    public int hashCode() {
        int h = id.hashCode();
        h = 31 * h + Objects.hashCode(snapshotType());
        h = 31 * h + Objects.hashCode(clusterIdentifier());
        h = 31 * h + Objects.hashCode(ownerAccount());
        h = 31 * h + Objects.hashCode(status());
        h = 31 * h + Objects.hashCode(createTime());
        h = 31 * h + Objects.hashCode(encrypted());
        h = 31 * h + Objects.hashCode(kmsKeyId());
        h = 31 * h + Objects.hashCode(encryptedWithHsm());
        h = 31 * h + Objects.hashCode(manualRetentionPeriod());
        h = 31 * h + Objects.hashCode(totalSizeMegaBytes());
        h = 31 * h + Objects.hashCode(sharedWith());
        h = 31 * h + Objects.hashCode(sourceRegion());
        h = 31 * h + Objects.hashCode(tags());
        return h;
    }

    @Override
    public String toString() {
        return "ClusterSnapshot[id=" + id
                + ", snapshotType=" + snapshotType()
                + ", clusterIdentifier=" + clusterIdentifier()
                + ", ownerAccount=" + ownerAccount()
                + ", status=" + status()
                + ", createTime=" + createTime()
                + ", encrypted=" + encrypted()
                + ", kmsKeyId=" + kmsKeyId()
                + ", encryptedWithHsm=" + encryptedWithHsm()
                + ", manualRetentionPeriod=" + manualRetentionPeriod()
                + ", totalSizeMegaBytes=" + totalSizeMegaBytes()
                + ", sharedWith=" + sharedWith()
                + ", sourceRegion=" + sourceRegion()
                + ", tags=" + tags()
                + "]";
    }
}
