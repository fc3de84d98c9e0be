package io.rsaudit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.check.CheckMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/checks.md tells the truth: one catalog row per check with its title and Security Hub controls as the metadata
 * records them, and a Security Hub table whose check ids are exactly the checks that record each control.
 */
class ChecksDocTest {

    private static final Path DOC = Path.of("..", "docs", "checks.md");

    /** Security Hub's current controls for Redshift and Redshift Serverless. */
    private static final List<String> CONTROLS = List.of(
            "Redshift.1",
            "Redshift.2",
            "Redshift.3",
            "Redshift.4",
            "Redshift.6",
            "Redshift.7",
            "Redshift.8",
            "Redshift.10",
            "Redshift.11",
            "Redshift.12",
            "Redshift.13",
            "Redshift.14",
            "Redshift.15",
            "Redshift.16",
            "Redshift.17",
            "Redshift.18",
            "RedshiftServerless.1",
            "RedshiftServerless.2",
            "RedshiftServerless.3",
            "RedshiftServerless.4",
            "RedshiftServerless.5",
            "RedshiftServerless.6");

    @Test
    void everyCheckHasACatalogRowMatchingItsMetadata() throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("| RS-")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                rows.put(cells[0].trim(), cells);
            }
        }
        List<CheckMetadata> checks = CheckCatalog.builtIn().all();
        assertThat(rows.keySet())
                .as("catalog rows of %s", DOC)
                .containsExactlyInAnyOrderElementsOf(
                        checks.stream().map(CheckMetadata::id).toList());
        for (CheckMetadata c : checks) {
            String[] cells = rows.get(c.id());
            assertThat(cells).as(c.id()).hasSize(5);
            assertThat(cells[1].trim()).as(c.id() + " title").isEqualTo(c.title());
            String controls = c.securityHub().isEmpty() ? "—" : String.join(", ", c.securityHub());
            assertThat(cells[3].trim()).as(c.id() + " Security Hub").isEqualTo(controls);
            assertThat(cells[4].trim()).as(c.id() + " not applicable when").isNotEmpty();
        }
    }

    @Test
    void everySecurityHubControlIsListedWithTheChecksThatAnswerIt() throws Exception {
        Map<String, List<String>> byControl = new TreeMap<>();
        for (CheckMetadata c : CheckCatalog.builtIn().all()) {
            for (String control : c.securityHub()) {
                assertThat(CONTROLS).as(c.id() + " names a current control").contains(control);
                byControl.computeIfAbsent(control, k -> new ArrayList<>()).add(c.id());
            }
        }
        List<String> lines = Files.readAllLines(DOC);
        for (String control : CONTROLS) {
            String row = lines.stream()
                    .filter(l -> l.startsWith("| " + control + " |"))
                    .findFirst()
                    .orElse(null);
            assertThat(row).as("a row for %s in %s", control, DOC).isNotNull();
            String[] cells = row.substring(1, row.length() - 1).split("\\|");
            String answer = cells[2].trim();
            List<String> ids = byControl.getOrDefault(control, List.of());
            if (ids.isEmpty()) {
                assertThat(answer).as(control).startsWith("not covered (");
            } else {
                assertThat(answer).as(control).isEqualTo(String.join(", ", ids));
            }
        }
    }
}
