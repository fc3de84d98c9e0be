package io.rsaudit.fix.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.plan.ExportFacts;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import io.rsaudit.fix.plan.ResourcePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the apply reads: a scope read after the last write serves the next resource of that scope, and a resource
 * whose checks cannot be judged on the re-read is left alone (not "already compliant").
 */
class ApplierReadsTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final CheckCatalog CATALOG = CheckCatalog.builtIn();

    static Policy policy() throws Exception {
        return new PolicyLoader(CATALOG.ids()).load(Path.of("..", "examples", "policy.yaml"));
    }

    /** Applies with a client that changes nothing, reading {@code state} for every scope; returns the reads. */
    static ApplyReport apply(
            Plan plan, FixOptions options, Inventory state, List<Scope> reads, List<String> calls, Path journal)
            throws Exception {
        try (Journal j = Journal.append(journal)) {
            return new Applier(
                            CATALOG,
                            policy(),
                            options,
                            new ExportFacts(ESTATE),
                            call -> {
                                calls.add(call.iamAction());
                                return "req";
                            },
                            scope -> {
                                reads.add(scope);
                                return state;
                            },
                            j,
                            new Waiter(id -> Optional.of("available"), d -> {}, Waiter.Backoff.DEFAULT),
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            line -> {})
                    .apply(plan, Set.of());
        }
    }

    @Test
    void theReadThatVerifiedAResourceIsTheReReadOfTheNextOneInItsScope(@TempDir Path tmp) throws Exception {
        Inventory estate = new CliJsonSource(ESTATE).load();
        FixOptions options = FixOptions.defaults();
        Plan plan = new Planner(CATALOG, policy(), options, new ExportFacts(ESTATE)).plan(estate, "examples", NOW);
        List<Scope> reads = new ArrayList<>();
        ApplyReport report = apply(plan, options, estate, reads, new ArrayList<>(), tmp.resolve("j.jsonl"));

        // nothing changes: every resource with calls makes them and is not verified
        int withCalls = (int)
                plan.resources().stream().filter(r -> !r.calls().isEmpty()).count();
        assertThat(report.outcomes()).hasSize(plan.resources().size());
        int runs = 0;
        Scope previous = null;
        for (ResourcePlan r : plan.resources()) {
            if (!r.resource().scope().equals(previous)) {
                runs++;
                previous = r.resource().scope();
            }
        }
        assertThat(plan.resources()).hasSizeGreaterThan(runs);
        // one read per scope entered, and one after each resource's calls (which serves the next resource)
        assertThat(reads)
                .hasSize(runs + withCalls)
                .hasSizeLessThan(2 * plan.resources().size());
    }

    @Test
    void aResourceWhoseCheckCannotBeJudgedOnTheReReadIsLeftAlone(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("estate");
        copyTree(ESTATE, copy);
        // the logging status of prod-legacy cannot be read any more: RS-LOG-001 is unknown, not passing
        Files.delete(copy.resolve("111111111111/eu-west-1/redshift/describe-logging-status/prod-legacy.json"));
        Inventory unreadable = new CliJsonSource(copy).load();
        FixOptions options = new FixOptions(Set.of("RS-LOG-001"), Set.of("prod-legacy"), false, false, null, false);
        Plan plan = new Planner(CATALOG, policy(), options, new ExportFacts(ESTATE))
                .plan(new CliJsonSource(ESTATE).load(), "examples", NOW);
        assertThat(plan.resources()).hasSize(1);
        List<String> calls = new ArrayList<>();
        ApplyReport report = apply(plan, options, unreadable, new ArrayList<>(), calls, tmp.resolve("j.jsonl"));
        assertThat(calls).isEmpty();
        assertThat(report.anyFailed()).isTrue();
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo("unknown");
            assertThat(o.detail()).contains("RS-LOG-001");
        });
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
