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
    void everyFormatWritesThePlan() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        for (PlanFormat f : PlanFormat.values()) {
            StringWriter out = new StringWriter();
            f.write(plan, out);
            assertThat(out.toString()).as(f.label()).contains("prod-legacy");
        }
        StringWriter json = new StringWriter();
        PlanFormat.JSON.write(plan, json);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(json.toString())
                        .path("resources")
                        .size())
                .isEqualTo(plan.resources().size());
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
    void aSharedGroupIsCopiedForEachClusterNeverChangedInPlace() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        for (String cluster : List.of("analytics-main", "analytics-staging")) {
            ResourcePlan p = of(plan, cluster);
            assertThat(p.calls())
                    .filteredOn(c -> c.action().equals("ModifyClusterParameterGroup"))
                    .allSatisfy(c ->
                            assertThat(c.params().get("ParameterGroupName")).isEqualTo("rsaudit-" + cluster));
            assertThat(p.calls())
                    .filteredOn(c -> c.action().equals("ModifyCluster"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.params().get("ClusterParameterGroupName")).isEqualTo("rsaudit-" + cluster);
                        assertThat(c.before().get("ClusterParameterGroupName")).isEqualTo("analytics-params");
                    });
        }
    }

    @Test
    void aDefaultGroupIsCopiedUnderTheClustersNameWithItsFamily() throws Exception {
        ResourcePlan p = of(plan(FixOptions.defaults()), "prod-legacy");
        assertThat(p.calls().get(0).action()).isEqualTo("CreateClusterParameterGroup");
        assertThat(p.calls().get(0).params())
                .containsEntry("ParameterGroupName", "rsaudit-prod-legacy")
                .containsEntry("ParameterGroupFamily", "redshift-1.0");
        assertThat(p.pendingParameters()).contains("require_ssl", "enable_user_activity_logging");
    }

    @Test
    void refusalsNameTheirReasonAndFlag() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        assertThat(plan.refused()).anySatisfy(r -> {
            assertThat(r.checkId()).isEqualTo("RS-BACKUP-009");
            assertThat(r.flag()).isEqualTo(FixOptions.ALLOW_STOP_COPY);
        });
        assertThat(plan.manual()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        Plan allowed = plan(new FixOptions(Set.of("RS-BACKUP-009"), Set.of(), false, true, null, false));
        assertThat(allowed.resources().stream().flatMap(r -> r.calls().stream()).map(Call::action))
                .contains("DisableSnapshotCopy");
    }

    @Test
    void refusalsAFlagWouldLiftAreApartFromFinalOnesInEveryFormat() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        assertThat(plan.refusedUnlessFlagged())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.flag()).isNotBlank())
                .anySatisfy(r -> assertThat(r.checkId()).isEqualTo("RS-BACKUP-009"));
        // an export holds no resource policy: RS-BACKUP-008 is refused, and no flag changes that
        assertThat(plan.refusedFinally())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.flag()).isNull())
                .anySatisfy(r -> assertThat(r.checkId()).isEqualTo("RS-BACKUP-008"));
        assertThat(plan.refused())
                .hasSize(plan.refusedUnlessFlagged().size()
                        + plan.refusedFinally().size());

        StringWriter text = new StringWriter();
        PlanFormat.TEXT.write(plan, text);
        String out = text.toString();
        int flagged = out.indexOf("\nRefused unless you allow it (rerun with the flag named):\n");
        int closed = out.indexOf("\nRefused, final (no flag allows it; the reason says why):\n");
        int manual = out.indexOf("\nManual (no automatic remedy):\n");
        assertThat(flagged).isPositive();
        assertThat(closed).isGreaterThan(flagged);
        assertThat(manual).isGreaterThan(closed);
        String allowed = out.substring(flagged, closed);
        String finals = out.substring(closed, manual);
        assertThat(allowed).contains("RS-BACKUP-009").contains("[" + FixOptions.ALLOW_STOP_COPY + "]");
        assertThat(allowed.lines().skip(2)).allSatisfy(l -> assertThat(l).matches(".*\\[--[a-z-]+( KEY)?]"));
        assertThat(finals)
                .contains("RS-BACKUP-008")
                .doesNotContain("RS-BACKUP-009")
                .doesNotContain("[--");
        assertThat(out.lines().findFirst().orElseThrow())
                .contains(plan.refused().size() + " refused ("
                        + plan.refusedUnlessFlagged().size() + " allowed by a flag)");

        StringWriter json = new StringWriter();
        PlanFormat.JSON.write(plan, json);
        com.fasterxml.jackson.databind.JsonNode refused = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toString())
                .path("refused");
        assertThat(refused).hasSize(plan.refused().size());
        refused.forEach(r -> assertThat(r.path("final").asBoolean()).isEqualTo(!r.has("allowedBy")));

        StringWriter shell = new StringWriter();
        PlanFormat.SHELL.write(plan, shell);
        assertThat(shell.toString())
                .contains("# refused unless --allow-stop-copy allows it RS-BACKUP-009 ")
                .contains("# refused (final) RS-BACKUP-008 ");
    }

    @Test
    void theShellPlanQuotesEveryValue() throws Exception {
        Call call = new Call(
                "redshift",
                "ModifyClusterParameterGroup",
                new io.rsaudit.core.model.Scope("111111111111", "eu-west-1"),
                Call.args()
                        .put("ParameterGroupName", "it's; rm -rf /")
                        .put("Parameters", Call.pairs("ParameterName", "ParameterValue", java.util.Map.of("a", "$(x)")))
                        .build(),
                java.util.Map.of());
        assertThat(io.rsaudit.fix.format.PlanShell.command(call))
                .isEqualTo(
                        "aws redshift modify-cluster-parameter-group --region 'eu-west-1' --parameter-group-name"
                                + " 'it'\\''s; rm -rf /' --parameters '[{\"ParameterName\":\"a\",\"ParameterValue\":\"$(x)\"}]'");
    }

    @Test
    void noDeleteDisableOrRebootWithoutFlags() throws Exception {
        Plan plan = plan(FixOptions.defaults());
        assertThat(plan.resources().stream().flatMap(r -> r.calls().stream()).map(Call::action))
                .noneMatch(a -> a.startsWith("Delete") || a.startsWith("Disable") || a.startsWith("Reboot"));
        Plan allowed = plan(new FixOptions(Set.of(), Set.of(), true, true, null, false));
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
