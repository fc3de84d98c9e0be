package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCatalogTest {

    @Test
    void builtInsAreListedSortedAndNamedByTheirIds() {
        List<String> files = RuleCatalog.builtInFiles();
        assertThat(files).isSorted().doesNotHaveDuplicates();
        List<Rule> rules = RuleCatalog.builtIn().all();
        assertThat(rules).hasSameSizeAs(files);
        for (Rule r : rules) {
            assertThat(r.source()).isEqualTo("built-in:" + r.id() + ".yaml");
        }
    }

    @Test
    void theReadmeAndTheRuleDocsCountAndListEveryBuiltIn() throws Exception {
        List<Rule> rules = RuleCatalog.builtIn().all();
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("runs " + rules.size() + " Sigma-shaped detection rules");
        String docs = Files.readString(Path.of("..", "docs", "rules.md"));
        List<String> rows = docs.lines()
                .filter(l -> l.startsWith("| RSH-"))
                .map(l -> l.substring(2, l.indexOf(' ', 2)))
                .toList();
        assertThat(rows)
                .as("the table of docs/rules.md")
                .containsExactlyInAnyOrderElementsOf(
                        rules.stream().map(Rule::id).toList());
        for (Rule r : rules) {
            assertThat(docs)
                    .as(r.id() + " level in docs/rules.md")
                    .contains("| " + r.id() + " | " + r.level().label() + " |");
        }
    }

    @Test
    void thePolicyDocsGiveEachBruteForceTiersDefaultThresholdAndWindow() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "policy.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\\| (RSH-AUTH-\\d{3}) \\| (\\d+) within (\\w+) \\|")
                .matcher(docs);
        int rows = 0;
        while (m.find()) {
            rows++;
            String id = m.group(1);
            Correlation.Aggregation a = (Correlation.Aggregation) RuleCatalog.builtIn().all().stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .correlation();
            assertThat(a.atLeast()).as(id + " threshold").isEqualTo(Integer.parseInt(m.group(2)));
            assertThat(a.within()).as(id + " window").isEqualTo(io.rsaudit.core.model.Durations.parse(m.group(3)));
        }
        assertThat(rows).as("tier rows in docs/policy.md").isEqualTo(5);
    }

    @Test
    void theIndexListsEveryRuleFileShipped() throws Exception {
        // a rule file left out of index.txt would never load, silently
        Path dir = Path.of(RuleCatalog.class
                        .getResource("/io/rsaudit/core/hunt/rules/index.txt")
                        .toURI())
                .getParent();
        try (var files = Files.list(dir)) {
            assertThat(RuleCatalog.builtInFiles())
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(f -> f.getFileName().toString())
                                    .filter(n -> n.endsWith(".yaml"))
                                    .toList());
        }
    }

    @Test
    void everyBuiltInHasDocumentationTechniquesAndFixtures() {
        for (Rule r : RuleCatalog.builtIn().all()) {
            assertThat(r.description()).as(r.id()).hasSizeGreaterThan(40);
            assertThat(r.references()).as(r.id()).isNotEmpty().allMatch(u -> u.startsWith("https://"));
            assertThat(r.falsePositives()).as(r.id()).isNotEmpty();
            assertThat(r.techniques()).as(r.id()).isNotEmpty();
            assertThat(r.tags()).as(r.id()).allMatch(t -> t.matches("attack\\.(t\\d{4}(\\.\\d{3})?|[a-z_]+)"));
            Path dir = RuleFixturesTest.FIXTURES.resolve("rules").resolve(r.id());
            assertThat(dir.resolve("expected.txt")).as(r.id()).isRegularFile();
        }
    }

    @Test
    void userRulesAddAndOverrideByIdAndEveryBadFileIsReported(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("override.yaml"),
                RuleLoaderTest.GOOD
                        .replace("X-AUTH-001", "RSH-AUTH-001")
                        .replace("title: Failures", "title: Our brute force"));
        Files.writeString(dir.resolve("new.yml"), RuleLoaderTest.GOOD);
        Files.writeString(dir.resolve("broken.yaml"), "id: BAD\n");
        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        RuleCatalog.Loaded l = RuleCatalog.builtIn().with(dir);
        assertThat(l.catalog().ids()).contains("X-AUTH-001", "RSH-AUTH-001", "RSH-CT-011");
        assertThat(l.catalog().all())
                .filteredOn(r -> r.id().equals("RSH-AUTH-001"))
                .singleElement()
                .extracting(Rule::title)
                .isEqualTo("Our brute force");
        assertThat(l.problems())
                .extracting(RuleProblem::field)
                .contains("id", "title", "level", "description", "logsource", "detection");
        assertThat(l.problems()).allMatch(p -> p.file().endsWith("broken.yaml"));
    }
}
