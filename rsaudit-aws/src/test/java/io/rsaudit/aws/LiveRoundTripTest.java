package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.aws.sim.AwsSimulator;
import io.rsaudit.aws.sim.SimOptions;
import io.rsaudit.core.check.CheckCatalog;
import io.rsaudit.core.check.CheckRunner;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The round trip the live scan rests on: the simulator serves examples/estate over AWS's wire protocols, the live
 * collector exports it, and the offline reader and catalog judge that export exactly as they judge examples/estate
 * itself: same findings (check, resource, result, message, evidence locations), same collection errors but for the
 * text of the one failed call, which the collector words its own way.
 */
class LiveRoundTripTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");

    @TempDir
    Path dir;

    static LiveOptions options(AwsSimulator sim, OperationRecorder recorder) {
        return LiveOptions.defaults().withEndpoint(sim.endpoint())
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM111111111111", "x")))
                .withRole("rsaudit-collector", null, ACCOUNTS, false)
                .withInterceptors(List.of(recorder));
    }

    static List<String> findings(Inventory inventory) {
        return new CheckRunner(CheckCatalog.builtIn()).run(inventory, Policy.defaults(), NOW).findings().stream()
                .map(LiveRoundTripTest::line).sorted().toList();
    }

    /**
     * A finding in words. Two things may differ and are masked: the text of a failed call, which the collector words
     * its own way (naming account, region and action) where the example holds what the AWS CLI printed; and the
     * position of a security group in its file, which is the order AWS answers a filter in, not the example's.
     */
    private static String line(Finding f) {
        String s = f.check().id() + " " + f.resource().arn() + " " + f.result() + " " + f.outcome().message()
                + " " + f.outcome().evidence();
        return s.replaceAll("(\\.error\\)): .*?(?= Evidence\\[|]$)", "$1: <the error>")
                .replaceAll("(describe-security-groups\\.json#/SecurityGroups/)\\d+", "$1*");
    }

    @Test
    void aLiveExportOfTheExampleEstateIsJudgedExactlyAsTheEstateItself() throws Exception {
        OperationRecorder recorder = new OperationRecorder();
        Inventory offline = new CliJsonSource(ESTATE).load();
        LiveCollector.Result r;
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.builder().maxPageSize(2).build())) {
            r = new LiveCollector(options(sim, recorder)).collect(dir);
        }
        Inventory live = new CliJsonSource(dir).load();

        assertThat(live.scopes()).isEqualTo(offline.scopes());
        List<String> liveFindings = findings(live);
        List<String> offlineFindings = findings(offline);
        assertThat(liveFindings.stream().filter(f -> !offlineFindings.contains(f))).as("judged live, not offline")
                .isEmpty();
        assertThat(offlineFindings.stream().filter(f -> !liveFindings.contains(f))).as("judged offline, not live")
                .isEmpty();
        assertThat(liveFindings).isEqualTo(offlineFindings);
        assertThat(live.errors()).extracting(CollectionError::kind, CollectionError::location)
                .containsExactlyElementsOf(offline.errors().stream().map(e -> org.assertj.core.groups.Tuple.tuple(
                        e.kind(), e.location())).toList());
        assertThat(r.errors()).isEqualTo(offline.errors().stream()
                .filter(e -> e.kind() == CollectionError.Kind.CALL_FAILED).count());
        assertThat(r.problems()).isEmpty();
        readOnlyAndInThePolicies(recorder);
    }

    /**
     * What the scanned role was asked is read-only and in docs/iam-policy.json; what only the caller does (assume the
     * role, list the organization's accounts) is in docs/iam-policy-caller.json and nothing else is.
     */
    static void readOnlyAndInThePolicies(OperationRecorder recorder) throws Exception {
        java.util.Set<String> scan = IamPolicies.actions(IamPolicies.SCAN);
        java.util.Set<String> caller = IamPolicies.actions(IamPolicies.CALLER);
        assertThat(caller).containsExactlyInAnyOrder("sts:AssumeRole", "organizations:ListAccounts");
        for (String action : recorder.iamActions()) {
            assertThat(scan.contains(action) || caller.contains(action)).as(action + " is in a policy").isTrue();
            if (!caller.contains(action)) {
                assertThat(action).matches("[a-z0-9-]+:(Describe|Get|List)[A-Za-z]+");
            }
        }
    }

    @Test
    void theOrganizationsActiveAccountsAreCollected() throws Exception {
        OperationRecorder recorder = new OperationRecorder();
        LiveCollector.Result r;
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.builder().suspended("333333333333").build())) {
            r = new LiveCollector(options(sim, recorder).withRole("rsaudit-collector", null, List.of(), true)
                    .withRegions(List.of("eu-west-1"))).collect(dir);
        }
        assertThat(r.accounts()).containsExactlyInAnyOrderElementsOf(ACCOUNTS);
        assertThat(r.scopes()).isEqualTo(2);
        assertThat(dir.resolve("333333333333")).doesNotExist();
        assertThat(dir.resolve("222222222222/eu-west-1/redshift/describe-clusters.json")).isRegularFile();
        assertThat(dir.resolve("222222222222/us-east-1")).as("--regions restricts").doesNotExist();
        assertThat(recorder.iamActions()).contains("organizations:ListAccounts", "sts:AssumeRole");
        readOnlyAndInThePolicies(recorder);
    }
}
