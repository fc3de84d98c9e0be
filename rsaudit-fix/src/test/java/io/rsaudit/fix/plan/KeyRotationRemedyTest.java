package io.rsaudit.fix.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.apply.ApplyReport;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Undo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remedy of a cluster key older than the policy allows ({@link ClusterRemedies#KEY_AGE}), planned for a
 * synthetic failing finding of that check: {@code RotateEncryptionKey} only with {@code --allow-key-rotation}.
 */
class KeyRotationRemedyTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Inventory INVENTORY = new CliJsonSource(ESTATE).load();

    static Cluster cluster(String name) {
        return INVENTORY.clusters().stream()
                .filter(c -> c.identifier().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static Planner.Context context(boolean allowKeyRotation, Planner.Sink sink) {
        return new Planner.Context(
                new CheckContext(INVENTORY, Policy.defaults(), NOW),
                new FixOptions(Set.of(), Set.of(), false, false, null, allowKeyRotation),
                Facts.none(),
                sink);
    }

    @Test
    void withoutTheFlagTheRotationIsRefusedNamingIt() {
        Planner.Sink sink = new Planner.Sink();
        ResourcePlan plan =
                Planner.planOne(cluster("prod-dwh"), List.of(ClusterRemedies.KEY_AGE), context(false, sink));
        assertThat(plan).isNull();
        assertThat(sink.refused).singleElement().satisfies(r -> {
            assertThat(r.checkId()).isEqualTo(ClusterRemedies.KEY_AGE);
            assertThat(r.flag()).isEqualTo(FixOptions.ALLOW_KEY_ROTATION);
            assertThat(r.reason()).contains("RotateEncryptionKey").contains("unavailable");
        });
    }

    @Test
    void withTheFlagTheClusterKeyIsRotatedAsItsLastCall() {
        Planner.Sink sink = new Planner.Sink();
        ResourcePlan plan = Planner.planOne(
                cluster("prod-dwh"), List.of("RS-RES-002", ClusterRemedies.KEY_AGE), context(true, sink));
        assertThat(sink.refused).isEmpty();
        assertThat(plan.checkIds()).contains(ClusterRemedies.KEY_AGE);
        assertThat(plan.calls()).last().satisfies(c -> {
            assertThat(c.iamAction()).isEqualTo("redshift:RotateEncryptionKey");
            assertThat(c.params()).isEqualTo(Map.of("ClusterIdentifier", "prod-dwh"));
        });
        assertThat(plan.remedies())
                .filteredOn(r -> r.checkId().equals(ClusterRemedies.KEY_AGE))
                .singleElement()
                .satisfies(r -> assertThat(r.impact()).isEqualTo(Impact.KEY_ROTATION));
        assertThat(Fixability.explain(ClusterRemedies.KEY_AGE)).contains(FixOptions.ALLOW_KEY_ROTATION);
    }

    @Test
    void anUnencryptedClusterHasNoKeyToRotateEvenWithTheFlag() {
        Planner.Sink sink = new Planner.Sink();
        ResourcePlan plan =
                Planner.planOne(cluster("prod-legacy"), List.of(ClusterRemedies.KEY_AGE), context(true, sink));
        assertThat(plan).isNull();
        assertThat(sink.refused).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("not encrypted");
            assertThat(r.flag()).isNull();
        });
    }

    @Test
    void aRotationIsNeverUndone(@TempDir Path tmp) throws Exception {
        JournalEntry e = new JournalEntry(
                NOW,
                JournalEntry.APPLY,
                "111111111111",
                "eu-west-1",
                "arn:aws:redshift:eu-west-1:111111111111:cluster:prod-dwh",
                "redshift:RotateEncryptionKey",
                Map.of("ClusterIdentifier", "prod-dwh"),
                Map.of(),
                "ok",
                "req",
                null,
                null,
                null);
        List<String> made = new ArrayList<>();
        ApplyReport report;
        try (Journal journal = Journal.append(tmp.resolve("j.jsonl"))) {
            report = new Undo(
                            call -> {
                                made.add(call.iamAction());
                                return "req";
                            },
                            journal,
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            line -> {})
                    .undo(List.of(e));
        }
        assertThat(made).isEmpty();
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo("not-undone");
            assertThat(o.detail()).contains("cannot be undone");
        });
    }
}
