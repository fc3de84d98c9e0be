package io.rsaudit.fix.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Workgroup;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS-LOG-007's remedy on a workgroup: {@code enable_user_activity_logging=true} in its configParameters when it is
 * off; when it is on already, the namespace's export is what is missing, and that is RS-LOG-005's remedy.
 */
class WorkgroupLoggingRemedyTest {

    private static final String WORKGROUPS = "222222222222/us-east-1/redshift-serverless/list-workgroups.json";
    private static final String CHECK = "RS-LOG-007";

    @TempDir
    Path dir;

    private Workgroup workgroup(String activityLogging) throws Exception {
        Path estate = Path.of("..", "examples", "estate");
        try (Stream<Path> all = Files.walk(estate)) {
            for (Path p : all.toList()) {
                Path to = dir.resolve(estate.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path file = dir.resolve(WORKGROUPS);
        String json = Files.readString(file);
        String on =
                "(\"parameterKey\"\\s*:\\s*\"enable_user_activity_logging\"\\s*,\\s*\"parameterValue\"\\s*:\\s*)\"true\"";
        assertThat(json).containsPattern(on);
        Files.writeString(file, json.replaceAll(on, "$1\"" + activityLogging + "\""));
        Inventory inventory = new CliJsonSource(dir).load();
        return inventory.workgroups().stream()
                .filter(w -> w.id().name().equals("analytics-explore"))
                .findFirst()
                .orElseThrow();
    }

    private static Planner.Context context(Inventory inventory, Planner.Sink sink) {
        return new Planner.Context(
                new CheckContext(inventory, Policy.defaults(), Instant.parse("2026-11-27T08:00:00Z")),
                new FixOptions(Set.of(), Set.of(), false, false, null, false),
                Facts.none(),
                sink);
    }

    @Test
    void activityLoggingOffIsTurnedOnInTheWorkgroupsParameters() throws Exception {
        Workgroup w = workgroup("false");
        Planner.Sink sink = new Planner.Sink();
        ResourcePlan plan = Planner.planOne(w, List.of(CHECK), context(new CliJsonSource(dir).load(), sink));
        assertThat(sink.refused).isEmpty();
        assertThat(plan.checkIds()).containsExactly(CHECK);
        assertThat(plan.calls()).singleElement().satisfies(c -> {
            assertThat(c.iamAction()).isEqualTo("redshift-serverless:UpdateWorkgroup");
            assertThat(c.params().get("configParameters").toString())
                    .contains("enable_user_activity_logging")
                    .contains("require_ssl");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> pairs =
                    (List<Map<String, Object>>) c.params().get("configParameters");
            assertThat(pairs)
                    .contains(Map.of("parameterKey", "enable_user_activity_logging", "parameterValue", "true"));
        });
    }

    @Test
    void activityLoggingOnAlreadyLeavesTheExportToTheNamespacesRemedy() throws Exception {
        Workgroup w = workgroup("true");
        Planner.Sink sink = new Planner.Sink();
        ResourcePlan plan = Planner.planOne(w, List.of(CHECK), context(new CliJsonSource(dir).load(), sink));
        assertThat(plan).isNull();
        assertThat(sink.refused).singleElement().satisfies(r -> {
            assertThat(r.checkId()).isEqualTo(CHECK);
            assertThat(r.reason()).contains("already true").contains("RS-LOG-005");
            assertThat(r.flag()).isNull();
        });
    }
}
