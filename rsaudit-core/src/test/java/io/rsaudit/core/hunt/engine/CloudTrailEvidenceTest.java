package io.rsaudit.core.hunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CloudTrail evidence shows who called with which key and the request parameters that made the rule fire, read
 * from the real-shaped fixtures; an access key id is an identifier, not a secret.
 */
class CloudTrailEvidenceTest {

    private static final Path RULES = Path.of("src/test/resources/io/rsaudit/core/hunt/rules");

    private static List<Alert> hunt(String ruleId) throws Exception {
        Path dir = RULES.resolve(ruleId);
        Path policyFile = dir.resolve("policy.yaml");
        Policy policy = policyFile.toFile().exists() ? new PolicyLoader(Set.of()).load(policyFile) : Policy.defaults();
        HuntEngine engine = new HuntEngine(List.of(CompiledRule.of(
                RuleCatalog.builtIn().all().stream()
                        .filter(r -> r.id().equals(ruleId))
                        .findFirst()
                        .orElseThrow(),
                policy)));
        List<LogInput> inputs = LocalFiles.walk(dir).inputs().stream()
                .filter(i -> i.name().contains("CloudTrail"))
                .toList();
        LogReader.read(inputs, ReadOptions.defaults(), engine::accept);
        return engine.finish().alerts();
    }

    @Test
    void theDestinationRegionOfASnapshotCopyAndTheCallersKeyAreShown() throws Exception {
        Event e = hunt("RSH-CT-005").get(0).evidence().get(0);
        Map<String, String> f = e.fields();
        assertThat(f).containsKey("requestParameters.destinationRegion");
        assertThat(f.get("userIdentity.accessKeyId")).matches("A[KS]IA[A-Z2-7]{16}");
        assertThat(f).containsKeys("userIdentity.principalId", "requestID", "eventID");
        assertThat(f).doesNotContainKey("redactions");
    }

    @Test
    void theParameterAndValueChangedAreShown() throws Exception {
        Event e = hunt("RSH-CT-003").get(0).evidence().get(0);
        assertThat(e.fields().keySet())
                .anyMatch(k ->
                        k.matches("requestParameters\\.(parameters|configParameters)\\.\\d+\\.parameter(Name|Key)"))
                .anyMatch(k -> k.matches("requestParameters\\.(parameters|configParameters)\\.\\d+\\.parameterValue"));
    }

    @Test
    void theAccountASnapshotWasSharedWithIsShown() throws Exception {
        assertThat(hunt("RSH-CT-004").get(0).evidence().get(0).fields())
                .containsKey("requestParameters.accountWithRestoreAccess");
    }
}
