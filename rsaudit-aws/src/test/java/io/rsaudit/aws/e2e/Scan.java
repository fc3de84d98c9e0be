package io.rsaudit.aws.e2e;

import io.rsaudit.aws.LiveCollector;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.OperationRecorder;
import io.rsaudit.aws.Progress;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.scan.ScanInput;
import io.rsaudit.core.scan.ScanListener;
import io.rsaudit.core.scan.ScanSummary;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One scan, offline or live against a simulator, reduced to what the tests compare: the account-regions read, the
 * findings (check, resource, result, message, resource ARN, the evidence's value and status: {@link #line}), the same
 * with the evidence's locations ({@link #evidence}), the collection errors and the verdict with no failure threshold
 * (so that INCOMPLETE shows, as exit code 3 does on the command line with {@code --fail-on none}).
 *
 * @param evidence each finding's line with its evidence's location ({@link #withEvidence})
 * @param locations the location of every finding's evidence, as reports show it
 * @param model every model value the scan judged, with where it came from masked ({@link #model(Inventory)})
 * @param messages each finding as check, resource, result and its message unmasked (the call a failed value names)
 */
record Scan(
        Object scopes,
        List<String> model,
        List<String> findings,
        List<String> evidence,
        List<String> locations,
        List<String> messages,
        List<CollectionError> errors,
        Verdict verdict,
        LiveCollector.Result collected,
        List<SimRequest> requests) {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final String CALLER = "123456789012";
    static final String ROLE = "rsaudit-audit";

    /**
     * The back-off of the tests' retries: the simulator's faults are retried as AWS's are (standard retries), without
     * the adaptive client's seconds of slowing down after throttles.
     */
    static final Duration BACKOFF = Duration.ofMillis(5);

    private static final LiveOptions.CallLimits FAST = LiveOptions.CallLimits.DEFAULT.withStandardBackoff(BACKOFF);
    static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /**
     * When the live collections begin: the collection time examples/estate records, so that their CloudTrail lookups
     * cover the same 90 days as the estate's own lookup-events files.
     */
    static final Instant COLLECTED = Instant.parse("2026-11-27T08:00:00Z");

    /** Every IAM action any live scan of the test run made, for the read-only proof. */
    static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

    static Scan offline(Path export) {
        return judge(new CliJsonSource(export).load(), null, List.of());
    }

    /**
     * A live scan of the accounts through the simulator, assuming {@link #ROLE} in each; the same answers are
     * exported into {@code exportDir} as {@code rsaudit export} writes them.
     */
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
            LiveCollector.Collection collected = new LiveCollector(change.apply(options.withCallLimits(FAST)))
                    .collectAndExport(exportDir, COLLECTED);
            RECORDED.addAll(recorder.iamActions());
            return judge(collected.inventory(), collected.result(), simulator.requests());
        }
    }

    static Scan live(SimOptions sim) throws IOException {
        return live(sim, o -> o);
    }

    private static Scan judge(Inventory inventory, LiveCollector.Result collected, List<SimRequest> requests) {
        List<CollectionError> errors = inventory.errors();
        List<String> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        ScanSummary summary = new io.rsaudit.core.scan.Scan(
                        CheckCatalog.builtIn(), Policy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), "test")
                // judged as of one moment: an export records when it was collected, a live scan and the example do not
                .run(new ScanInput("test", () -> inventory, NOW), null, new ScanListener() {
                    @Override
                    public void finding(Finding f) {
                        findings.add(line(f));
                        evidence.add(withEvidence(f));
                        messages.add(f.check().id() + " | " + f.resource().name() + " | " + f.result() + " | "
                                + f.outcome().message());
                        if (f.outcome().evidence() != null) {
                            locations.add(f.outcome().evidence().provenance().toString());
                        }
                    }
                });
        findings.sort(null);
        evidence.sort(null);
        return new Scan(
                inventory.scopes(),
                model(inventory),
                findings,
                evidence,
                locations,
                messages,
                errors,
                summary.verdict(),
                collected,
                requests);
    }

    /**
     * The inventory as lines of text, where every value came from masked: every resource, and what the lookups
     * give for them (a cluster's logging status, parameters and security groups; the clusters of each scope). Two
     * sources that read the same answers must give the same lines: this is the model-level contract between the
     * live reading of SDK responses and the offline reading of their CLI JSON.
     */
    static List<String> model(Inventory inventory) {
        List<String> lines = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            inventory.resources(type).forEach(r -> lines.add(mask(r.toString())));
        }
        for (Cluster c : inventory.clusters()) {
            lines.add(mask(inventory.logging(c).toString()));
            if (c.parameterGroup().isPresent()) {
                lines.add(mask(inventory
                        .parameters(c.id().scope(), c.parameterGroup().value().name())
                        .toString()));
            }
            if (c.vpcSecurityGroupIds().isPresent()) {
                c.vpcSecurityGroupIds()
                        .value()
                        .forEach(id -> lines.add(
                                mask(inventory.securityGroup(c.id().scope(), id).toString())));
            }
        }
        for (Object scope : inventory.scopes()) {
            lines.add(mask(inventory
                    .clusterIdentifiers((io.rsaudit.core.model.Scope) scope)
                    .map(java.util.TreeSet::new)
                    .toString()));
        }
        return lines;
    }

    /** A file of the export or a live call ({@code aws://...}), and the JSON pointer after either. */
    private static final Pattern SOURCE =
            Pattern.compile("(aws://[^\\s#)\"',\\]]+|\\b\\d{12}/[^\\s#)\"',\\]]+\\.(json|error))(#[^\\s)\"',\\]]*)?");

    /** A provenance printed inside a record: an account's folder is no file, so it is masked by its name. */
    /** Where a value came from, and when the account was collected (a live scan records no time, its export does). */
    private static final Pattern PROVENANCE = Pattern.compile("(provenance|origin|collectedAt)=[^\\s,\\]]*");

    /**
     * A finding as one comparable line of verdict and message, whatever source it was read from: check, resource,
     * result, message, ARN, and the evidence's value, status and note. Where a value came from differs between a live
     * scan (the API call) and an offline one (the file), so every location in the message and note is masked; so is
     * the text of a failed call's error, of which only the error code is kept (the AWS CLI and the live collector
     * word the rest differently: the collector names the account, region and action in it).
     */
    static String line(Finding f) {
        Evidence e = f.outcome().evidence();
        String evidence = e == null
                ? "-"
                : mask(String.valueOf(e.value())) + " (" + e.status() + (e.note() == null ? "" : ": " + mask(e.note()))
                        + ")";
        return f.check().id() + " | " + f.resource().scope().account() + "/"
                + f.resource().scope().region() + "/"
                + f.resource().name() + " | " + f.result() + " | "
                + mask(f.outcome().message()) + " | "
                + f.resource().arn() + " | "
                + evidence;
    }

    private static String mask(String text) {
        String masked = PROVENANCE.matcher(text).replaceAll("$1=<source>");
        masked = SOURCE.matcher(masked).replaceAll("<source>");
        int quoted = masked.indexOf("An error occurred (");
        if (quoted >= 0) {
            int end = masked.indexOf(')', quoted);
            masked = masked.substring(0, end + 1) + " ...";
        }
        return masked;
    }

    /**
     * {@link #line} with the evidence's location, for two offline scans: an export and the folder it was served
     * from. The position of a security group in its file is masked: it is the order AWS answers a filter in.
     */
    static String withEvidence(Finding f) {
        String where = f.outcome().evidence() == null
                ? "-"
                : f.outcome()
                        .evidence()
                        .provenance()
                        .toString()
                        .replaceAll("(describe-security-groups\\.json#/SecurityGroups/)\\d+", "$1*");
        return line(f) + " | " + where;
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
