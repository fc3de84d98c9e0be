package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.EventSink;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every built-in rule over its fixture logs, read by the real reader: the evidence is exactly the lines its
 * {@code expected.txt} names (and, where it says {@code alerts: N}, in exactly N alerts). And no rule fires on the
 * benign corpus.
 */
class RuleFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/io/rsaudit/core/hunt");

    /** An {@code expected.txt} line {@code alerts: N}: the rule raises exactly N alerts on its fixtures. */
    static final String ALERTS = "alerts:";

    /**
     * A rule's folder {@code inventory/}: an export ({@code scan --input}'s layout) the hunt is given as
     * {@code --inventory}.
     */
    static final String INVENTORY = "inventory";

    @TestFactory
    Stream<DynamicTest> everyRuleFindsExactlyTheExpectedLines() {
        return RuleCatalog.builtIn().all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
                    Path dir = FIXTURES.resolve("rules").resolve(rule.id());
                    Run run = run(dir, withAbsorbed(rule)).of(rule.id());
                    List<String> lines = Files.readAllLines(dir.resolve("expected.txt")).stream()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .toList();
                    Set<String> expected = new TreeSet<>(
                            lines.stream().filter(l -> !l.startsWith(ALERTS)).toList());
                    assertThat(expected).as("expected.txt of " + rule.id()).isNotEmpty();
                    assertThat(run.evidence()).as(rule.id() + " evidence").containsExactlyElementsOf(expected);
                    lines.stream()
                            .filter(l -> l.startsWith(ALERTS))
                            .findFirst()
                            .ifPresent(l -> assertThat(run.alerts())
                                    .as(rule.id() + " alerts (one per incident)")
                                    .hasSize(Integer.parseInt(
                                            l.substring(ALERTS.length()).strip())));
                }));
    }

    /** The rule, and the rule whose alerts it absorbs (so that its fixtures show one incident as one alert). */
    static List<Rule> withAbsorbed(Rule rule) {
        if (rule.absorbs() == null) {
            return List.of(rule);
        }
        return List.of(
                rule,
                RuleCatalog.builtIn().all().stream()
                        .filter(r -> r.id().equals(rule.absorbs().rule()))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void noRuleFiresOnTheBenignCorpus() throws Exception {
        Run run = run(FIXTURES.resolve("benign"), RuleCatalog.builtIn().all());
        assertThat(run.summary().events()).isGreaterThan(40);
        assertThat(run.alerts()).extracting(a -> a.ruleId() + " " + a.summary()).isEmpty();
    }

    record Run(ReadSummary summary, List<Alert> alerts) {
        /** The alerts of one rule. */
        Run of(String ruleId) {
            return new Run(
                    summary,
                    alerts.stream().filter(a -> a.ruleId().equals(ruleId)).toList());
        }

        Set<String> evidence() {
            Set<String> lines = new TreeSet<>();
            for (Alert a : alerts) {
                for (Event e : a.evidence()) {
                    lines.add(Path.of(e.origin().file()).getFileName() + ":"
                            + e.origin().line());
                }
            }
            return lines;
        }
    }

    static Run run(Path dir, List<Rule> rules) throws Exception {
        Path policyFile = dir.resolve("policy.yaml");
        Policy policy = Files.exists(policyFile) ? new PolicyLoader(Set.of()).load(policyFile) : Policy.defaults();
        HuntEngine engine = new HuntEngine(
                rules.stream().map(r -> CompiledRule.of(r, policy)).toList());
        Path inventory = dir.resolve(INVENTORY);
        List<LogInput> inputs = logs(dir);
        EventSink sink = Files.isDirectory(inventory)
                ? ResourceUse.of(new CliJsonSource(inventory).load()).wrap(engine::accept)
                : engine::accept;
        ReadSummary summary = LogReader.read(inputs, ReadOptions.defaults().withParallelism(2), sink);
        assertThat(summary.problems()).as("read problems in " + dir).isEmpty();
        assertThat(summary.malformed()).isZero();
        return new Run(summary, engine.finish().alerts());
    }

    /** The log files under {@code dir}: not the expectations, the policy or an inventory. */
    static List<LogInput> logs(Path dir) throws Exception {
        return LocalFiles.walk(dir).inputs().stream()
                .filter(i -> !i.name().endsWith(".txt")
                        && !i.name().endsWith(".yaml")
                        && !Path.of(i.name()).toString().contains("/" + INVENTORY + "/"))
                .toList();
    }

    /** Every event of every fixture (the rules' and the benign corpus), read by the real reader. */
    static List<Event> allFixtureEvents() throws Exception {
        List<LogInput> inputs = logs(FIXTURES);
        List<Event> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        LogReader.read(inputs, ReadOptions.defaults(), events::add);
        return events;
    }
}
