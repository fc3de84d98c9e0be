package io.rsaudit.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ages are measured from --as-of, else the collection time the export records, else the scan's start. */
class AgeReferenceTest {

    private static final Instant SCAN = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    private Estate estate(String collection) {
        Estate e = Estate.in(dir)
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/a'}")
                .json(
                        "111111111111/eu-west-1/redshift/describe-cluster-snapshots.json",
                        "{'Snapshots': [{'SnapshotIdentifier': 'keep', 'ClusterIdentifier': 'gone',"
                                + " 'SnapshotType': 'manual', 'OwnerAccount': '111111111111',"
                                + " 'SnapshotCreateTime': '2026-01-01T00:00:00Z', 'ManualSnapshotRetentionPeriod': -1,"
                                + " 'Encrypted': true, 'TotalBackupSizeInMegaBytes': 1024.0}]}");
        if (collection != null) {
            e.text("111111111111/collection.json", collection);
        }
        return e;
    }

    private record Run(ScanHeader header, List<Finding> findings) {

        String message(String check) {
            return findings.stream()
                    .filter(f -> f.check().id().equals(check))
                    .findFirst()
                    .orElseThrow()
                    .outcome()
                    .message();
        }
    }

    private static Run scan(Path root, Instant asOf) {
        List<ScanHeader> header = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        new Scan(CheckCatalog.builtIn(), Policy.defaults(), Clock.fixed(SCAN, ZoneOffset.UTC), "test")
                .run(new ScanInput("estate", new CliJsonSource(root), asOf), null, new ScanListener() {
                    @Override
                    public void started(ScanHeader h) {
                        header.add(h);
                    }

                    @Override
                    public void finding(Finding f) {
                        findings.add(f);
                    }
                });
        return new Run(header.get(0), findings);
    }

    @Test
    void theCollectionTimeTheExportRecordsIsTheMomentAgesAreMeasuredFrom() {
        Path root = estate("{\"collectedAt\": \"2026-03-01T00:00:00Z\"}").root();
        Run run = scan(root, null);
        assertThat(run.header().ages())
                .isEqualTo(new AgeReference(Instant.parse("2026-03-01T00:00:00Z"), AgeReference.Basis.COLLECTION));
        assertThat(run.header().startedAt()).isEqualTo(SCAN);
        // 59 days from creation to collection, not the 340 to the scan
        assertThat(run.message("RS-BACKUP-004")).contains("59 days old (created 2026-01-01)");
    }

    @Test
    void asOfWinsOverTheCollectionTime() {
        Path root = estate("{\"collectedAt\": \"2026-03-01T00:00:00Z\"}").root();
        Instant asOf = Instant.parse("2026-01-11T00:00:00Z");
        Run run = scan(root, asOf);
        assertThat(run.header().ages()).isEqualTo(new AgeReference(asOf, AgeReference.Basis.AS_OF));
        assertThat(run.message("RS-BACKUP-004")).contains("10 days old (created 2026-01-01)");
    }

    @Test
    void withoutARecordedTimeAgesAreMeasuredFromTheScansStart() {
        Run run = scan(estate(null).root(), null);
        assertThat(run.header().ages()).isEqualTo(new AgeReference(SCAN, AgeReference.Basis.SCAN_START));
        assertThat(run.message("RS-BACKUP-004")).contains("340 days old (created 2026-01-01)");
    }

    @Test
    void anUnreadableCollectionFileIsAnErrorNamingItAndTheScanStartIsUsed() {
        for (String bad : List.of("{\"collectedAt\": \"yesterday\"}", "{\"collectedAt\": 17}", "{not json", "[]")) {
            Run run = scan(estate(bad).root(), null);
            assertThat(run.header().ages().basis()).as(bad).isEqualTo(AgeReference.Basis.SCAN_START);
            assertThat(run.header().collectionErrors())
                    .as(bad)
                    .filteredOn(e -> e.location().equals("111111111111/collection.json"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(CollectionError.Kind.MALFORMED);
                        assertThat(e.message()).contains("ages are measured without it");
                    });
        }
    }
}
