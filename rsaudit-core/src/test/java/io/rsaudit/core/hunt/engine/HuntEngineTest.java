package io.rsaudit.core.hunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.TestEvents;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.rule.RuleLoader;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyException;
import io.rsaudit.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntEngineTest {

    static Rule builtIn(String id) {
        return RuleCatalog.builtIn().all().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static Event failure(int second, String from, String user) {
        return TestEvents.of(LogType.CONNECTION_LOG)
                .at(String.format("2024-05-01T%02d:%02d:%02dZ", 10 + second / 3600, second / 60 % 60, second % 60))
                .from(from)
                .user(user)
                .field("event", "authentication failure")
                .origin("c.log", second + 1)
                .build();
    }

    @Test
    void outOfOrderEventsFromManyThreadsGiveTheSameAlerts() throws Exception {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(failure(i * 10, "198.51.100.7", "admin")); // a burst: 12 in 2 minutes
            events.add(failure(i * 10 + 1, "198.51.100.8", "u" + i)); // a spray
            events.add(failure(i * 60 * 4, "203.0.113.1", "admin")); // a trickle, never 10 in 5 minutes
        }
        List<CompiledRule> rules = List.of(
                CompiledRule.of(builtIn("RSH-AUTH-001"), Policy.defaults()),
                CompiledRule.of(builtIn("RSH-AUTH-002"), Policy.defaults()));
        List<Alert> first = null;
        for (int round = 0; round < 5; round++) {
            List<Event> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(round));
            HuntEngine engine = new HuntEngine(rules);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            shuffled.forEach(e -> pool.execute(() -> engine.accept(e)));
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            List<Alert> alerts = engine.finish().alerts();
            if (first == null) {
                first = alerts;
            }
            assertThat(alerts).isEqualTo(first);
        }
        assertThat(first)
                .extracting(a -> a.ruleId() + " " + a.sourceAddress() + " " + a.eventCount())
                .containsExactly(
                        "RSH-AUTH-001 198.51.100.7 12", "RSH-AUTH-001 198.51.100.8 12", "RSH-AUTH-002 198.51.100.8 12");
        assertThat(first.get(2).summary()).startsWith("12 distinct user in 12 event(s) within 10m (threshold 5)");
    }

    @Test
    void matchesPastTheMemoryBudgetAreCountedAndReported() {
        HuntEngine engine =
                new HuntEngine(List.of(CompiledRule.of(builtIn("RSH-AUTH-001"), Policy.defaults())), 22 * Hits.WEIGHT);
        for (int i = 0; i < 30; i++) {
            engine.accept(failure(i, "198.51.100.7", "admin"));
        }
        HuntEngine.Result r = engine.finish();
        assertThat(r.notes())
                .singleElement()
                .asString()
                .matches("RSH-AUTH-001: \\d+ of 30 matching event\\(s\\)"
                        + " were not kept: the engine's memory budget \\(.*\\) was full; its alerts may be missing or"
                        + " incomplete");
        long lost = Long.parseLong(r.notes().get(0).split(" ")[1]);
        assertThat(lost).isBetween(1L, 20L);
        assertThat(r.alerts()).singleElement().extracting(Alert::eventCount).isEqualTo(30 - lost);
    }

    @Test
    void theBudgetIsThreeEighthsOfTheHeapAndNeverLessThanA256MiBHeapGets() {
        assertThat(HuntEngine.budgetFor(128L << 20)).isEqualTo(HuntEngine.BUDGET_BYTES);
        assertThat(HuntEngine.budgetFor(256L << 20)).isEqualTo(HuntEngine.BUDGET_BYTES);
        assertThat(HuntEngine.budgetFor(1L << 30)).isEqualTo(384L << 20);
    }

    /** Only an engine sized to its heap says that a larger heap keeps more (a Spark task's budget is fixed). */
    @Test
    void aHeapSizedEngineSaysThatALargerHeapKeepsMore() {
        for (boolean sized : new boolean[] {true, false}) {
            HuntEngine engine = new HuntEngine(
                    List.of(CompiledRule.of(builtIn("RSH-AUTH-001"), Policy.defaults())), 22 * Hits.WEIGHT, sized);
            for (int i = 0; i < 30; i++) {
                engine.accept(failure(i, "198.51.100.7", "admin"));
            }
            assertThat(engine.finish().notes())
                    .singleElement()
                    .asString()
                    .matches(".* its alerts may be missing or incomplete"
                            + (sized ? " \\(a larger heap keeps more: three eighths of -Xmx\\)" : ""));
        }
    }

    /**
     * Two busy rules fill what they may of the budget; a rule with one match still keeps it and alerts. The budget
     * is large against the 8 KiB a group's packed storage may grow by at once, as it is in a hunt.
     */
    @Test
    void aRuleWithFewMatchesKeepsThemWhenBusyRulesFillTheBudget() {
        HuntEngine engine = new HuntEngine(
                List.of(
                        CompiledRule.of(builtIn("RSH-AUTH-001"), Policy.defaults()),
                        CompiledRule.of(builtIn("RSH-AUTH-002"), Policy.defaults()),
                        CompiledRule.of(builtIn("RSH-AUTH-004"), Policy.defaults())),
                256 << 10);
        for (int i = 0; i < 36_000; i++) {
            engine.accept(failure(i, "198.51.100.7", "admin"));
        }
        engine.accept(TestEvents.of(LogType.CONNECTION_LOG)
                .at("2024-05-01T11:00:00Z")
                .from("203.0.113.5")
                .user("mallory")
                .field("event", "authenticated")
                .origin("c2.log", 1)
                .build());
        HuntEngine.Result r = engine.finish();
        assertThat(r.alerts()).extracting(Alert::ruleId).contains("RSH-AUTH-004");
        assertThat(r.notes())
                .hasSize(2)
                .anySatisfy(n -> assertThat(n).startsWith("RSH-AUTH-001: "))
                .anySatisfy(n -> assertThat(n).startsWith("RSH-AUTH-002: "));
    }

    @Test
    void noveltyKeepsTheFirstMatchOfEachValueInAnyOrder() {
        CompiledRule rule = CompiledRule.of(builtIn("RSH-AUTH-006"), Policy.defaults());
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            for (int hour = 0; hour < 24; hour += 6) {
                String from = day == 2 && hour >= 12 ? "203.0.113.9" : "10.0.0.1";
                events.add(TestEvents.of(LogType.CONNECTION_LOG)
                        .at(String.format("2024-05-0%dT%02d:00:00Z", day + 1, hour))
                        .from(from)
                        .user("admin")
                        .field("event", "authenticated")
                        .field("application_name", "psql")
                        .origin("c" + day + ".log", hour + 1)
                        .build());
            }
        }
        Collections.shuffle(events, new Random(7));
        HuntEngine engine = new HuntEngine(List.of(rule));
        events.forEach(engine::accept);
        List<Alert> alerts = engine.finish().alerts();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.summary())
                    .isEqualTo("new sourceAddress 203.0.113.9 after learning 1d from"
                            + " 2024-05-01T00:00:00Z for cluster=prod, user=admin");
            assertThat(a.evidence()).extracting(e -> e.origin().toString()).containsExactly("c2.log:13");
        });
    }

    @Test
    void aRuleWithoutWindowReportsItsEarliestAlertsAndCountsTheRest() {
        CompiledRule rule = CompiledRule.of(builtIn("RSH-CT-001"), Policy.defaults());
        HuntEngine engine = new HuntEngine(List.of(rule));
        int n = 2 * HuntEngine.ALERT_LIMIT + 5;
        for (int i = n - 1; i >= 0; i--) {
            engine.accept(TestEvents.of(LogType.CLOUDTRAIL)
                    .at(java.time.Instant.parse("2024-05-01T00:00:00Z")
                            .plusSeconds(i)
                            .toString())
                    .field("eventSource", "redshift.amazonaws.com")
                    .field("eventName", "DisableLogging")
                    .origin("t.json", i + 1)
                    .build());
        }
        HuntEngine.Result r = engine.finish();
        assertThat(r.alerts()).hasSize(HuntEngine.ALERT_LIMIT);
        assertThat(r.alerts().get(0).evidence().get(0).origin().line()).isEqualTo(1);
        assertThat(r.alerts()
                        .get(HuntEngine.ALERT_LIMIT - 1)
                        .evidence()
                        .get(0)
                        .origin()
                        .line())
                .isEqualTo(HuntEngine.ALERT_LIMIT);
        assertThat(r.notes())
                .containsExactly(
                        "RSH-CT-001: " + n + " alerts; the earliest " + HuntEngine.ALERT_LIMIT + " are reported");
    }

    @Test
    void thePolicyThresholdReplacesTheRules(@TempDir Path dir) throws Exception {
        Policy strict = new PolicyLoader(Set.of())
                .load(Files.writeString(dir.resolve("p.yaml"), "hunt:\n  thresholds:\n    RSH-AUTH-001: 13\n"));
        HuntEngine engine = new HuntEngine(List.of(CompiledRule.of(builtIn("RSH-AUTH-001"), strict)));
        for (int i = 0; i < 12; i++) {
            engine.accept(failure(i * 10, "198.51.100.7", "admin"));
        }
        assertThat(engine.finish().alerts()).isEmpty();
    }

    @Test
    void eventsWithoutTimeAreReportedNotJudged() {
        HuntEngine engine = new HuntEngine(List.of(CompiledRule.of(builtIn("RSH-AUTH-001"), Policy.defaults())));
        engine.accept(TestEvents.of(LogType.CONNECTION_LOG)
                .from("1.2.3.4")
                .field("event", "authentication failure")
                .build());
        HuntEngine.Result r = engine.finish();
        assertThat(r.alerts()).isEmpty();
        assertThat(r.notes())
                .containsExactly("RSH-AUTH-001: 1 matching event(s) have no time and cannot be placed"
                        + " in its window; they were not judged");
    }

    @Test
    void wildcardFieldsMustHoldForTheSameElement() {
        CompiledRule rule = CompiledRule.of(builtIn("RSH-CT-003"), Policy.defaults());
        Event mixed = TestEvents.of(LogType.CLOUDTRAIL)
                .field("eventName", "ModifyClusterParameterGroup")
                .field("requestParameters.parameters.0.parameterName", "require_ssl")
                .field("requestParameters.parameters.0.parameterValue", "true")
                .field("requestParameters.parameters.1.parameterName", "statement_timeout")
                .field("requestParameters.parameters.1.parameterValue", "0")
                .build();
        Event off = TestEvents.of(LogType.CLOUDTRAIL)
                .field("eventName", "ModifyClusterParameterGroup")
                .field("requestParameters.parameters.0.parameterName", "statement_timeout")
                .field("requestParameters.parameters.0.parameterValue", "10")
                .field("requestParameters.parameters.1.parameterName", "REQUIRE_SSL")
                .field("requestParameters.parameters.1.parameterValue", "False")
                .build();
        assertThat(rule.match(mixed)).isZero();
        assertThat(rule.match(off)).isOne();
    }

    @Test
    void userRulesCanUseEveryModifier() {
        String text = """
                id: T-MOD-001
                title: t
                level: low
                description: d
                logsource: {type: cloudtrail}
                extract:
                  port: {from: requestParameters.note, re: 'port (\\d+)'}
                detection:
                  a:
                    eventName|startswith: modify
                    eventName|endswith: CLUSTER
                    eventName|contains: ifyclu
                    port|gte: 5439
                    port|lt: 5440
                    requestParameters.to|fieldref: awsRegion
                    sourceIPAddress|cidr: 2001:db8::/32
                    errorCode: null
                    requestParameters.note|exists: true
                    requestParameters.note|re|all: ['^open', 'port \\d+$']
                  condition: a
                """;
        RuleLoader.Loaded l = RuleLoader.load("t.yaml", text);
        assertThat(l.problems()).isEmpty();
        CompiledRule rule = CompiledRule.of(l.rule().orElseThrow(), Policy.defaults());
        TestEvents base = TestEvents.of(LogType.CLOUDTRAIL)
                .field("eventName", "ModifyCluster")
                .field("requestParameters.note", "open port 5439")
                .field("awsRegion", "eu-west-1")
                .field("requestParameters.to", "EU-WEST-1")
                .field("sourceIPAddress", "2001:db8::9");
        assertThat(rule.match(base.build())).isOne();
        assertThat(rule.match(
                        base.field("requestParameters.note", "open port 5440").build()))
                .isZero();
        assertThat(rule.match(base.field("requestParameters.note", "open port 5439")
                        .field("sourceIPAddress", "10.0.0.1")
                        .build()))
                .isZero();
    }

    @Test
    void thePolicyNamesRulesByIdForThresholdsAndLevels(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), """
                # hunt settings
                hunt:
                  thresholds:
                    RSH-AUTH-001: 3
                    RSH-NOPE-001: 3
                  levels: {RSH-AUTH-001: low, RSH-NOPE-002: high,
                    RSH-AUTH-002: urgent}
                """);
        Set<String> rules = RuleCatalog.builtIn().ids();
        assertThatThrownBy(() -> new PolicyLoader(Set.of(), rules).load(p))
                .isInstanceOf(PolicyException.class)
                .extracting(e -> ((PolicyException) e).problems())
                .asList()
                .containsExactly(
                        "line 5: hunt.thresholds.RSH-NOPE-001: no rule has this id (see 'rsaudit hunt --list-rules')",
                        "line 6: hunt.levels.RSH-NOPE-002: no rule has this id (see 'rsaudit hunt --list-rules')",
                        "line 7: hunt.levels.RSH-AUTH-002: 'urgent' is not a severity; use one of info, low, medium,"
                                + " high, critical");
        Policy scan = new PolicyLoader(Set.of())
                .load(Files.writeString(
                        dir.resolve("s.yaml"),
                        "hunt:\n  thresholds: {RSH-MINE-001: 3}\n  levels: {RSH-AUTH-001: low}\n"));
        assertThat(scan.hunt().thresholds()).containsOnlyKeys("RSH-MINE-001");
        CompiledRule low = CompiledRule.of(builtIn("RSH-AUTH-001"), scan);
        assertThat(low.rule().level()).isEqualTo(io.rsaudit.core.model.Severity.LOW);
        HuntEngine engine = new HuntEngine(List.of(low));
        for (int i = 0; i < 12; i++) {
            engine.accept(failure(i * 10, "198.51.100.7", "admin"));
        }
        assertThat(engine.finish().alerts())
                .singleElement()
                .extracting(Alert::level)
                .isEqualTo(io.rsaudit.core.model.Severity.LOW);
    }

    @Test
    void aLearningPeriodReplacesANoveltyRulesOwnAndIsRefusedWhereThereIsNone(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                hunt:
                  learning:
                    RSH-AUTH-006: soon
                    RSH-NOPE-003: 5m
                """);
        assertThatThrownBy(
                        () -> new PolicyLoader(Set.of(), RuleCatalog.builtIn().ids()).load(bad))
                .isInstanceOf(PolicyException.class)
                .extracting(e -> ((PolicyException) e).problems())
                .asList()
                .containsExactly(
                        "line 3: hunt.learning.RSH-AUTH-006: 'soon' is not a duration like 30s, 5m, 2h or 1d",
                        "line 4: hunt.learning.RSH-NOPE-003: no rule has this id (see 'rsaudit hunt --list-rules')");

        Policy p = new PolicyLoader(Set.of())
                .load(Files.writeString(
                        dir.resolve("p.yaml"),
                        "hunt:\n  learning: {RSH-AUTH-006: 10m, RSH-AUTH-001: 1h}\n  thresholds: {RSH-AUTH-006: 2}\n"));
        assertThat(CompiledRule.of(builtIn("RSH-AUTH-006"), Policy.defaults()).correlation())
                .isEqualTo(new io.rsaudit.core.hunt.rule.Correlation.Novelty(
                        List.of("sourceAddress", "application_name"),
                        List.of("cluster", "user"),
                        java.time.Duration.ofDays(1)));
        Policy onlyLearning = new PolicyLoader(Set.of())
                .load(Files.writeString(dir.resolve("l.yaml"), "hunt:\n  learning: {RSH-AUTH-006: 10m}\n"));
        assertThat(CompiledRule.of(builtIn("RSH-AUTH-006"), onlyLearning).correlation())
                .extracting(c -> ((io.rsaudit.core.hunt.rule.Correlation.Novelty) c).learning())
                .isEqualTo(java.time.Duration.ofMinutes(10));
        assertThatThrownBy(() -> CompiledRule.of(builtIn("RSH-AUTH-001"), p))
                .hasMessage("hunt.learning.RSH-AUTH-001: the rule has no novelty learning period");
        assertThatThrownBy(() -> CompiledRule.of(builtIn("RSH-AUTH-006"), p))
                .hasMessage("hunt.thresholds.RSH-AUTH-006: the rule has no aggregation or sequence whose count could"
                        + " be replaced");
    }

    @Test
    void theBruteForceTiersTakeTheirThresholdsAndWindowsFromThePolicy(@TempDir Path dir) throws Exception {
        // 25 failures from one address, one every 4 minutes: 15 in any hour, under the hourly tier's default 20
        List<Event> trickle = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            trickle.add(TestEvents.of(LogType.CONNECTION_LOG)
                    .at(java.time.Instant.parse("2024-05-01T10:00:00Z")
                            .plusSeconds(240L * i)
                            .toString())
                    .from("203.0.113.1")
                    .user("admin")
                    .field("event", "authentication failure")
                    .origin("c.log", i + 1)
                    .build());
        }
        assertThat(hunt(builtIn("RSH-AUTH-007"), Policy.defaults(), trickle)).isEmpty();
        Policy twoHours = new PolicyLoader(Set.of(), RuleCatalog.builtIn().ids())
                .load(Files.writeString(dir.resolve("p.yaml"), """
                        hunt:
                          thresholds: {RSH-AUTH-007: 25}
                          windows: {RSH-AUTH-007: 2h}
                        """));
        assertThat(hunt(builtIn("RSH-AUTH-007"), twoHours, trickle))
                .singleElement()
                .extracting(Alert::summary)
                .isEqualTo("25 event(s) within 2h (threshold 25) for sourceAddress=203.0.113.1");
        // a sequence's window too; a window for a rule that has none is named, as a bad duration is, with its line
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                hunt:
                  windows:
                    RSH-AUTH-008: 0d
                    RSH-AUTH-003: 30m
                    RSH-AUTH-006: 1h
                """);
        assertThatThrownBy(
                        () -> new PolicyLoader(Set.of(), RuleCatalog.builtIn().ids()).load(bad))
                .isInstanceOf(PolicyException.class)
                .extracting(e -> ((PolicyException) e).problems())
                .asList()
                .containsExactly("line 3: hunt.windows.RSH-AUTH-008: '0d' is not a duration like 30s, 5m, 2h or 1d");
        Policy p = new PolicyLoader(Set.of())
                .load(Files.writeString(
                        dir.resolve("ok.yaml"), "hunt:\n  windows: {RSH-AUTH-003: 30m, RSH-AUTH-006: 1h}\n"));
        assertThat(((io.rsaudit.core.hunt.rule.Correlation.Sequence)
                                CompiledRule.of(builtIn("RSH-AUTH-003"), p).correlation())
                        .within())
                .isEqualTo(java.time.Duration.ofMinutes(30));
        assertThatThrownBy(() -> CompiledRule.of(builtIn("RSH-AUTH-006"), p))
                .hasMessage("hunt.windows.RSH-AUTH-006: the rule has no aggregation or sequence whose window (within)"
                        + " could be replaced");
    }

    private static List<Alert> hunt(io.rsaudit.core.hunt.rule.Rule rule, Policy policy, List<Event> events) {
        HuntEngine engine = new HuntEngine(List.of(CompiledRule.of(rule, policy)));
        events.forEach(engine::accept);
        return engine.finish().alerts();
    }

    @Test
    void theHuntPolicySectionIsValidatedWithEveryProblem(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), """
                hunt:
                  allowedCidrs: [10.0.0.0/8, office]
                  allowedBuckets: ["s3://corp-exports"]
                  adminUsers: [" "]
                  thresholds: {RSH-AUTH-001: 0}
                """);
        assertThatThrownBy(() -> new PolicyLoader(Set.of()).load(p))
                .isInstanceOf(PolicyException.class)
                .extracting(e -> ((PolicyException) e).problems())
                .asList()
                .containsExactly(
                        "hunt.allowedCidrs[1]: 'office' is not an IPv4 or IPv6 network (like 10.0.0.0/8)",
                        "hunt.allowedBuckets[0]: 's3://corp-exports' is not a bucket name (3-63 of a-z 0-9 . -;"
                                + " no s3:// and no key prefix)",
                        "hunt.adminUsers[0]: empty user name",
                        "line 5: hunt.thresholds.RSH-AUTH-001: 0 is not a count of 1 or more");
        Policy ok = new PolicyLoader(
                        io.rsaudit.core.catalog.CheckCatalog.builtIn().ids())
                .load(Path.of("../examples/policy.yaml"));
        assertThat(ok.hunt().adminUsers()).containsExactlyInAnyOrder("admin", "awsuser", "dba");
        assertThat(ok.hunt().allowedCidrs()).hasSize(3);
    }
}
