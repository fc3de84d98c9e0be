package io.rsaudit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.catalog.CheckCatalog;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built-in framework files against the check catalog, and what a bad file is told. */
class FrameworksTest {

    static final CheckCatalog CATALOG = CheckCatalog.builtIn();

    @TestFactory
    Iterable<DynamicTest> everyMappedCheckExistsAndEveryRequirementIsAnsweredOrManual() {
        return Frameworks.builtIn().all().stream()
                .map(f -> DynamicTest.dynamicTest(f.id(), () -> {
                    assertThat(f.requirements()).isNotEmpty();
                    for (Requirement r : f.requirements()) {
                        assertThat(CATALOG.ids())
                                .as("%s %s maps checks the catalog has", f.id(), r.id())
                                .containsAll(r.checks());
                        assertThat(!r.checks().isEmpty()
                                        || (r.manual() != null && !r.manual().isBlank()))
                                .as("%s %s has a check or says why it is manual", f.id(), r.id())
                                .isTrue();
                    }
                    assertThat(CATALOG.ids())
                            .as("%s: unmapped names checks", f.id())
                            .containsAll(f.unmapped().keySet());
                }))
                .toList();
    }

    @Test
    void everyCheckIsMappedByFsbpOrSaysWhyNot() {
        Framework fsbp = Frameworks.builtIn().find("fsbp").orElseThrow();
        Set<String> mapped = new HashSet<>();
        fsbp.requirements().forEach(r -> mapped.addAll(r.checks()));
        for (String id : CATALOG.ids()) {
            assertThat(mapped.contains(id) || fsbp.unmapped().containsKey(id))
                    .as("%s is mapped by an FSBP control or listed under 'unmapped' with why", id)
                    .isTrue();
            assertThat(mapped.contains(id) && fsbp.unmapped().containsKey(id))
                    .as("%s is both mapped and unmapped", id)
                    .isFalse();
        }
    }

    @Test
    void complianceIdsNameFrameworkAndRequirement() {
        assertThat(Frameworks.builtIn().idsOf("RS-NET-001")).contains("fsbp:Redshift.1");
        assertThat(Frameworks.builtIn().idsOf("RS-NOPE-001")).isEmpty();
    }

    @Test
    void aRequirementWithNeitherChecksNorManualIsRejectedWithItsPlace() {
        String yaml = "id: x\nname: X\nversion: '1'\nsource: s\nrequirements:\n"
                + "  - id: A.1\n    title: t\n    checks: [RS-NET-001]\n"
                + "  - id: A.2\n    title: t\n";
        assertThatThrownBy(() -> Frameworks.parse("x.yaml", yaml))
                .hasMessageContaining("x.yaml: requirements[1] (A.2)")
                .hasMessageContaining("'checks' or 'manual'");
    }

    @Test
    void anUnknownFieldIsRejectedWithItsLine() {
        String yaml = "id: x\nname: X\nversion: '1'\nsource: s\nrequirements:\n  - id: A.1\n    titel: t\n";
        assertThatThrownBy(() -> Frameworks.parse("x.yaml", yaml))
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("unknown field 'titel' in requirements[0]")
                .hasMessageContaining("(line ");
    }

    @Test
    void aDuplicateRequirementIsRejected() {
        String yaml = "id: x\nname: X\nversion: '1'\nsource: s\nrequirements:\n"
                + "  - {id: A.1, title: t, manual: why}\n  - {id: A.1, title: t, manual: why}\n";
        assertThatThrownBy(() -> Frameworks.parse("x.yaml", yaml)).hasMessageContaining("A.1 appears twice");
    }
}
