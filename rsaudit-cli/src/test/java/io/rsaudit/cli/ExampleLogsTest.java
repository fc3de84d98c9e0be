package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled example logs ({@code examples/logs}, written by {@code LogGenerator} with the attacks listed in
 * {@code examples/logs-manifest.tsv}) hunted with {@code examples/policy.yaml}: every attack step of every scenario
 * is evidence of an alert, and the benign traffic raises no alert of its own.
 */
class ExampleLogsTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String LOGS = EXAMPLES.resolve("logs").toString();

    @Test
    void everyInjectedAttackStepIsEvidenceAndTheBenignTrafficAlertsOnNothing() throws IOException {
        CliRun run = CliRun.of(
                "hunt", LOGS, "--policy", EXAMPLES.resolve("policy.yaml").toString(), "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("read").path("problemCount").asInt()).isZero();
        assertThat(report.path("notJudged")).isEmpty();

        // file:line -> rules whose alerts show it as evidence; and every alert's evidence
        Map<String, Set<String>> evidence = new HashMap<>();
        List<JsonNode> alerts = new ArrayList<>();
        report.path("alerts").forEach(alerts::add);
        for (JsonNode alert : alerts) {
            for (JsonNode e : alert.path("evidence")) {
                evidence.computeIfAbsent(key(e), k -> new TreeSet<>())
                        .add(alert.path("rule").asText());
            }
        }

        Set<String> injected = new HashSet<>();
        Map<String, List<String>> missed = new TreeMap<>();
        Set<String> scenarios = new TreeSet<>();
        List<String> manifest = Files.readAllLines(EXAMPLES.resolve("logs-manifest.tsv"));
        assertThat(manifest.get(0)).isEqualTo("scenario\ttype\tfile\tline\tstep\twhat");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split("\t", 6);
            String at = f[2] + ":" + f[3];
            injected.add(at);
            scenarios.add(f[0]);
            assertThat(f[4]).as(line).isIn("attack", "setup");
            if (f[4].equals("attack") && !evidence.containsKey(at)) {
                missed.computeIfAbsent(f[0], k -> new ArrayList<>()).add(at + " " + f[5]);
            }
        }
        assertThat(scenarios).hasSize(46);
        assertThat(missed.keySet())
                .as("scenarios with attack steps that no alert shows as evidence: %s", missed)
                .isEmpty();

        for (JsonNode alert : alerts) {
            String rule = alert.path("rule").asText();
            List<String> outside = new ArrayList<>();
            boolean anyInjected = false;
            for (JsonNode e : alert.path("evidence")) {
                if (injected.contains(key(e))) {
                    anyInjected = true;
                } else {
                    outside.add(key(e) + " " + e.path("type").asText() + " "
                            + e.path("action").asText());
                }
            }
            assertThat(anyInjected)
                    .as("%s raised on benign traffic only: %s", rule, outside)
                    .isTrue();
            // The one exception: the recon sequence starts at the user's login, which is ordinary traffic.
            if (rule.equals("RSH-EXFIL-003")) {
                assertThat(outside).allSatisfy(o -> assertThat(o).contains(" connectionlog authenticated"));
            } else {
                assertThat(outside).as("%s evidence outside the manifest", rule).isEmpty();
            }
        }
    }

    private static String key(JsonNode e) {
        String file = e.path("file").asText().replace('\\', '/');
        return file.substring(file.indexOf("AWSLogs/")) + ":" + e.path("line").asLong();
    }
}
