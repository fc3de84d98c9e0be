package io.rsaudit.testkit.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A busy, benign day of one production cluster (tens of thousands of records, real-shaped CloudTrail) with attacks
 * injected, hunted with every built-in rule: nothing at medium or above rests on benign records only, and every
 * injected record is evidence of an alert of the rule it was written for. Prints precision and recall.
 */
class BenignDayTest {

    @Test
    void noBenignAlertAtMediumOrAboveAndEveryAttackFoundWithItsEvidence(@TempDir Path dir) throws Exception {
        BenignDay.Result day = new BenignDay(7, 2000).generate(dir.resolve("logs"));
        assertThat(day.records().get(LogType.USER_ACTIVITY_LOG)).isGreaterThan(20_000);
        Path policyFile = Files.writeString(dir.resolve("policy.yaml"), BenignDay.POLICY);
        Policy policy = new PolicyLoader(Set.of(), RuleCatalog.builtIn().ids()).load(policyFile);
        HuntEngine engine = new HuntEngine(RuleCatalog.builtIn().all().stream()
                .map(r -> CompiledRule.of(r, policy))
                .toList());
        // the estate's export places the cluster's security group and key: with it a retired key of another service
        // is nobody's, and the cluster key's deletion is the cluster's
        Path inventory = dir.resolve("inventory");
        BenignDay.writeInventory(inventory);
        ResourceUse use = ResourceUse.of(new CliJsonSource(inventory).load());
        ReadSummary read =
                LogReader.read(LocalFiles.walk(day.dir()).inputs(), ReadOptions.defaults(), use.wrap(engine::accept));
        assertThat(read.problems()).isEmpty();
        assertThat(read.malformed()).isZero();
        List<Alert> alerts = engine.finish().alerts();

        Set<String> injected = new HashSet<>();
        day.attacks().forEach(a -> injected.add(a.file() + ":" + a.line()));
        List<String> benignAtMedium = new ArrayList<>();
        int atMedium = 0;
        int truePositives = 0;
        for (Alert a : alerts) {
            boolean attack = a.evidence().stream().anyMatch(e -> injected.contains(key(e)));
            if (a.level().compareTo(Severity.MEDIUM) >= 0) {
                atMedium++;
                if (attack) {
                    truePositives++;
                } else {
                    benignAtMedium.add(a.ruleId() + " " + a.summary() + " "
                            + key(a.evidence().get(0)));
                }
            }
        }
        assertThat(benignAtMedium)
                .as("alerts at medium or above on benign records only")
                .isEmpty();

        TreeMap<String, String> missed = new TreeMap<>();
        Set<String> foundAttacks = new HashSet<>();
        for (BenignDay.Attack a : day.attacks()) {
            String at = a.file() + ":" + a.line();
            boolean found = alerts.stream()
                    .filter(x -> x.ruleId().equals(a.rule()))
                    .anyMatch(x -> x.evidence().stream().anyMatch(e -> key(e).equals(at)));
            if (found) {
                foundAttacks.add(a.name());
            } else {
                missed.put(at, a.name() + " (" + a.rule() + ")");
            }
        }
        assertThat(missed).as("injected records no alert of their rule shows").isEmpty();
        System.out.printf(
                "benign day: %d events, %d alerts (%d at medium or above, %d of them on injected records);"
                        + " precision at medium+ %.3f; recall %d/%d injected records, %d attacks%n",
                read.events(),
                alerts.size(),
                atMedium,
                truePositives,
                atMedium == 0 ? 1.0 : (double) truePositives / atMedium,
                day.attacks().size() - missed.size(),
                day.attacks().size(),
                foundAttacks.size());
    }

    private static String key(Event e) {
        String f = e.origin().file().replace('\\', '/');
        int at = f.indexOf("AWSLogs/");
        return (at < 0 ? f : f.substring(at)) + ":" + e.origin().line();
    }
}
