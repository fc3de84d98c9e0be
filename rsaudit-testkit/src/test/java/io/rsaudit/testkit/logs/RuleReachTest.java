package io.rsaudit.testkit.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.rule.RuleLoader;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a built-in rule costs on a busy day is mostly how many statements its gate lets through to be judged
 * (docs/rules.md, "What keeps an activity-log rule cheap"): the activity log is the busiest log and the one whose
 * records are scanned. On the benign day, no rule is judged on more than a fifth of its statements but
 * RSH-CRED-001, which tests one field the readers set; the broadest gate, RSH-EXFIL-004's {@code iam_role} (every COPY
 * and UNLOAD), passes about a tenth. A rule whose gate passes most statements (a word like {@code select} or
 * {@code from}) fails here where {@code GateTest}, which looks for a rule with no gate at all, does not.
 */
class RuleReachTest {

    /** The most of the day's statements a rule may be judged on. */
    private static final double MOST = 0.2;

    private static final String BROAD = """
            id: TEST-BROAD
            title: Any select of the customers table
            level: low
            description: Gated on a word most statements hold.
            logsource:
              type: useractivitylog
            detection:
              reads:
                sql|contains: select
              table:
                sql|contains: customers
              condition: reads and table
            """;

    @Test
    void noRuleIsJudgedOnMoreThanAFifthOfTheStatements(@TempDir Path dir) throws Exception {
        BenignDay.Result day = new BenignDay(7, 2000).generate(dir.resolve("logs"));
        Path policyFile = Files.writeString(dir.resolve("policy.yaml"), BenignDay.POLICY);
        Policy policy = new PolicyLoader(Set.of(), RuleCatalog.builtIn().ids()).load(policyFile);
        // with the built-in rules, one written as they must not be: its gate, the word select, passes most statements
        RuleLoader.Loaded loaded = RuleLoader.load("broad.yaml", BROAD);
        assertThat(loaded.problems()).isEmpty();
        Rule broad = loaded.rule().orElseThrow();
        HuntEngine engine = new HuntEngine(
                java.util.stream.Stream.concat(RuleCatalog.builtIn().all().stream(), java.util.stream.Stream.of(broad))
                        .map(r -> CompiledRule.of(r, policy))
                        .toList());
        AtomicLong statements = new AtomicLong();
        LogReader.read(LocalFiles.walk(day.dir()).inputs(), ReadOptions.defaults(), e -> {
            if (e.type() == LogType.USER_ACTIVITY_LOG) {
                statements.incrementAndGet();
            }
            engine.accept(e);
        });
        assertThat(statements.get()).isGreaterThan(20_000);

        Map<String, Double> share = new TreeMap<>();
        engine.judged(LogType.USER_ACTIVITY_LOG).forEach((id, n) -> share.put(id, (double) n / statements.get()));
        System.out.println("rules judged on the most statements: "
                + share.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                        .limit(6)
                        .map(x -> String.format(java.util.Locale.ROOT, "%s %.4f", x.getKey(), x.getValue()))
                        .toList());
        Map<String, Double> over = new TreeMap<>(share);
        over.values().removeIf(s -> s <= MOST);
        assertThat(over)
                .as("rules judged on more than %s of %d statements", MOST, statements.get())
                .containsOnlyKeys("RSH-CRED-001", "TEST-BROAD");
    }
}
