package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the collector script, the IAM policy and the layout documentation equal to {@link AwsCliCall}, the table
 * the source reads by. Repository files are found from the module directory, where Maven runs the tests.
 */
class CollectorContractTest {

    static final Path SCRIPT = Path.of("..", "scripts", "collect-with-aws-cli.sh");
    static final Path POLICY = Path.of("..", "docs", "iam-policy.json");
    static final Path LAYOUT = Path.of("..", "docs", "input-layout.md");

    /** The calls the script makes that are not inputs of the source: only the region list. */
    static final Set<String> EXTRA_CALLS = Set.of("ec2 describe-regions");

    static final Set<String> EXTRA_ACTIONS = Set.of("ec2:DescribeRegions");

    /** Verbs of AWS CLI operations that change something. */
    static final String MUTATING_VERBS = "create|delete|put|update|modify|enable|disable|authorize|revoke|start|stop"
            + "|reboot|rotate|restore|reset|copy|tag|untag|cancel|attach|detach|associate|disassociate|register"
            + "|deregister|import|schedule|batch|accept|reject|rename|resize|pause|resume|purchase|failover|add"
            + "|remove|set|terminate|run|replace|assign|unassign|allocate|release|retire|encrypt|decrypt|generate"
            + "|sign|verify|re-encrypt|upload|send|invoke|execute|apply|promote|revert|share|unshare|grant";

    static String script;

    @BeforeAll
    static void read() throws IOException {
        script = Files.readString(SCRIPT);
    }

    static Set<String> expectedCalls() {
        Set<String> calls = new TreeSet<>(EXTRA_CALLS);
        for (AwsCliCall c : AwsCliCall.values()) {
            calls.add(c.service() + " " + c.operation());
        }
        return calls;
    }

    /** Every {@code aws <service> <operation>} written in the script. */
    static Set<String> scriptCalls() {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\baws\\s+([a-z0-9][a-z0-9-]*)\\s+([a-z0-9][a-z0-9-]*)")
                .matcher(script);
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    @Test
    void everyCallOfTheTableIsInTheScript() {
        for (AwsCliCall call : AwsCliCall.values()) {
            assertThat(Pattern.compile(Pattern.quote(call.cli()) + "(?![\\w-])")
                            .matcher(script)
                            .find())
                    .as("the script makes " + call.cli())
                    .isTrue();
        }
    }

    @Test
    void theScriptCallsNothingElse() {
        assertThat(scriptCalls()).containsExactlyInAnyOrderElementsOf(expectedCalls());
        // and no call whose service or operation the text above cannot see: outside comments, the only other
        // uses of the command are the PATH check and the wrapper that adds --profile
        String code = script.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
        Matcher m = Pattern.compile("(?:\\S+\\s+)?\\baws\\s+(\\S+)").matcher(code);
        List<String> other = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).matches("[a-z0-9][a-z0-9-]*")) {
                other.add(m.group());
            }
        }
        assertThat(other)
                .allMatch(
                        s -> s.equals("-v aws >/dev/null") || s.equals("command aws \"$@\""),
                        "is 'command -v aws' or the wrapper's 'command aws \"$@\"'");
    }

    @Test
    void theScriptHasNoMutatingVerb() {
        Matcher op = Pattern.compile("\\baws\\s+[a-z0-9-]+\\s+(" + MUTATING_VERBS + ")-[a-z-]*")
                .matcher(script);
        List<String> calls = new ArrayList<>();
        while (op.find()) {
            calls.add(op.group());
        }
        assertThat(calls).as("mutating calls").isEmpty();
        // nor an operation-shaped word anywhere (a call built from pieces, or hidden in a variable)
        Matcher word = Pattern.compile("(?<![\\w-])(" + MUTATING_VERBS + ")-[a-z]+(-[a-z]+)*")
                .matcher(script);
        List<String> words = new ArrayList<>();
        while (word.find()) {
            words.add(word.group());
        }
        assertThat(words).as("operation-shaped words with a mutating verb").isEmpty();
        for (String call : scriptCalls()) {
            String operation = call.substring(call.indexOf(' ') + 1);
            // CloudTrail's lookup-events reads the event history
            assertThat(operation).as(call).matches("(describe|list|get|lookup)-[a-z-]+");
        }
    }

    @Test
    void theIamPolicysCollectStatementGrantsExactlyTheCallsActions() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        Set<String> granted = new TreeSet<>();
        Set<String> sids = new TreeSet<>();
        for (JsonNode statement : policy.path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.has("NotAction")).isFalse();
            sids.add(statement.path("Sid").asText());
            if (!statement.path("Sid").asText().equals("RsauditCollectReadOnly")) {
                // the hunt's and the fix's statements: rsaudit-aws's HuntPolicyTest and FixPolicyTest keep them equal
                // to the reads hunt and fix make
                continue;
            }
            JsonNode action = statement.path("Action");
            if (action.isTextual()) {
                granted.add(action.asText());
            } else {
                action.forEach(a -> granted.add(a.asText()));
            }
        }
        Set<String> expected = new TreeSet<>(EXTRA_ACTIONS);
        for (AwsCliCall call : AwsCliCall.values()) {
            expected.add(call.iamAction());
        }
        assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(granted).noneMatch(a -> a.contains("*"));
        assertThat(sids)
                .containsExactlyInAnyOrder("RsauditCollectReadOnly", "RsauditHuntReadOnly", "RsauditFixReadOnly");
        // and the extra action is the extra call's
        assertThat(EXTRA_CALLS).hasSameSizeAs(EXTRA_ACTIONS);
    }

    @Test
    void theLayoutDocumentNamesEveryFileAndAction() throws IOException {
        String doc = Files.readString(LAYOUT);
        for (AwsCliCall call : AwsCliCall.values()) {
            String path = call.perResource() == null ? call.file() : call.service() + "/" + call.operation() + "/";
            assertThat(doc)
                    .as("docs/input-layout.md names the file of " + call.cli())
                    .contains(path);
            assertThat(doc).as("docs/input-layout.md names the call").contains(call.cli());
            assertThat(doc).as("docs/input-layout.md lists the permission").contains(call.iamAction());
        }
        EXTRA_ACTIONS.forEach(a -> assertThat(doc).contains(a));
        assertThat(doc).contains(".page-1.json").contains(".error").contains("alias%2F");
    }

    @Test
    void emptyListChecksUseTheCallsListMember() {
        // has_items "<dir>/<operation>.json" <member>: the member must be the one AwsCliCall reads
        Matcher m =
                Pattern.compile("has_items \"\\$\\w+/([a-z-]+)\\.json\" (\\w+)").matcher(script);
        int seen = 0;
        while (m.find()) {
            String operation = m.group(1);
            String member = m.group(2);
            AwsCliCall call = java.util.Arrays.stream(AwsCliCall.values())
                    .filter(c -> c.operation().equals(operation))
                    .findFirst()
                    .orElseThrow();
            assertThat(member).as(call.cli()).isEqualTo(call.listMember());
            seen++;
        }
        assertThat(seen).isPositive();
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", SCRIPT.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes())).isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("set -euo pipefail");
    }
}
