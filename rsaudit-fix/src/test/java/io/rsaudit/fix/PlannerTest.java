package io.rsaudit.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.format.PlanFormat;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.ExportFacts;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import io.rsaudit.fix.plan.ResourcePlan;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static Plan plan(FixOptions options) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(Path.of("..", "examples", "policy.yaml"));
        Inventory inventory = new CliJsonSource(ESTATE).load();
        return new Planner(catalog, policy, options, new ExportFacts(ESTATE)).plan(inventory, "examples/estate", NOW);
    }

    @Test
    void printsThePlan() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        StringWriter out = new StringWriter();
        PlanFormat.TEXT.write(plan, out);
        System.out.println(out);
        StringWriter sh = new StringWriter();
        PlanFormat.SHELL.write(plan, sh);
        System.out.println(sh);
        assertThat(plan.resources()).isNotEmpty();
    }

    @Test
    void neverEditsADefaultGroup() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        List<Call> edits = plan.resources().stream()
                .flatMap(r -> r.calls().stream())
                .filter(c -> c.action().equals("ModifyClusterParameterGroup"))
                .toList();
        assertThat(edits).isNotEmpty();
        assertThat(edits)
                .allSatisfy(c -> assertThat((String) c.params().get("ParameterGroupName"))
                        .doesNotStartWith("default."));
    }

    @Test
    void noDeleteDisableOrRebootWithoutFlags() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        assertThat(plan.resources().stream().flatMap(r -> r.calls().stream()).map(Call::action))
                .noneMatch(a -> a.startsWith("Delete") || a.startsWith("Disable") || a.startsWith("Reboot"));
        Plan allowed = plan(new FixOptions(Set.of(), Set.of(), true, true, null));
        assertThat(allowed.resources().stream().flatMap(r -> r.calls().stream()).map(Call::action))
                .contains("RebootCluster");
    }

    static ResourcePlan of(Plan plan, String name) {
        return plan.resources().stream()
                .filter(r -> r.resource().name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
