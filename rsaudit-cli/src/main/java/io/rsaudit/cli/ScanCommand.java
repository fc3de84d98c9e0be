package io.rsaudit.cli;

import io.rsaudit.aws.LiveInventorySource;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.core.check.CheckCatalog;
import io.rsaudit.core.check.CheckRunner;
import io.rsaudit.core.check.Severity;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyException;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.report.JsonReporter;
import io.rsaudit.core.report.Report;
import io.rsaudit.core.report.Reporter;
import io.rsaudit.core.report.TextReporter;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.core.source.InventorySource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rsaudit scan}: judge an exported estate against the check catalog. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Scans a directory of AWS CLI JSON output (--input, see docs/input-layout.md), or live AWS"
                    + " accounts (without --input, see docs/live-scan.md), and reports every check on every resource.",
            "A live scan reads the answers of the same calls, in memory, with the same readers as --input;"
                    + " 'rsaudit export' writes them to a folder to scan later."
        })
final class ScanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description =
                    "The export: <DIR>/<account>/<region>/<service>/<call>.json, as scripts/collect-with-aws-cli.sh"
                            + " or 'rsaudit export' writes it. Without it, the live AWS accounts the options below name are"
                            + " scanned.")
    Path input;

    @Mixin
    LiveScope live = new LiveScope();

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Policy YAML (docs/policy.md). Default: built-in defaults.")
    Path policyFile;

    @Mixin
    ReportOutput report;

    private final Clock clock;

    ScanCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Severity threshold = report.threshold();
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = policy(catalog);
        Instant started = clock.instant();
        List<String> liveOptions = live.given();
        if (input != null && !liveOptions.isEmpty()) {
            throw new Main.UsageException("--input scans an export; " + String.join(", ", liveOptions)
                    + (liveOptions.size() == 1 ? " is an option" : " are options") + " of a live scan: give one or the"
                    + " other");
        }
        InventorySource source;
        String scanned;
        if (input != null) {
            if (!Files.isDirectory(input)) {
                throw new Main.UsageException("--input " + input + " is not a directory");
            }
            source = new CliJsonSource(input);
            scanned = input.toString();
        } else {
            LiveOptions options =
                    live.options(TerminalProgress.forStderr(spec.commandLine().getErr()));
            source = new LiveInventorySource(options);
            scanned = options.describe();
        }
        Inventory inventory = source.load();
        List<CollectionError> errors = inventory.errors();
        CheckRunner.Run run = new CheckRunner(catalog).run(inventory, policy, started);
        Report report = new Report(
                Main.version(),
                started,
                clock.instant(),
                scanned,
                policy.source(),
                inventory.scopes(),
                catalog.all(),
                errors,
                run.findings(),
                run.policyNotices(),
                run.internalErrors(),
                threshold);
        Reporter reporter = this.report.json() ? new JsonReporter() : new TextReporter(this.report.toTerminal());
        this.report.write(spec, w -> reporter.write(report, w));
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                "rsaudit: %d resource check(s) over %d account-region(s); %d collection error(s); verdict %s%s%n",
                report.findings().size(),
                report.scopes().size(),
                report.errorCount(),
                report.verdict().name().toLowerCase(java.util.Locale.ROOT),
                this.report.whereWritten());
        return ExitCode.of(report.verdict()).code();
    }

    private Policy policy(CheckCatalog catalog) {
        if (policyFile == null) {
            return Policy.defaults();
        }
        try {
            return new PolicyLoader(catalog.ids()).load(policyFile);
        } catch (PolicyException e) {
            throw new Main.UsageException("policy " + e.getMessage());
        }
    }
}
