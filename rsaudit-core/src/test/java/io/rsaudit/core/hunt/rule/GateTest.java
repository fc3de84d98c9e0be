package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

    /** A gate is a necessary condition: every fixture event a built-in rule matches passes the rule's gate. */
    @Test
    void everyMatchPassesItsRulesGate() throws Exception {
        List<CompiledRule> rules = new ArrayList<>();
        for (Rule r : RuleCatalog.builtIn().all()) {
            rules.add(CompiledRule.of(r, Policy.defaults()));
        }
        Prefilter.Scan scan = Prefilter.of(rules).scan();
        int matches = 0;
        for (Event e : RuleFixturesTest.allFixtureEvents()) {
            for (CompiledRule r : rules) {
                if (!r.reads(e.type()) || r.match(e) == 0) {
                    continue;
                }
                matches++;
                List<Gate> gates = r.gates(e.type());
                assertThat(gates).as(r.rule().id() + " can match " + e.type()).isNotNull();
                for (Gate g : gates) {
                    String as = r.rule().id() + " (" + g + ") on " + e.origin();
                    if (g.equality()) {
                        assertThat(g.values().stream().anyMatch(v -> v.equalsIgnoreCase(g.value(e))))
                                .as(as)
                                .isTrue();
                    } else {
                        assertThat(g.mayPass(e, scan)).as(as).isTrue();
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(30);
    }

    @Test
    void rulesAreGatedByTheirEventNameEventOrWords() {
        assertThat(gates("RSH-CT-001", LogType.CLOUDTRAIL))
                .containsExactly("eventSource in [redshift.amazonaws.com]", "eventName in [disablelogging]");
        assertThat(gates("RSH-AUTH-001", LogType.CONNECTION_LOG)).containsExactly("event in [authentication failure]");
        assertThat(gates("RSH-PRIV-003", LogType.USER_ACTIVITY_LOG)).containsExactly("sql holds one of [[grant]]");
        // a step on the connection log and one on the activity log: each type sees only its own step
        assertThat(gates("RSH-EXFIL-003", LogType.CONNECTION_LOG)).containsExactly("event in [authenticated]");
        assertThat(gates("RSH-EXFIL-003", LogType.USER_ACTIVITY_LOG)).hasSize(1);
        // selections on the user log and the activity log only: no CloudTrail record can match
        assertThat(gates("RSH-USER-001", LogType.CLOUDTRAIL)).isNull();
    }

    /**
     * A rule without a gate is judged on every record of its log type: on a busy day that is millions of statements
     * or connections, and a rule written that way once cost the whole hunt a fifth more CPU (docs/rules.md, "What
     * keeps an activity-log rule cheap"). The user log is small enough to read whole.
     */
    @Test
    void everyRuleIsGatedOnTheBusyLogTypes() {
        List<String> ungated = new java.util.ArrayList<>();
        for (Rule r : RuleCatalog.builtIn().all()) {
            CompiledRule c = CompiledRule.of(r, Policy.defaults());
            for (LogType t : List.of(LogType.USER_ACTIVITY_LOG, LogType.CONNECTION_LOG, LogType.CLOUDTRAIL)) {
                List<Gate> g = c.reads(t) ? c.gates(t) : null;
                // RSH-CRED-001 reads the field the readers set when they redacted a secret: a test of one field,
                // with nothing to scan
                if (g != null && g.isEmpty() && !r.id().equals("RSH-CRED-001")) {
                    ungated.add(r.id() + " on " + t);
                }
            }
        }
        assertThat(ungated)
                .as("rules judged on every record of a busy log type")
                .isEmpty();
    }

    private static List<String> gates(String id, LogType type) {
        List<Gate> gates = CompiledRule.of(
                        RuleCatalog.builtIn().all().stream()
                                .filter(r -> r.id().equals(id))
                                .findFirst()
                                .orElseThrow(),
                        Policy.defaults())
                .gates(type);
        return gates == null ? null : gates.stream().map(Gate::toString).toList();
    }
}
