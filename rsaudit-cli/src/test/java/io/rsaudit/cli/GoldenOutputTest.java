package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON reports of the README's two commands on the bundled examples, pinned: a refactoring must not change a
 * verdict or an alert. Only what varies from run to run (the tool's version, the run's start and end) is removed
 * before the comparison, and members are compared whatever their order in an object (JSON objects are unordered;
 * arrays keep their order). A deliberate change of verdicts or alerts rewrites the golden files with
 * {@code mvn -pl rsaudit-cli test -Dtest=GoldenOutputTest -Drsaudit.golden.update=true}, and the diff is reviewed.
 */
class GoldenOutputTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void scanOfTheExampleEstate() throws Exception {
        CliRun run = CliRun.of(
                "scan",
                "--input",
                "../examples/estate",
                "--cloudtrail",
                "../examples/cloudtrail",
                "--policy",
                "../examples/policy.yaml",
                "--format",
                "json");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        compare("scan-example.json", run.out());
    }

    @Test
    void huntOfTheExampleLogs() throws Exception {
        CliRun run = CliRun.of("hunt", "../examples/logs", "--policy", "../examples/policy.yaml", "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        compare("hunt-example.json", run.out());
    }

    private static void compare(String name, String output) throws Exception {
        ObjectNode report = (ObjectNode) JSON.readTree(output);
        report.remove("tool");
        report.remove("startedAt");
        report.remove("finishedAt");
        String actual = JSON.writeValueAsString(sorted(report)) + "\n";
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("rsaudit.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        JsonNode expected = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        // compared as text so that a difference is shown as a diff of lines
        assertThat(actual)
                .as("%s (regenerate with -Drsaudit.golden.update=true only for a deliberate change)", file)
                .isEqualTo(JSON.writeValueAsString(sorted(expected)) + "\n");
    }

    /** The same tree with every object's members sorted by name. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
