package io.rsaudit.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan service: what its listener hears, in which order, and what the summary counts. */
class ScanTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theListenerHearsTheHeaderThenEachFindingThenEachCheckDoneAndTheSummaryCountsThem() {
        Path root = Estate.in(dir)
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/a'}")
                .json(
                        "111111111111/eu-west-1/redshift/describe-clusters.json",
                        "{'Clusters': [{'ClusterIdentifier': 'a', 'Encrypted': false,"
                                + " 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]},"
                                + " {'ClusterIdentifier': 'b', 'Encrypted': true,"
                                + " 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]}]}")
                .root();
        CheckCatalog catalog = CheckCatalog.builtIn();
        List<String> heard = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        long[] judged = {0};
        Scan scan = new Scan(catalog, Policy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), "test");
        ScanSummary summary = scan.run(
                new ScanInput("estate", new io.rsaudit.core.source.CliJsonSource(root)),
                Severity.HIGH,
                new ScanListener() {
                    @Override
                    public void started(ScanHeader header) {
                        heard.add("started " + header.input() + " "
                                + header.checks().size() + " checks");
                        assertThat(header.startedAt()).isEqualTo(NOW);
                        assertThat(header.scopes()).isNotEmpty();
                    }

                    @Override
                    public void finding(Finding f) {
                        assertThat(heard).isNotEmpty();
                        findings.add(f);
                    }

                    @Override
                    public void checked(CheckMetadata check, int resources) {
                        long mine = findings.stream()
                                .filter(f -> f.check().id().equals(check.id()))
                                .count();
                        assertThat(mine).as(check.id()).isEqualTo(resources);
                        judged[0] += resources;
                    }
                });

        assertThat(heard).containsExactly("started estate " + catalog.all().size() + " checks");
        assertThat(summary.findings())
                .isEqualTo(findings.size())
                .isEqualTo(judged[0])
                .isPositive();
        assertThat(summary.results().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        + summary.suppressed())
                .isEqualTo(findings.size());
        long highFails = findings.stream()
                .filter(f -> f.result() == Result.FAIL && f.severity().atLeast(Severity.HIGH))
                .count();
        assertThat(summary.failsAtThreshold()).isEqualTo(highFails).isPositive();
        assertThat(summary.verdict()).isEqualTo(Verdict.FINDINGS);
        assertThat(findings)
                .filteredOn(f -> f.result() == Result.UNKNOWN || f.result() == Result.NOT_APPLICABLE)
                .allSatisfy(f -> assertThat(f.outcome().reason()).isNotNull());
    }
}
