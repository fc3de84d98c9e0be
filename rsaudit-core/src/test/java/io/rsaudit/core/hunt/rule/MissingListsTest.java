package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingListsTest {

    private static Map<String, List<String>> idle(Policy policy) {
        Map<String, List<String>> idle = new LinkedHashMap<>();
        for (Rule r : RuleCatalog.builtIn().all()) {
            List<String> missing = CompiledRule.of(r, policy).missingLists();
            if (!missing.isEmpty()) {
                idle.put(r.id(), missing);
            }
        }
        return idle;
    }

    @Test
    void aRuleThatNeedsAnEmptyListMatchesNothingAndSaysWhich() {
        Map<String, List<String>> idle = idle(Policy.defaults());
        assertThat(idle)
                .containsEntry("RSH-CT-020", List.of("policy.hunt.auditLogBuckets"))
                .containsEntry("RSH-CT-021", List.of("policy.hunt.auditLogBuckets"));
        // an empty list under "not" holds for every event: those rules still match
        assertThat(idle).doesNotContainKeys("RSH-CT-002", "RSH-CT-004", "RSH-EXFIL-001", "RSH-CT-017");
    }

    @Test
    void listsThePolicyFillsLeaveNoRuleIdle(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), """
                trustedAccounts: ["111122223333"]
                hunt:
                  allowedCidrs: [10.0.0.0/8]
                  allowedBuckets: [data]
                  auditLogBuckets: [logs]
                  adminUsers: [awsuser]
                """);
        assertThat(idle(new PolicyLoader(Set.of()).load(file))).isEmpty();
    }

    @Test
    void aSequenceIsIdleWhenOneOfItsStepsCannotHold() {
        String yaml = """
                id: X-1
                title: t
                level: high
                description: d
                logsource:
                  type: cloudtrail
                detection:
                  logs:
                    requestParameters.bucketName: ${policy.hunt.auditLogBuckets}
                  any:
                    eventName: DeleteCluster
                sequence:
                  by: [userIdentity.arn]
                  within: 1h
                  steps:
                    - condition: any
                    - condition: logs
                """;
        Rule rule = RuleLoader.load("x.yaml", yaml).rule().orElseThrow();
        assertThat(CompiledRule.of(rule, Policy.defaults()).missingLists())
                .containsExactly("policy.hunt.auditLogBuckets");
    }
}
