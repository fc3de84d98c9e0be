package io.rsaudit.cli;

import io.rsaudit.core.check.CheckCatalog;
import io.rsaudit.core.check.CheckRunner;
import io.rsaudit.core.check.Severity;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyException;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.report.JsonReporter;
import io.rsaudit.core.report.Report;
import io.rsaudit.core.report.Reporter;
import io.rsaudit.core.report.TextReporter;
import io.rsaudit.core.source.CliJsonSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rsaudit scan}: judge an exported estate against the check catalog. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans a directory of AWS CLI JSON output (see docs/input-layout.md) and reports every check"
                + " on every resource.")
final class ScanCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "The export: <DIR>/<account>/<region>/<service>/<call>.json, as scripts/collect-with-aws-cli.sh writes it.")
    Path input;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (docs/policy.md). Default: built-in defaults.")
    Path policyFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (schema in docs/json-report.md). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "info", paramLabel = "SEVERITY",
            description = "Exit 1 on failing findings at or above this severity (info, low, medium, high, critical,"
                    + " or none). Default: ${DEFAULT-VALUE}.")
    String failOn;

    private final Clock clock;

    ScanCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Severity threshold = threshold();
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = policy(catalog);
        if (!Files.isDirectory(input)) {
            throw new Main.UsageException("--input " + input + " is not a directory");
        }
        Instant started = clock.instant();
        Inventory inventory = new CliJsonSource(input).load();
        CheckRunner.Run run = new CheckRunner(catalog).run(inventory, policy, started);
        Report report = new Report(Main.version(), started, clock.instant(), input.toString(), policy.source(),
                inventory.scopes(), catalog.all(), inventory.errors(), run.findings(), run.policyNotices(),
                run.internalErrors(), threshold);
        boolean toTerminal = output == null && System.console() != null && System.getenv("NO_COLOR") == null;
        Reporter reporter = format == Format.json ? new JsonReporter() : new TextReporter(toTerminal);
        write(reporter, report);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("rsaudit: %d resource check(s) over %d account-region(s); %d collection error(s); verdict %s%s%n",
                report.findings().size(), report.scopes().size(), report.errorCount(),
                report.verdict().name().toLowerCase(java.util.Locale.ROOT),
                output == null ? "" : "; report written to " + output);
        return ExitCode.of(report.verdict()).code();
    }

    private Severity threshold() {
        if (failOn.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--fail-on: " + e.getMessage() + ", or none");
        }
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

    private void write(Reporter reporter, Report report) {
        try {
            if (output == null) {
                Writer w = spec.commandLine().getOut();
                reporter.write(report, w);
                w.flush();
            } else {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output),
                        StandardCharsets.UTF_8))) {
                    reporter.write(report, w);
                }
            }
        } catch (IOException e) {
            throw new Main.UsageException("cannot write the report" + (output == null ? "" : " to " + output) + ": " + e);
        }
    }
}
