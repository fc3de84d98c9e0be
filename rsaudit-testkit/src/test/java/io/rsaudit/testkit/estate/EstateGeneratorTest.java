package io.rsaudit.testkit.estate;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.Account;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Trail;
import io.rsaudit.core.model.Workgroup;
import io.rsaudit.core.source.CliJsonSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes exactly what the AWS CLI source reads: not one collection error (not even an unknown-field
 * warning), every reference resolved, the counts asked for, and the same bytes for the same seed. No timings.
 */
class EstateGeneratorTest {

    /** 2 accounts × 2 regions, 6 clusters, 40 snapshots. */
    private static final EstateSpec TINY = new EstateSpec(2, 2, 6, 40, 7);

    @Test
    void the_source_reads_a_tiny_estate_without_a_single_collection_error(@TempDir Path dir) throws IOException {
        Path estate = dir.resolve("estate");
        EstateSummary summary = new EstateGenerator(TINY).generate(estate);
        Inventory inventory = new CliJsonSource(estate).load();

        assertThat(inventory.errors()).isEmpty();
        assertThat(inventory.scopes()).hasSize(4);
        assertThat(inventory.accounts()).hasSize(2);
        assertThat(inventory.clusters()).hasSize(6);
        assertThat(inventory.clusterSnapshots()).hasSize(40);
        assertThat(summary.clusters()).isEqualTo(6);
        assertThat(summary.snapshots()).isEqualTo(40);
        assertMatches(summary, inventory);
        assertEveryReferenceResolves(inventory);
    }

    @Test
    void a_larger_estate_has_every_kind_of_snapshot_and_still_no_collection_error(@TempDir Path dir)
            throws IOException {
        Path estate = dir.resolve("estate");
        EstateSummary summary = new EstateGenerator(new EstateSpec(3, 4, 40, 1500, 42)).generate(estate);
        Inventory inventory = new CliJsonSource(estate).load();

        assertThat(inventory.errors()).isEmpty();
        assertThat(inventory.clusters()).hasSize(40);
        assertThat(inventory.clusterSnapshots()).hasSize(1500);
        assertThat(summary.automated()).isPositive();
        assertThat(summary.orphaned()).isPositive();
        assertThat(summary.copies()).isPositive();
        assertThat(summary.sharedIn()).isPositive();
        assertThat(summary.sharedOut()).isPositive();
        assertThat(summary.copyGrants()).isPositive();
        assertThat(summary.namespaces()).isPositive();
        assertThat(inventory.kmsKeys())
                .as("customer-managed keys whose policy lets an external account use them (RS-ATREST-014 fails)")
                .filteredOn(k -> k.policy().value().statements().size() == 4)
                .isNotEmpty()
                .hasSizeLessThan(inventory.kmsKeys().size() / 4);
        assertThat(inventory.kmsKeys())
                .as("customer-managed keys with a grant to a role of an external account (RS-ATREST-015 fails)")
                .filteredOn(k -> k.grants().value().stream()
                        .anyMatch(g -> g.granteePrincipal().value().endsWith(":role/vendor-restore")))
                .isNotEmpty()
                .hasSizeLessThan(inventory.kmsKeys().size() / 4)
                .allSatisfy(k ->
                        assertThat(k.metadata().value().isCustomerManaged()).isTrue());
        assertMatches(summary, inventory);
        assertEveryReferenceResolves(inventory);
    }

    @Test
    void a_seed_fixes_every_byte(@TempDir Path dir) throws IOException {
        new EstateGenerator(TINY).generate(dir.resolve("a"));
        new EstateGenerator(TINY).generate(dir.resolve("b"));
        new EstateGenerator(new EstateSpec(2, 2, 6, 40, 8)).generate(dir.resolve("c"));

        Map<String, String> a = contents(dir.resolve("a"));
        assertThat(a).hasSizeGreaterThan(50);
        assertThat(contents(dir.resolve("b"))).isEqualTo(a);
        assertThat(contents(dir.resolve("c"))).isNotEqualTo(a);
    }

    @Test
    void files_are_printed_as_the_aws_cli_prints_them(@TempDir Path dir) throws IOException {
        Path estate = dir.resolve("estate");
        new EstateGenerator(TINY).generate(estate);
        String account = contents(estate).keySet().iterator().next().split("/")[0];

        String sts = Files.readString(estate.resolve(account).resolve("sts/get-caller-identity.json"));
        assertThat(sts).startsWith("{\n    \"UserId\": \"AROA").endsWith("\"\n}\n");
        String groups = Files.readString(
                estate.resolve(account).resolve("us-east-1/redshift/" + "describe-cluster-parameter-groups.json"));
        assertThat(groups).contains("            \"Tags\": []");
    }

    private static void assertMatches(EstateSummary summary, Inventory inventory) {
        assertThat(inventory.accounts()).hasSize(summary.accounts());
        assertThat(inventory.scopes()).hasSize(summary.scopes());
        assertThat(inventory.clusters()).hasSize(summary.clusters());
        assertThat(inventory.clusterSnapshots()).hasSize(summary.snapshots());
        assertThat(inventory.clusterSnapshots().stream().filter(s -> !s.isManual()))
                .hasSize(summary.automated());
        assertThat(inventory.clusterSnapshots().stream().filter(ClusterSnapshot::isSharedIn))
                .hasSize(summary.sharedIn());
        assertThat(inventory.clusterSnapshots().stream()
                        .filter(s -> s.sourceRegion().isPresent()))
                .hasSize(summary.copies());
        assertThat(inventory.snapshotCopyGrants()).hasSize(summary.copyGrants());
        assertThat(inventory.kmsKeys()).hasSize(summary.keys());
        assertThat(inventory.namespaces()).hasSize(summary.namespaces());
        assertThat(inventory.workgroups()).hasSize(summary.workgroups());
        assertThat(inventory.serverlessSnapshots()).hasSize(summary.serverlessSnapshots());
        assertThat(inventory.accounts().stream()
                        .mapToInt(a -> a.trails().value().size())
                        .sum())
                .isEqualTo(summary.trails());
    }

    /** Absent files do not always make collection errors (a key file, say): every lookup must find its file. */
    private static void assertEveryReferenceResolves(Inventory inventory) {
        for (Scope s : inventory.scopes()) {
            assertThat(inventory.clusterIdentifiers(s).isUnknown())
                    .as(s.toString())
                    .isFalse();
        }
        for (Cluster c : inventory.clusters()) {
            Scope scope = c.id().scope();
            assertThat(inventory.logging(c).isUnknown()).as(c.id().arn()).isFalse();
            assertThat(c.parameterGroup().isPresent()).isTrue();
            assertThat(inventory
                            .parameters(scope, c.parameterGroup().value().name())
                            .isUnknown())
                    .as(c.id().arn())
                    .isFalse();
            assertThat(c.port().isUnknown()).isFalse();
            for (String sg : c.vpcSecurityGroupIds().value()) {
                assertThat(inventory.securityGroup(scope, sg).isUnknown())
                        .as(sg)
                        .isFalse();
            }
        }
        for (Workgroup w : inventory.workgroups()) {
            assertThat(w.configParameters().isUnknown()).isFalse();
            for (String sg : w.securityGroupIds().value()) {
                assertThat(inventory.securityGroup(w.id().scope(), sg).isUnknown())
                        .as(sg)
                        .isFalse();
            }
        }
        for (KmsKey k : inventory.kmsKeys()) {
            assertThat(k.metadata().isUnknown()).as(k.id().arn()).isFalse();
            assertThat(k.rotationEnabled().isUnknown()).as(k.id().arn()).isFalse();
            assertThat(k.policy().isUnknown()).as(k.id().arn()).isFalse();
            assertThat(k.grants().value()).as(k.id().arn()).isNotEmpty();
            assertThat(k.usedBy()).isNotEmpty();
        }
        for (Account a : inventory.accounts()) {
            assertThat(a.callerArn().isUnknown()).isFalse();
            assertThat(a.trails().isUnknown()).isFalse();
            assertThat(a.trails().value()).isNotEmpty();
            for (Trail t : a.trails().value()) {
                assertThat(t.isLogging().isUnknown()).as(t.arn()).isFalse();
                assertThat(t.eventSelectors().isUnknown()).as(t.arn()).isFalse();
            }
        }
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(
                        root.relativize(f).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
