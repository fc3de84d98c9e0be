package io.rsaudit.aws.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.fix.apply.Applier;
import io.rsaudit.fix.apply.ApplyReport;
import io.rsaudit.fix.apply.CallFailure;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Waiter;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a simulator where a changed cluster stays busy for two DescribeClusters answers: the apply waits after
 * ModifyCluster before RebootCluster and before verifying (with a sleeper that only records), and a waiter that
 * gives up stops the resource so that {@code --resume} finishes it.
 */
class ApplyWaitsTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Scope PROD_EU = new Scope("111111111111", "eu-west-1");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final FixOptions REQUIRE_SSL_WITH_REBOOT =
            new FixOptions(Set.of("RS-TRANSIT-001"), Set.of("prod-legacy"), true, false, null, false);

    static ApplyReport apply(AwsFixClient client, Journal journal, Waiter waiter, Set<String> done) throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(Path.of("..", "examples", "policy.yaml"));
        Plan plan = new Planner(catalog, policy, REQUIRE_SSL_WITH_REBOOT, client)
                .plan(client.read(PROD_EU), "simulator", NOW);
        return new Applier(
                        catalog,
                        policy,
                        REQUIRE_SSL_WITH_REBOOT,
                        client,
                        client,
                        client,
                        journal,
                        waiter,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        line -> {})
                .apply(plan, done);
    }

    static List<String> outcomes(Path journal) throws Exception {
        return Journal.read(journal).stream()
                .map(e -> (e.isCall() ? e.action() + ":" : "") + e.outcome())
                .toList();
    }

    @Test
    void aBusyClusterRefusesTheNextChangeUntilItIsAvailable() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            sim.busyAfterWrites(2);
            client.call(new Call(
                    "redshift",
                    "ModifyCluster",
                    PROD_EU,
                    Map.of("ClusterIdentifier", "prod-legacy", "AllowVersionUpgrade", true),
                    Map.of()));
            Call reboot = new Call(
                    "redshift", "RebootCluster", PROD_EU, Map.of("ClusterIdentifier", "prod-legacy"), Map.of());
            assertThatThrownBy(() -> client.call(reboot))
                    .isInstanceOfSatisfying(
                            CallFailure.class, f -> assertThat(f.code()).isEqualTo("InvalidClusterState"));
            var id = client.read(PROD_EU).clusters().stream()
                    .filter(c -> c.identifier().equals("prod-legacy"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            // that read was the first busy answer; the second is this one, then it is available
            assertThat(client.status(id)).contains("modifying");
            assertThat(client.status(id)).contains("available");
            assertThat(client.call(reboot)).isNotBlank();
        }
    }

    @Test
    void theApplyWaitsBetweenDependentCallsAndBeforeVerifying(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            sim.busyAfterWrites(2);
            List<Duration> slept = new ArrayList<>();
            Path file = tmp.resolve("j.jsonl");
            ApplyReport report;
            try (Journal journal = Journal.append(file)) {
                report = apply(client, journal, new Waiter(client, slept::add, Waiter.Backoff.DEFAULT), Set.of());
            }
            assertThat(report.anyFailed()).as(report.outcomes().toString()).isFalse();
            assertThat(outcomes(file))
                    .containsExactly(
                            "redshift:CreateClusterParameterGroup:ok",
                            "redshift:ModifyClusterParameterGroup:ok",
                            "redshift:ModifyCluster:ok",
                            "waited",
                            "redshift:RebootCluster:ok",
                            "waited",
                            "verified");
            // two busy answers each time: polled three times, waiting 5 s then 10 s
            assertThat(slept)
                    .containsExactly(
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(10));
            assertThat(Journal.read(file).stream().filter(e -> e.outcome().equals("waited")))
                    .first()
                    .satisfies(e -> assertThat(e.note())
                            .isEqualTo("available after 3 poll(s) (15s) after redshift:ModifyCluster, before"
                                    + " redshift:RebootCluster"));
        }
    }

    @Test
    void aClusterThatStaysBusyStopsItsPlanAndResumeFinishesIt(@TempDir Path tmp) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = AwsFixClientTest.client(sim)) {
            sim.busyAfterWrites(2);
            Path file = tmp.resolve("j.jsonl");
            Waiter impatient = new Waiter(
                    client, d -> {}, new Waiter.Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO));
            ApplyReport first;
            try (Journal journal = Journal.append(file)) {
                first = apply(client, journal, impatient, Set.of());
            }
            assertThat(first.anyFailed()).isTrue();
            assertThat(first.outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.detail())
                            .contains("still modifying after 1 poll(s)")
                            .contains("redshift:RebootCluster was not started"));
            assertThat(outcomes(file)).doesNotContain("redshift:RebootCluster:ok");

            List<JournalEntry> entries = Journal.read(file);
            ApplyReport resumed;
            try (Journal journal = Journal.append(file)) {
                resumed = apply(
                        client, journal, new Waiter(client, d -> {}, Waiter.Backoff.DEFAULT), Applier.done(entries));
            }
            assertThat(resumed.anyFailed()).as(resumed.outcomes().toString()).isFalse();
            assertThat(outcomes(file).subList(entries.size(), outcomes(file).size()))
                    .contains("redshift:RebootCluster:ok", "verified")
                    .doesNotContain("redshift:ModifyCluster:ok");
        }
    }
}
