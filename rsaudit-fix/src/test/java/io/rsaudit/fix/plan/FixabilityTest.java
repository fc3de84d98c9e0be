package io.rsaudit.fix.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.scan.CheckRunner;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@code rsaudit checks explain} says about fix is true: every check of the catalog has its own answer (a
 * remedy, or a reason it stays manual), and on the example estate the planner does what the answer says for every
 * failing finding.
 */
class FixabilityTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void everyCheckIsEitherRepairableOrManualWithItsOwnReason() {
        Set<String> catalog = CheckCatalog.builtIn().ids();
        for (String id : catalog) {
            assertThat(Fixability.repairable(id) ^ ManualChecks.isManual(id))
                    .as(id + ": a remedy in Fixability or a reason in ManualChecks, not both")
                    .isTrue();
            assertThat(Fixability.explain(id))
                    .startsWith(Fixability.repairable(id) ? "rsaudit fix can repair it: " : "rsaudit fix leaves it")
                    .doesNotContain("rsaudit has no automatic remedy");
        }
        // nothing is said of a check that does not exist
        Set<String> named = new HashSet<>(Fixability.ids());
        named.addAll(ManualChecks.ids());
        assertThat(catalog).containsAll(named);
    }

    @Test
    void onTheExampleEstateThePlanDoesWhatExplainSays() throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(Path.of("..", "examples", "policy.yaml"));
        Inventory inventory = new CliJsonSource(ESTATE).load();
        FixOptions everything = new FixOptions(Set.of(), Set.of(), true, true, "alias/rsaudit-test", true);
        Plan plan = new Planner(catalog, policy, everything, new ExportFacts(ESTATE)).plan(inventory, "examples", NOW);
        Set<String> planned = new HashSet<>();
        plan.resources()
                .forEach(r -> r.checkIds()
                        .forEach(c -> planned.add(c + "|" + r.resource().arn())));
        Set<String> refused = new HashSet<>();
        plan.refused().forEach(r -> refused.add(r.checkId() + "|" + r.resource().arn()));
        Set<String> manual = new HashSet<>();
        plan.manual().forEach(r -> manual.add(r.checkId() + "|" + r.resource().arn()));

        Set<String> checked = new HashSet<>();
        for (Finding f : new CheckRunner(catalog).run(inventory, policy, NOW).findings()) {
            if (f.result() != Result.FAIL || f.isSuppressed()) {
                continue;
            }
            CheckMetadata check = f.check();
            String key = check.id() + "|" + f.resource().arn();
            if (Fixability.repairable(check.id())) {
                assertThat(planned.contains(key) || refused.contains(key))
                        .as(key + " is repairable: planned, or refused with a reason")
                        .isTrue();
                assertThat(manual).as(key).doesNotContain(key);
            } else {
                assertThat(manual).as(key + " stays manual").contains(key);
                assertThat(planned).as(key).doesNotContain(key);
            }
            checked.add(check.id());
        }
        // the estate fails enough checks of both kinds for this to mean something
        assertThat(checked.stream().filter(Fixability::repairable)).hasSizeGreaterThan(15);
        assertThat(checked.stream().filter(id -> !Fixability.repairable(id))).hasSizeGreaterThan(8);
    }
}
