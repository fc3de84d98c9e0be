package io.rsaudit.cli;

import io.rsaudit.aws.LiveInventoryLookup;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.Progress;
import io.rsaudit.aws.hunt.AwsLogInputs;
import io.rsaudit.aws.hunt.AwsLogOptions;
import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.rule.RuleProblem;
import io.rsaudit.core.hunt.run.Hunt;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntInput;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.report.Format;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Reports;
import io.rsaudit.core.report.Terminal;
import io.rsaudit.core.report.json.HuntJsonWriter;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rsaudit hunt}: read audit logs and CloudTrail, run the detection rules, report the alerts. */
@Command(
        name = "hunt",
        mixinStandardHelpOptions = true,
        description = "Reads Redshift audit logs (connection, user, user activity) and CloudTrail files, plain or"
                + " gzip, and reports who did something dangerous, when, from where, with the evidence"
                + " (docs/rules.md).")
final class HuntCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "PATH",
            description = "Log files or directories (walked, sorted),"
                    + " s3://BUCKET[/PREFIX] (Redshift's or CloudTrail's S3 layout), or cloudwatch:LOG-GROUP"
                    + " (docs/hunt-aws-inputs.md).")
    List<String> paths;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "Read every input as this log type (connectionlog, userlog, useractivitylog, cloudtrail)"
                    + " instead of telling it from the file name.")
    String type;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Only records at or after this time: ISO-8601 (2024-05-01T00:00:00Z) or a duration before"
                    + " now (30m, 24h, 7d).")
    String since;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            description = "Only records before this time (ISO-8601 or a" + " duration before now).")
    String until;

    @Option(names = "--account", split = ",", paramLabel = "ID", description = "Only these accounts.")
    Set<String> accounts = Set.of();

    @Option(
            names = {"--regions", "--region"},
            split = ",",
            paramLabel = "REGION",
            description = "Only records of these regions (--region is the same option).")
    Set<String> regions = Set.of();

    @Option(names = "--cluster", split = ",", paramLabel = "NAME", description = "Only these clusters.")
    Set<String> clusters = Set.of();

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Rule files (.yaml) that add to the built-in rules or replace them by id.")
    Path rulesDir;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (docs/policy.md, section hunt).")
    Path policyFile;

    @Option(
            names = "--inventory",
            paramLabel = "EXPORT_DIR",
            description = "An export of the estate (the layout scan --input reads, docs/input-layout.md): tells"
                    + " which security groups belong to a Redshift cluster or workgroup (RSH-CT-008, RSH-CT-013) and which"
                    + " KMS keys encrypt a cluster or namespace (RSH-CT-024, RSH-CT-025).")
    Path inventoryDir;

    @Option(
            names = "--inventory-live",
            description = "Look up the clusters and workgroups of each account-region whose CloudTrail records open a"
                    + " security group or change a KMS key, with the caller's credentials (--profile, --endpoint-url; redshift:"
                    + "DescribeClusters, redshift-serverless:ListWorkgroups and ListNamespaces, kms:DescribeKey for a key named by an"
                    + " alias): the caller's own account, or any account"
                    + " with --role-name.")
    boolean inventoryLive;

    @Option(
            names = "--role-name",
            paramLabel = "NAME",
            description = "With --inventory-live: the role to assume in the account of each lookup"
                    + " (arn:aws:iam::<account>:role/NAME).")
    String roleName;

    @Option(
            names = "--external-id",
            paramLabel = "ID",
            description = "With --role-name: the external id the role's trust policy requires.")
    String externalId;

    @Mixin
    ReportOutput output;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "AWS profile for s3:// and cloudwatch: inputs (default: the SDK's default chain).")
    String profile;

    @Option(
            names = "--aws-region",
            paramLabel = "REGION",
            description = "Region of the S3 and CloudWatch Logs clients, as in scan. Default: the one region --regions"
                    + " names, else the SDK's default.")
    String awsRegion;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description =
                    "Send the S3, CloudWatch Logs and --inventory-live calls to this endpoint (a local emulator).")
    java.net.URI endpoint;

    @Option(names = "--max-attempts", paramLabel = "N", description = LiveScope.MAX_ATTEMPTS_HELP)
    Integer maxAttempts;

    @Option(names = "--list-rules", description = "List the rules (built-in and --rules) and exit.")
    boolean listRules;

    private final Clock clock;

    HuntCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Severity threshold = output.threshold();
        RuleCatalog catalog = rules();
        Policy policy = PolicyFile.load(policyFile, () -> new PolicyLoader(CheckCatalog.builtInIds(), catalog.ids()));
        ResourceUse inventory = inventory();
        Hunt hunt;
        try {
            hunt = new Hunt(catalog.all(), policy, clock, Main.version(), inventory);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("policy " + policyFile + ": " + e.getMessage());
        }
        if (listRules) {
            hunt.rules()
                    .forEach(r -> spec.commandLine()
                            .getOut()
                            .printf(
                                    "%-14s %-8s %-40s %s%n",
                                    r.id(),
                                    r.level().label(),
                                    r.logTypes().stream()
                                            .map(LogType::fileName)
                                            .sorted()
                                            .collect(Collectors.joining(",")),
                                    Terminal.escape(r.title())));
            spec.commandLine().getOut().flush();
            HuntHeader.idleLines(hunt.idle())
                    .forEach(l -> spec.commandLine().getErr().println("rsaudit: idle: " + l));
            return ExitCode.CLEAN.code();
        }
        if (paths == null || paths.isEmpty()) {
            throw new Main.UsageException("hunt needs at least one PATH: a log file or folder, s3://BUCKET[/PREFIX]"
                    + " or cloudwatch:LOG-GROUP (--list-rules needs none)");
        }
        output.refuseInputs(paths.stream()
                .filter(p -> !p.startsWith("s3://") && !p.startsWith("cloudwatch:"))
                .map(java.nio.file.Path::of)
                .toList());
        ReadOptions options = options(clock.instant());
        Baseline baseline = output.baseline(HuntJsonWriter.SCHEMA);
        Severity failOnNew = output.failOnNew();
        List<BaselineGate<HuntHeader, Alert, HuntSummary>> gate = new ArrayList<>(1);
        Reports.Done<HuntHeader, HuntSummary> done;
        try (AwsLogInputs remote = remoteInputs(options)) {
            HuntInput input = input(remote);
            done = output.write(spec, "hunt", Format::forHunt, writer -> {
                ReportWriter<HuntHeader, Alert, HuntSummary> w = writer;
                if (baseline != null) {
                    gate.add(new BaselineGate<>(writer, baseline, TERMS));
                    w = gate.get(0);
                }
                return Reports.hunt(hunt, input, options, threshold, w);
            });
        }
        HuntSummary summary = done.summary();
        spec.commandLine()
                .getErr()
                .printf(
                        "rsaudit: %d alert(s) from %d rule(s) over %d event(s) in %d file(s);"
                                + " %d read problem(s); verdict %s%s%n",
                        summary.alerts(),
                        catalog.all().size(),
                        summary.read().events(),
                        summary.read().files(),
                        summary.read().problemCount(),
                        summary.verdict().name().toLowerCase(Locale.ROOT),
                        output.whereWritten());
        if (!gate.isEmpty()) {
            gate.get(0).tell(spec.commandLine().getErr(), "alert(s)");
        }
        if (failOnNew != null) {
            return ExitCode.ofNew(
                            summary.verdict(),
                            HuntSummary.verdict(0, summary.read(), summary.notes()) == Verdict.INCOMPLETE,
                            gate.get(0).newAtOrAbove(failOnNew))
                    .code();
        }
        return ExitCode.of(summary.verdict()).code();
    }

    /** Every alert is open and counts. */
    static final BaselineGate.Terms<Alert> TERMS =
            new BaselineGate.Terms<>(Fingerprint::of, a -> true, a -> true, Alert::level);

    private ReadOptions options(Instant now) {
        ReadOptions o = ReadOptions.defaults()
                .withAccounts(accounts)
                .withRegions(regions)
                .withClusters(clusters);
        if (type != null) {
            try {
                o = o.withType(LogType.fromFileName(type));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--type: " + e.getMessage());
            }
        }
        try {
            return o.withWindow(time("--since", since, now), time("--until", until, now));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--since/--until: " + e.getMessage());
        }
    }

    private static Instant time(String option, String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return ReadOptions.windowBound(option, text, now);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    /**
     * What the local paths hold, then what the {@code s3://} and {@code cloudwatch:} arguments do; a path that does
     * not exist, or arguments that hold no log and met no problem, are a usage error.
     */
    private HuntInput input(AwsLogInputs remote) {
        HuntInput input = HuntInput.of(paths, List.of());
        for (String p : paths) {
            if (AwsLogInputs.handles(p)) {
                continue;
            }
            try {
                LocalFiles.Found f = LocalFiles.walk(Path.of(p));
                input = input.and(f.inputs(), f.filesLeftOut(), f.foldersLeftOut(), f.problems());
            } catch (NoSuchFileException e) {
                throw new Main.UsageException(p + ": no such file or directory");
            }
        }
        input = input.and(remote.inputs(), remote.leftOut(), remote.foldersLeftOut(), remote.problems());
        if (input.inputs().isEmpty() && input.problems().isEmpty()) {
            throw new Main.UsageException("no log files under " + String.join(", ", paths));
        }
        return input;
    }

    /** The s3:// and cloudwatch: arguments; the clients stay open while the reader downloads. */
    private AwsLogInputs remoteInputs(ReadOptions read) {
        List<String> remote = paths.stream().filter(AwsLogInputs::handles).toList();
        String region = awsRegion != null
                ? awsRegion
                : regions.size() == 1 ? regions.iterator().next() : null;
        try {
            return AwsLogInputs.resolve(
                    remote,
                    AwsLogOptions.of(read)
                            .withProfile(profile)
                            .withRegion(region)
                            .withEndpoint(endpoint)
                            .withCallLimits(LiveScope.callLimits(maxAttempts)));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    /** The inventory's use of groups and keys; {@code null} without {@code --inventory} or {@code --inventory-live}. */
    private ResourceUse inventory() {
        if ((roleName != null || externalId != null) && !inventoryLive) {
            throw new Main.UsageException(
                    (roleName != null ? "--role-name" : "--external-id") + " needs --inventory-live");
        }
        if (inventoryLive) {
            if (inventoryDir != null) {
                throw new Main.UsageException(
                        "--inventory and --inventory-live are mutually exclusive: an export, or" + " a live lookup");
            }
            try {
                LiveOptions caller = new LiveOptions(
                                profile,
                                null,
                                null,
                                null,
                                List.of(),
                                false,
                                List.of(),
                                awsRegion,
                                endpoint,
                                LiveOptions.DEFAULT_CONCURRENCY,
                                List.of(),
                                Progress.NONE)
                        .withCallLimits(LiveScope.callLimits(maxAttempts));
                return ResourceUse.lookingUp(new LiveInventoryLookup(caller, roleName, externalId));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
        }
        if (inventoryDir == null) {
            return null;
        }
        if (!Files.isDirectory(inventoryDir)) {
            throw new Main.UsageException("--inventory " + inventoryDir + " is not a directory");
        }
        Inventory read = new CliJsonSource(inventoryDir).load();
        long problems = read.errors().stream().filter(e -> !e.isWarning()).count();
        spec.commandLine()
                .getErr()
                .printf(
                        "rsaudit: inventory %s: %d cluster(s), %d workgroup(s) in %d account-region(s)%s%n",
                        inventoryDir,
                        read.clusters().size(),
                        read.workgroups().size(),
                        read.scopes().size(),
                        problems == 0
                                ? ""
                                : "; " + problems + " collection problem(s) (scan --input " + inventoryDir
                                        + " lists them): a group or key where clusters, workgroups or namespaces"
                                        + " were not read whole is reported as not placed (RSH-CT-013,"
                                        + " RSH-CT-025)");
        return ResourceUse.of(read);
    }

    private RuleCatalog rules() {
        RuleCatalog builtIn = RuleCatalog.builtIn();
        if (rulesDir == null) {
            return builtIn;
        }
        RuleCatalog.Loaded l = builtIn.with(rulesDir);
        if (!l.problems().isEmpty()) {
            throw new Main.UsageException("rules: " + l.problems().size() + " problem(s):\n  - "
                    + l.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n  - ")));
        }
        return l.catalog();
    }
}
