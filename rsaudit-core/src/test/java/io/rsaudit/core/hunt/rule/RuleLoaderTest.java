package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.model.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleLoaderTest {

    static final String GOOD = """
            id: X-AUTH-001
            title: Failures
            level: high
            description: many failures
            tags: [attack.credential_access, attack.t1110.001]
            logsource:
              type: connectionlog
            detection:
              failure:
                event: authentication failure
              local:
                sourceAddress: '[local]'
              condition: failure and not local
            aggregation:
              by: [sourceAddress]
              within: 5m
              atLeast: 3
            """;

    @Test
    void aValidRuleLoadsWithEveryPart() {
        RuleLoader.Loaded l = RuleLoader.load("good.yaml", GOOD);
        assertThat(l.problems()).isEmpty();
        Rule r = l.rule().orElseThrow();
        assertThat(r.id()).isEqualTo("X-AUTH-001");
        assertThat(r.level()).isEqualTo(Severity.HIGH);
        assertThat(r.logTypes()).containsExactly(LogType.CONNECTION_LOG);
        assertThat(r.techniques()).containsExactly("T1110.001");
        assertThat(r.condition().toString()).isEqualTo("(failure and not local)");
        assertThat(r.correlation())
                .isEqualTo(new Correlation.Aggregation(
                        null, java.util.List.of("sourceAddress"), Duration.ofMinutes(5), 3));
    }

    @Test
    void absorbsNeedsAKeyToMatchAlertsByAndAnotherRulesId() {
        String noKey = """
                id: RSH-X-001
                title: t
                level: high
                description: d
                logsource: {type: userlog}
                detection:
                  sel: {action: alter}
                  condition: sel
                absorbs: {rule: RSH-X-001, within: soon, colour: red}
                """;
        assertThat(RuleLoader.load("a.yaml", noKey).problems())
                .extracting(RuleProblem::toString)
                .containsExactlyInAnyOrder(
                        "a.yaml:9: absorbs.colour: unknown field (known fields: rule, within)",
                        "a.yaml:9: absorbs.rule: a rule cannot absorb itself",
                        "a.yaml:9: absorbs.within: 'soon' is not a duration like 30s, 5m, 2h or 1d",
                        "a.yaml:9: absorbs: needs an aggregation, sequence, transition or novelty with 'by' fields:"
                                + " the key its alerts and the absorbed rule's are matched by");
        Rule priv2 = RuleCatalog.builtIn().all().stream()
                .filter(r -> r.id().equals("RSH-PRIV-002"))
                .findFirst()
                .orElseThrow();
        assertThat(priv2.absorbs()).isEqualTo(new Rule.Absorption("RSH-PRIV-001", java.time.Duration.ofMinutes(5)));
    }

    @Test
    void everyProblemIsListedWithItsLineAndField() {
        String bad = """
                id: x-1
                title: Broken
                level: severe
                description: all wrong
                tags: [attack.t11, attack.nowhere]
                colour: blue
                logsource:
                  type: syslog
                detection:
                  sel:
                    sql|rx: 'a'
                    sql|re: '(unclosed'
                    sourceAddress|cidr: 10.0.0.0/33
                    user: ${policy.hunt.admins}
                    duration|gt: lots
                  condition: sel and other
                aggregation:
                  by: [user]
                  within: 5 minutes
                  atLeast: 0
                """;
        RuleLoader.Loaded l = RuleLoader.load("bad.yaml", bad);
        assertThat(l.rule()).isEmpty();
        assertThat(l.problems())
                .extracting(RuleProblem::toString)
                .containsExactlyInAnyOrder(
                        "bad.yaml:1: id: 'x-1' is not an id like RSH-AUTH-001 (capitals, digits, hyphens)",
                        "bad.yaml:3: level: 'severe' is not a severity; use one of info, low, medium, high, critical",
                        "bad.yaml:5: tags[0]: 'attack.t11' is neither an ATT&CK technique (attack.t1110 or attack.t1110.001)"
                                + " nor a tactic (collection, command_and_control, credential_access, defense_evasion,"
                                + " discovery, execution, exfiltration, impact, initial_access, lateral_movement, persistence,"
                                + " privilege_escalation, reconnaissance, resource_development)",
                        "bad.yaml:5: tags[1]: 'attack.nowhere' is neither an ATT&CK technique (attack.t1110 or"
                                + " attack.t1110.001) nor a tactic (collection, command_and_control, credential_access,"
                                + " defense_evasion, discovery, execution, exfiltration, impact, initial_access,"
                                + " lateral_movement, persistence, privilege_escalation, reconnaissance,"
                                + " resource_development)",
                        "bad.yaml:6: colour: unknown field (known fields: id, title, level, description, tags, references,"
                                + " falsepositives, logsource, extract, detection, aggregation, sequence, transition, novelty,"
                                + " absorbs, fields, status, author, date, modified)",
                        "bad.yaml:8: logsource.type: unknown log type 'syslog': expected connectionlog, userlog,"
                                + " useractivitylog or cloudtrail",
                        "bad.yaml:11: detection.sel.sql|rx: unknown modifier 'rx' (known: all, equals, contains, startswith,"
                                + " endswith, re, cidr, gt, gte, lt, lte, exists, fieldref, residency, restoreoutside, accountoutside, keyuseoutside)",
                        "bad.yaml:12: detection.sel.sql|re: not a regular expression the linear-time engine (RE2) runs:"
                                + " missing closing ) at '(unclosed' (rule regexes use RE2 syntax, docs/rules.md)",
                        "bad.yaml:13: detection.sel.sourceAddress|cidr: '10.0.0.0/33' has a prefix length outside 0..32",
                        "bad.yaml:14: detection.sel.user: '${policy.hunt.admins}' names no policy list (known:"
                                + " policy.hunt.adminUsers, policy.hunt.allowedBuckets, policy.hunt.allowedCidrs,"
                                + " policy.hunt.auditLogBuckets, policy.trustedAccounts, policy.trustedOrganizations)",
                        "bad.yaml:15: detection.sel.duration|gt: 'lots' is not a number",
                        "bad.yaml:16: detection.condition: no selection is named 'other' (selections: sel)",
                        "bad.yaml:19: aggregation.within: '5 minutes' is not a duration like 30s, 5m, 2h or 1d",
                        "bad.yaml:20: aggregation.atLeast: '0' is not a count of 1 or more");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysNameTheirLine() {
        assertThat(RuleLoader.load("s.yaml", "id: A-1\ntitle: [unclosed\n").problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isGreaterThan(1);
                    assertThat(p.message()).startsWith("not valid YAML");
                });
        String dup = GOOD.replace("title: Failures\n", "title: Failures\ntitle: Again\n");
        assertThat(RuleLoader.load("d.yaml", dup).problems())
                .extracting(RuleProblem::toString)
                .containsExactly("d.yaml:2: title: given twice");
    }

    @Test
    void conditionsParseWithPrecedenceAndQuantifiers() {
        java.util.List<String> names = java.util.List.of("sel_a", "sel_b", "filter");
        assertThat(ConditionParser.parse("sel_a or sel_b and not filter", names).toString())
                .isEqualTo("(sel_a or (sel_b and not filter))");
        assertThat(ConditionParser.parse("(sel_a or sel_b) and not filter", names)
                        .toString())
                .isEqualTo("((sel_a or sel_b) and not filter)");
        assertThat(ConditionParser.parse("1 of sel_* and not filter", names).toString())
                .isEqualTo("((sel_a or sel_b) and not filter)");
        assertThat(ConditionParser.parse("all of them", names).toString()).isEqualTo("(sel_a and sel_b and filter)");
        for (String broken : new String[] {"(sel_a", "sel_a and", "sel_a sel_b", "1 of x*", "not", "sel_a & sel_b"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConditionParser.parse(broken, names))
                    .as(broken)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void inARowIsAFlagOfAStepBeforeTheLast() {
        String seq = """
                id: X-SEQ-002
                title: s
                level: low
                description: d
                logsource: {type: connectionlog}
                detection:
                  a: {event: x}
                  b: {event: y}
                sequence:
                  by: [sourceAddress]
                  within: 1h
                  steps:
                    - {condition: a, atLeast: 3, inARow: yes please}
                    - {condition: b, inARow: true}
                """;
        assertThat(RuleLoader.load("q.yaml", seq).problems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "q.yaml:13: sequence.steps[0].inARow: 'yes please' is not true or false",
                        "q.yaml:14: sequence.steps[1].inARow: the last step has no next step to be in a row before");
    }

    @Test
    void sequencesNeedStepsAndNoCondition() {
        String seq = """
                id: X-SEQ-001
                title: s
                level: low
                description: d
                logsource: {type: connectionlog}
                detection:
                  a: {event: x}
                  condition: a
                sequence:
                  by: [sourceAddress]
                  within: 1h
                  steps:
                    - condition: a
                """;
        assertThat(RuleLoader.load("q.yaml", seq).problems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "q.yaml:8: detection.condition: a sequence rule has no condition: each step has its own",
                        "q.yaml:12: sequence.steps: required: a list of two or more steps, each {condition: EXPR,"
                                + " atLeast: N, inARow: true|false}");
    }

    private static final String ACTIVITY_RULE = """
            id: X-SQL-001
            title: Grants
            level: low
            description: grants
            logsource:
              type: useractivitylog
            detection:
              sel:
                SELECTOR
              condition: sel
            """;

    private static RuleLoader.Loaded activityRule(String selector) {
        return RuleLoader.load("x.yaml", ACTIVITY_RULE.replace("SELECTOR", selector));
    }

    @Test
    void aMisspelledFieldIsALoadErrorNamingTheValidFields() {
        assertThat(activityRule("sqll|contains: grant").problems())
                .extracting(RuleProblem::toString)
                .containsExactly("x.yaml:9: detection.sel.sqll|contains: unknown field 'sqll': no event of this rule's"
                        + " log types has it (valid fields: type, time, account, region, cluster, database, user,"
                        + " sourceAddress, action, sql, outcome, tlsVersion, redactions, db, user, pid, userid, xid)");
        assertThat(activityRule("xid|gt: 3").problems()).isEmpty();
        String trail = ACTIVITY_RULE
                .replace("useractivitylog", "cloudtrail")
                .replace("SELECTOR", "requestParameters.clusterIdentifier: x\n    requestParamters.port: 1");
        assertThat(RuleLoader.load("t.yaml", trail).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.field()).isEqualTo("detection.sel.requestParamters.port");
            assertThat(p.message()).contains("unknown field 'requestParamters.port'", "requestParameters");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"restoreoutside", "accountoutside", "keyuseoutside"})
    void theAccountModifiersTakeAccountsAndNoAll(String modifier) {
        String trail = ACTIVITY_RULE.replace("useractivitylog", "cloudtrail");
        assertThat(RuleLoader.load(
                                "t.yaml",
                                trail.replace(
                                        "SELECTOR",
                                        "requestParameters.policy|" + modifier + ": ${policy.trustedAccounts}"))
                        .problems())
                .isEmpty();
        assertThat(RuleLoader.load("t.yaml", trail.replace("SELECTOR", "requestParameters.policy|" + modifier + ": x"))
                        .problems())
                .extracting(RuleProblem::message)
                .containsExactly(
                        modifier.equals("keyuseoutside")
                                ? modifier + " takes account ids (12 digits), organization ids (o-...),"
                                        + " ${policy.trustedAccounts} or ${policy.trustedOrganizations}, not 'x'"
                                : modifier + " takes account ids (12 digits) or ${policy.trustedAccounts}, not 'x'");
        assertThat(RuleLoader.load(
                                "t.yaml",
                                trail.replace(
                                        "SELECTOR", "requestParameters.policy|" + modifier + "|all: '111122223333'"))
                        .problems())
                .extracting(RuleProblem::message)
                .containsExactly(
                        "'all' has no meaning for " + modifier + ": it judges the value against all the accounts");
    }

    @Test
    void constructsTheLinearTimeEngineCannotRunAreRefusedWithTheReason() {
        assertThat(activityRule("sql|re: '(?<![a-z])log'").problems())
                .extracting(RuleProblem::toString)
                .containsExactly("x.yaml:9: detection.sel.sql|re: not a regular expression the linear-time engine (RE2)"
                        + " runs: negative lookbehind (?<!...) is not supported; use a class such as (?:^|[^a-z0-9]) or"
                        + " \\b (rule regexes use RE2 syntax, docs/rules.md)");
        assertThat(activityRule("sql|re: '(a)\\1'").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("backreferences"));
        assertThat(activityRule("sql|re: 'a++'").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("possessive"));
        // escaped and in a class, the same characters are plain text
        assertThat(activityRule("sql|re: '\\(\\?=[(?=]'").problems()).isEmpty();
    }

    @Test
    void hostileRegexesRunInLinearTime() {
        io.rsaudit.core.policy.Policy policy = io.rsaudit.core.policy.Policy.defaults();
        CompiledRule nested =
                CompiledRule.of(activityRule("sql|re: '(.*a){30}$'").rule().orElseThrow(), policy);
        CompiledRule repeated = CompiledRule.of(
                activityRule("sql|re: '^select (\\w+,? ?)*from$'").rule().orElseThrow(), policy);
        String line = "a".repeat(4999) + "b";
        StringBuilder select = new StringBuilder("select ");
        while (select.length() < 20_000) {
            select.append("col").append(select.length()).append(", ");
        }
        select.append("x from t;");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(nested.match(event(line))).isZero();
            assertThat(repeated.match(event(select.toString()))).isZero();
            assertThat(nested.match(event(line.substring(0, 4999)))).isEqualTo(1);
        });
    }

    @Test
    void anExtractReadsTheFirstOfItsFieldsThatTheEventHas() {
        String rule = ACTIVITY_RULE
                .replace("useractivitylog", "[useractivitylog, userlog]")
                .replace(
                        "detection:",
                        "extract:\n  target:\n    from: [username, sql]\n    re: '^(?:create user )?(\\w+)'\ndetection:")
                .replace("SELECTOR", "target: bob");
        RuleLoader.Loaded l = RuleLoader.load("e.yaml", rule);
        assertThat(l.problems()).isEmpty();
        CompiledRule c = CompiledRule.of(l.rule().orElseThrow(), io.rsaudit.core.policy.Policy.defaults());
        assertThat(c.match(event("create user bob password 'x'"))).isEqualTo(1);
        assertThat(c.match(event("create user eve"))).isZero();
        io.rsaudit.core.hunt.Event row = new io.rsaudit.core.hunt.Event(
                LogType.USER_LOG,
                java.time.Instant.EPOCH,
                null,
                null,
                "c",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.Map.of("username", "bob"),
                new io.rsaudit.core.hunt.Origin("u", 1, 0));
        assertThat(c.match(row)).isEqualTo(1);
    }

    private static io.rsaudit.core.hunt.Event event(String sql) {
        return new io.rsaudit.core.hunt.Event(
                LogType.USER_ACTIVITY_LOG,
                java.time.Instant.EPOCH,
                null,
                null,
                "c",
                null,
                "u",
                null,
                null,
                sql,
                null,
                null,
                java.util.Map.of(),
                new io.rsaudit.core.hunt.Origin("f", 1, 0));
    }
}
