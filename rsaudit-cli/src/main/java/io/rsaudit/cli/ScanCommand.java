package io.rsaudit.cli;

import io.rsaudit.aws.LiveInventorySource;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.compliance.ComplianceTally;
import io.rsaudit.core.compliance.Framework;
import io.rsaudit.core.compliance.Frameworks;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.report.Format;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Reports;
import io.rsaudit.core.report.json.ScanJsonWriter;
import io.rsaudit.core.scan.Scan;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanInput;
import io.rsaudit.core.scan.ScanSummary;
import io.rsaudit.core.source.CliJsonSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    @Mixin
    CloudTrailOption cloudtrail = new CloudTrailOption();

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Policy YAML (docs/policy.md). Default: built-in defaults.")
    Path policyFile;

    @Mixin
    ReportOutput report;

    @Option(
            names = "--compliance",
            split = ",",
            paramLabel = "FRAMEWORK",
            description = "Also judge each requirement of these frameworks (fsbp, pci-4.0.1, ...; 'rsaudit checks list"
                    + " --framework' shows one): PASS, FAIL, UNKNOWN or MANUAL, with the failing resources. Printed"
                    + " after the report on stdout (on stderr when stdout holds a machine format).")
    List<String> compliance;

    @Option(
            names = "--as-of",
            paramLabel = "TIME",
            description = "Measure ages (of snapshots, keys, log deliveries) from this moment, ISO 8601"
                    + " (2026-06-01T12:00:00Z, or a date: 2026-06-01 is its midnight UTC). Default: the collection time"
                    + " the export records (<account>/collection.json) or, live, when the collection began; else the"
                    + " scan's start.")
    String asOf;

    private final Clock clock;

    ScanCommand(Clock clock) {
        this.clock = clock;
    }

    /** {@code --as-of}, parsed; a value that is not a time is a usage error. */
    private Instant asOf() {
        if (asOf == null) {
            return null;
        }
        String text = asOf.strip();
        try {
            return text.length() == "2026-06-01".length()
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Main.UsageException("--as-of: not an ISO 8601 time with a zone or a date: '" + asOf
                    + "' (expected e.g. 2026-06-01T12:00:00Z or 2026-06-01)");
        }
    }

    @Override
    public Integer call() {
        Severity threshold = report.threshold();
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = PolicyFile.load(policyFile, () -> new PolicyLoader(catalog.ids()));
        List<String> liveOptions = live.given();
        if (input != null && !liveOptions.isEmpty()) {
            throw new Main.UsageException("--input scans an export; " + String.join(", ", liveOptions)
                    + (liveOptions.size() == 1 ? " is an option" : " are options") + " of a live scan: give one or the"
                    + " other");
        }
        ScanInput scanned;
        if (input != null) {
            if (!Files.isDirectory(input)) {
                throw new Main.UsageException("--input " + input + " is not a directory");
            }
            scanned = new ScanInput(input.toString(), new CliJsonSource(input), asOf());
        } else {
            LiveOptions options =
                    live.options(TerminalProgress.forStderr(spec.commandLine().getErr()));
            scanned = new ScanInput(options.describe(), new LiveInventorySource(options, clock), asOf());
        }
        List<Path> inputs = new ArrayList<>();
        if (input != null) {
            inputs.add(input);
        }
        inputs.addAll(cloudtrail.paths());
        if (!inputs.isEmpty()) {
            report.refuseInputs(inputs);
        }
        List<Framework> frameworks = frameworks();
        Baseline baseline = report.baseline(ScanJsonWriter.SCHEMA);
        Severity failOnNew = report.failOnNew();
        Scan scan = new Scan(catalog, policy, clock, Main.version());
        ScanInput judged = withCloudTrail(scanned);
        ComplianceTally tally = new ComplianceTally(frameworks);
        List<BaselineGate<ScanHeader, Finding, ScanSummary>> gate = new ArrayList<>(1);
        Reports.Done<ScanHeader, ScanSummary> done = report.write(spec, "scan", Format::forScan, writer -> {
            ReportWriter<ScanHeader, Finding, ScanSummary> w = frameworks.isEmpty() ? writer : tallied(writer, tally);
            if (baseline != null) {
                gate.add(new BaselineGate<>(w, baseline, TERMS));
                w = gate.get(0);
            }
            return Reports.scan(scan, judged, threshold, w);
        });
        ScanSummary summary = done.summary();
        PrintWriter err = spec.commandLine().getErr();
        if (!frameworks.isEmpty()) {
            PrintWriter where = report.stdoutTaken() ? err : spec.commandLine().getOut();
            ComplianceText.print(where, tally);
            where.flush();
        }
        if (!gate.isEmpty()) {
            gate.get(0).tell(err, "failing finding(s)");
        }
        err.printf(
                "rsaudit: %d resource check(s) over %d account-region(s); %d collection error(s); verdict %s%s%n",
                summary.findings(),
                done.header().scopes().size(),
                summary.collectionErrors(),
                summary.verdict().name().toLowerCase(java.util.Locale.ROOT),
                this.report.whereWritten());
        if (failOnNew != null) {
            return ExitCode.ofNew(
                            summary.verdict(),
                            summary.collectionErrors() > 0,
                            gate.get(0).newAtOrAbove(failOnNew))
                    .code();
        }
        return ExitCode.of(summary.verdict()).code();
    }

    /** The scanned inventory with the key rotations the {@code --cloudtrail} files record. */
    private ScanInput withCloudTrail(ScanInput scanned) {
        if (cloudtrail.paths().isEmpty()) {
            return scanned;
        }
        return new ScanInput(
                scanned.description() + ", " + cloudtrail.describe(),
                cloudtrail.over(scanned.source()),
                scanned.asOf());
    }

    /** A finding is open when it fails or is unknown; it counts as new only when it fails and is not suppressed. */
    static final BaselineGate.Terms<Finding> TERMS = new BaselineGate.Terms<>(
            Fingerprint::of,
            f -> f.result() == Result.FAIL || f.result() == Result.UNKNOWN,
            f -> f.result() == Result.FAIL && !f.isSuppressed(),
            Finding::severity);

    private List<Framework> frameworks() {
        List<Framework> chosen = new ArrayList<>();
        if (compliance == null) {
            return chosen;
        }
        Frameworks all = Frameworks.builtIn();
        for (String id : new java.util.LinkedHashSet<>(compliance)) {
            chosen.add(all.find(id.strip())
                    .orElseThrow(() -> new Main.UsageException(
                            "--compliance: unknown framework '" + id.strip() + "'; known: " + all.names())));
        }
        return chosen;
    }

    /** {@code writer}, with every finding also counted by {@code tally}. */
    private static ReportWriter<ScanHeader, Finding, ScanSummary> tallied(
            ReportWriter<ScanHeader, Finding, ScanSummary> writer, ComplianceTally tally) {
        return new ReportWriter<>() {
            @Override
            public void header(ScanHeader header) throws java.io.IOException {
                writer.header(header);
            }

            @Override
            public void result(Finding f) throws java.io.IOException {
                tally.add(f);
                writer.result(f);
            }

            @Override
            public void summary(ScanSummary summary) throws java.io.IOException {
                writer.summary(summary);
            }
        };
    }
}
