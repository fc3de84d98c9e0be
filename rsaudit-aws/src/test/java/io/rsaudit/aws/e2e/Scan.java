package io.rsaudit.aws.e2e;

import io.rsaudit.aws.LiveCollector;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.OperationRecorder;
import io.rsaudit.aws.Progress;
import io.rsaudit.core.check.CheckCatalog;
import io.rsaudit.core.check.CheckRunner;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.report.Report;
import io.rsaudit.core.report.Verdict;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One scan, offline or live against a simulator, reduced to what the tests compare: the account-regions read, the
 * findings (check, resource, result, message, resource ARN, evidence and its locations), the collection errors and
 * the verdict with no failure threshold (so that INCOMPLETE shows, as exit code 3 does on the command line with
 * {@code --fail-on none}).
 */
record Scan(
        Object scopes,
        List<String> findings,
        List<CollectionError> errors,
        Verdict verdict,
        LiveCollector.Result collected,
        List<SimRequest> requests) {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final String CALLER = "123456789012";
    static final String ROLE = "rsaudit-audit";
    static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** Every IAM action any live scan of the test run made, for the read-only proof. */
    static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

    static Scan offline(Path export) {
        return judge(new CliJsonSource(export).load(), List.of(), null, List.of());
    }

    /** A live scan of the accounts through the simulator, assuming {@link #ROLE} in each. */
    static Scan live(SimOptions sim, boolean org, Path exportDir) throws IOException {
        return live(sim, org, exportDir, o -> o);
    }

    /** A live scan with options changed from the usual ones (fewer accounts or regions, say). */
    static Scan live(SimOptions sim, UnaryOperator<LiveOptions> change) throws IOException {
        Path dir = Files.createTempDirectory("rsaudit-e2e-");
        try {
            return live(sim, false, dir, change);
        } finally {
            delete(dir);
        }
    }

    private static Scan live(SimOptions sim, boolean org, Path exportDir, UnaryOperator<LiveOptions> change)
            throws IOException {
        try (AwsSimulator simulator = AwsSimulator.start(ESTATE, sim)) {
            OperationRecorder recorder = new OperationRecorder();
            LiveOptions options = new LiveOptions(
                    null,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM" + CALLER, "simulated")),
                    ROLE,
                    null,
                    org ? List.of() : ACCOUNTS,
                    org,
                    List.of(),
                    "us-east-1",
                    simulator.endpoint(),
                    LiveOptions.DEFAULT_CONCURRENCY,
                    List.of(recorder),
                    Progress.NONE);
            LiveCollector.Result result = new LiveCollector(change.apply(options)).collect(exportDir);
            RECORDED.addAll(recorder.iamActions());
            List<CollectionError> problems = result.problems().stream()
                    .map(p -> new CollectionError(CollectionError.Kind.CALL_FAILED, "aws", p))
                    .toList();
            return judge(new CliJsonSource(exportDir).load(), problems, result, simulator.requests());
        }
    }

    static Scan live(SimOptions sim) throws IOException {
        return live(sim, o -> o);
    }

    private static Scan judge(
            Inventory inventory,
            List<CollectionError> problems,
            LiveCollector.Result collected,
            List<SimRequest> requests) {
        CheckCatalog catalog = CheckCatalog.builtIn();
        CheckRunner.Run run = new CheckRunner(catalog).run(inventory, Policy.defaults(), NOW);
        List<CollectionError> errors = new ArrayList<>(inventory.errors());
        errors.addAll(problems);
        Report report = new Report(
                "test",
                NOW,
                NOW,
                "test",
                Policy.defaults().source(),
                inventory.scopes(),
                catalog.all(),
                errors,
                run.findings(),
                run.policyNotices(),
                run.internalErrors(),
                null);
        List<String> findings = new ArrayList<>();
        for (Finding f : run.findings()) {
            findings.add(line(f));
        }
        findings.sort(null);
        return new Scan(inventory.scopes(), findings, errors, report.verdict(), collected, requests);
    }

    /**
     * A finding as one comparable line. Two things may differ between a live export and the folder it was served
     * from, and are masked: the text of a failed call's {@code .error} file, of which only the error code is kept
     * (the AWS CLI and the live collector word the rest differently: the collector names the account, region and
     * action in it); and the position of a security group in its file, which is the order AWS answers a filter in.
     */
    static String line(Finding f) {
        String message = f.outcome().message();
        int quoted = message.indexOf("An error occurred (");
        if (quoted >= 0) {
            int end = message.indexOf(')', quoted);
            message = message.substring(0, quoted) + message.substring(quoted, end + 1) + " ...";
        }
        String evidence = String.valueOf(f.outcome().evidence())
                .replaceAll("(\\.error\\)): .*?(?= Evidence\\[|]$)", "$1: <the error>")
                .replaceAll("(describe-security-groups\\.json#/SecurityGroups/)\\d+", "$1*");
        return f.check().id() + " | " + f.resource().scope().account() + "/"
                + f.resource().scope().region() + "/"
                + f.resource().name() + " | " + f.result() + " | " + message + " | "
                + f.resource().arn() + " | "
                + evidence;
    }

    static List<String> errorTexts(List<CollectionError> errors) {
        return errors.stream()
                .map(e -> e.kind() + " " + e.location() + ": " + e.message())
                .toList();
    }

    static Set<String> sorted(List<String> lines) {
        return new TreeSet<>(lines);
    }

    static void delete(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
