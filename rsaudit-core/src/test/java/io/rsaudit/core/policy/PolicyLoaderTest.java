package io.rsaudit.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final PolicyLoader LOADER = new PolicyLoader(Set.of("RS-TRANSIT-001", "RS-BACKUP-005"));

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), yaml);
    }

    @Test
    void everyOptionIsRead() throws Exception {
        Policy p = LOADER.load(write("""
                version: 1
                trustedAccounts: ["111111111111", "222222222222"]
                trustedOrganizations: [o-a1b2c3d4e5]
                backups:
                  minAutomatedRetentionDays: 14
                  maxManualRetentionDays: 365
                encryption:
                  requireCustomerManagedKeys: false
                  requireFips: true
                dataResidency:
                  restrictedJurisdictions: [EEA, CH]
                  allowedRoutes:
                    - from: eu-west-1
                      to: eu-west-2
                  regions:
                    eu-west-9: EEA
                severity:
                  RS-TRANSIT-001: critical
                suppressions:
                  - check: RS-BACKUP-005
                    resource: "arn:aws:redshift:*:111111111111:snapshot:legacy/*"
                    reason: legal hold (SEC-42)
                    expires: 2027-03-31
                """));
        assertThat(p.trustedAccounts()).containsExactlyInAnyOrder("111111111111", "222222222222");
        assertThat(p.trustedOrganizations()).containsExactly("o-a1b2c3d4e5");
        assertThat(p.trustsOrganization("o-a1b2c3d4e5")).isTrue();
        assertThat(p.minAutomatedRetentionDays()).isEqualTo(14);
        assertThat(p.maxManualRetentionDays()).isEqualTo(365);
        assertThat(p.requireCustomerManagedKeys()).isFalse();
        assertThat(p.requireFips()).isTrue();
        assertThat(p.residency().restricted()).containsExactlyInAnyOrder("EEA", "CH");
        assertThat(p.residency().jurisdiction("eu-west-9")).isEqualTo("EEA");
        assertThat(p.residency().copy("eu-west-1", "eu-west-2").verdict()).isEqualTo(Residency.Verdict.ALLOWED);
        assertThat(p.residency().copy("eu-west-1", "us-east-1").verdict()).isEqualTo(Residency.Verdict.DENIED);
        assertThat(p.severityOverrides()).containsEntry("RS-TRANSIT-001", Severity.CRITICAL);
        assertThat(p.suppressions()).singleElement().satisfies(s -> {
            assertThat(s.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(s.where()).endsWith("suppressions[0]");
        });
    }

    @Test
    void anEmptyFileMeansTheDefaults() throws Exception {
        Policy p = LOADER.load(write("# nothing yet\n"));
        assertThat(p.minAutomatedRetentionDays()).isEqualTo(7);
        assertThat(p.requireCustomerManagedKeys()).isTrue();
        assertThat(p.residency().restricted()).containsExactly("EEA");
    }

    @Test
    void anUnknownFieldNamesItsLineAndTheKnownFields() throws IOException {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> LOADER.load(write("""
                version: 1
                trustedAcounts: ["111111111111"]
                """)));
        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("line 2")
                .contains("unknown field 'trustedAcounts'")
                .contains("trustedAccounts");
    }

    @Test
    void aWrongTypeNamesItsLineAndPath() throws IOException {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> LOADER.load(write("""
                backups:
                  minAutomatedRetentionDays: seven
                """)));
        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("line 2")
                .contains("backups.minAutomatedRetentionDays");
    }

    @Test
    void everyUnknownFieldAndWrongTypeIsReportedAtOnceWithTheRest() throws IOException {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> LOADER.load(write("""
                version: 1
                trustedAcounts: ["111111111111"]
                backups:
                  minAutomatedRetentionDays: seven
                  maxManualRetention: 30
                encryption:
                  requireFips: [yes]
                suppressions:
                  - check: RS-TRANSIT-001
                    resource: "*"
                    reason: known
                    expiry: 2027-01-01
                severity:
                  RS-TRANSIT-001: urgent
                """)));
        assertThat(e.problems()).hasSize(7);
        assertThat(String.join("\n", e.problems()))
                .contains("line 2: unknown field 'trustedAcounts' in the top level")
                .contains("line 4, column 30: wrong type at backups.minAutomatedRetentionDays: expected a number")
                .contains("line 5: unknown field 'maxManualRetention' in backups (known fields:")
                .contains("wrong type at encryption.requireFips: expected true or false, found a list")
                .contains("line 12: unknown field 'expiry' in suppressions[] (known fields: check, expires, reason,")
                .contains("suppressions[0].expires: required")
                .contains("severity.RS-TRANSIT-001: 'urgent' is not a severity");
    }

    @Test
    void everySemanticProblemIsReportedAtOnce() throws IOException {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> LOADER.load(write("""
                version: 2
                trustedAccounts: ["1234", "111111111111"]
                trustedOrganizations: [o-a1b2c3d4e5, "r-root"]
                backups:
                  minAutomatedRetentionDays: 0
                  maxManualRetentionDays: 5000
                dataResidency:
                  restrictedJurisdictions: [Atlantis]
                  allowedRoutes:
                    - from: eu-west-1
                      to: mars-north-1
                severity:
                  RS-NOPE-001: high
                  RS-TRANSIT-001: urgent
                suppressions:
                  - check: RS-TRANSIT-001
                    resource: "*"
                  - check: RS-BACKUP-005
                    resource: x
                    reason: y
                    expires: 31/12/2027
                """)));
        assertThat(e.problems()).hasSize(12);
        assertThat(String.join("\n", e.problems()))
                .contains("version: 2 is not supported")
                .contains("trustedAccounts[0]: '1234' is not a 12-digit account id")
                .contains("trustedOrganizations[1]: 'r-root' is not an AWS Organizations id")
                .contains("backups.minAutomatedRetentionDays: 0 is outside 1..35")
                .contains("backups.maxManualRetentionDays: 5000 is outside 1..3653")
                .contains("'Atlantis' is no region's jurisdiction")
                .contains("allowedRoutes[0]: 'mars-north-1' is neither a known region nor a jurisdiction")
                .contains("severity.RS-NOPE-001: no check has this id")
                .contains("severity.RS-TRANSIT-001: 'urgent' is not a severity")
                .contains("suppressions[0].reason: required")
                .contains("suppressions[0].expires: required")
                .contains("suppressions[1].expires: '31/12/2027' is not a date");
    }

    @Test
    void aMissingFileOrBrokenYamlIsAClearError() throws IOException {
        assertThatThrownBy(() -> LOADER.load(dir.resolve("absent.yaml")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> LOADER.load(write("trustedAccounts: [\n")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void suppressionsMatchArnOrNameAndExpireAfterTheirLastDay() {
        Suppression s = new Suppression("RS-BACKUP-005", "legacy-*", "why", LocalDate.of(2027, 1, 31), "p");
        var id = new io.rsaudit.core.model.ResourceId(
                io.rsaudit.core.model.ResourceType.CLUSTER_SNAPSHOT,
                new io.rsaudit.core.model.Scope("111111111111", "eu-west-1"),
                "legacy-2019",
                "arn:aws:redshift:eu-west-1:111111111111:snapshot:old/legacy-2019",
                io.rsaudit.core.model.Provenance.of("f", ""));
        assertThat(s.matches("RS-BACKUP-005", id)).isTrue();
        assertThat(s.matches("RS-BACKUP-004", id)).isFalse();
        assertThat(s.isExpired(LocalDate.of(2027, 1, 31))).isFalse();
        assertThat(s.isExpired(LocalDate.of(2027, 2, 1))).isTrue();
    }
}
