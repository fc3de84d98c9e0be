package io.rsaudit.cli;

import io.rsaudit.aws.LiveInventorySource;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.fix.AwsFixClient;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.scan.AgeReference;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.fix.apply.Applier;
import io.rsaudit.fix.apply.ApplyReport;
import io.rsaudit.fix.apply.Journal;
import io.rsaudit.fix.apply.JournalEntry;
import io.rsaudit.fix.apply.Undo;
import io.rsaudit.fix.apply.Waiter;
import io.rsaudit.fix.format.PlanFormat;
import io.rsaudit.fix.format.Terminal;
import io.rsaudit.fix.plan.ExportFacts;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rsaudit fix}: a plan for every fixable failure (a dry run), and with --apply a journaled, verified apply. */
@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        description = {
            "Scans, then prints a plan: per failing resource the remedy, the exact API calls, the impact, the risk"
                    + " and how to undo it; the remedies held back and the checks that stay manual, with reasons."
                    + " Nothing changes without --apply (see docs/fix.md).",
            "--apply (live accounts only) goes resource by resource: re-read, skip if already compliant, call,"
                    + " re-read and verify, or record what waits for a reboot; every call goes to a JSON Lines"
                    + " journal. --resume JOURNAL finishes an interrupted apply; --undo JOURNAL restores what it"
                    + " changed where AWS allows. No Delete, no Disable, no Reboot unless a flag below allows it."
        })
final class FixCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description = "Plan from an export folder (as 'scan --input'); --apply needs the live accounts instead.")
    Path input;

    @Mixin
    LiveScope live = new LiveScope();

    @Mixin
    CloudTrailOption cloudtrail = new CloudTrailOption();

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (docs/policy.md).")
    Path policyFile;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "CHECK",
            description = "Fix only these checks (RS-TRANSIT-001,...).")
    List<String> only;

    @Option(
            names = "--resources",
            split = ",",
            paramLabel = "ARN|NAME",
            description = "Fix only these resources (ARNs or names).")
    List<String> resources;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Plan format: text (default), json, shell (AWS CLI commands), terraform.")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the plan to FILE instead of stdout.")
    Path output;

    @Option(names = "--apply", description = "Execute the plan (live accounts).")
    boolean apply;

    @Option(
            names = "--yes",
            description = "Apply without asking (needed when stdin is not a terminal; a terminal is asked once).")
    boolean yes;

    @Option(
            names = "--journal",
            paramLabel = "FILE",
            description = "The journal of --apply. Default: rsaudit-fix-<UTC time>.jsonl in the current folder.")
    Path journalFile;

    @Option(
            names = "--resume",
            paramLabel = "JOURNAL",
            description = "Apply again, appending to JOURNAL and skipping the calls it shows made.")
    Path resume;

    @Option(
            names = "--undo",
            paramLabel = "JOURNAL",
            description = "Restore the values the applies of JOURNAL changed (where AWS allows) and append to it.")
    Path undo;

    @Option(
            names = FixOptions.ALLOW_REBOOT,
            description = "Reboot a cluster so that changed static parameters take effect (RebootCluster).")
    boolean allowReboot;

    @Option(
            names = FixOptions.ALLOW_STOP_COPY,
            description = "Stop cross-region snapshot copy to a region the residency policy forbids"
                    + " (DisableSnapshotCopy).")
    boolean allowStopCopy;

    @Option(
            names = FixOptions.ALLOW_MIGRATION,
            paramLabel = "KMS_KEY",
            description =
                    "Encrypt unencrypted clusters under this KMS key: a migration of hours, read-only" + " meanwhile.")
    String migrationKey;

    @Option(
            names = FixOptions.ALLOW_KEY_ROTATION,
            description = "Rotate the encryption key of a cluster whose key is older than the policy allows"
                    + " (RotateEncryptionKey): the cluster is unavailable for a few minutes.")
    boolean allowKeyRotation;

    private final Clock clock;

    FixCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PlanFormat planFormat = PlanFormat.of(format)
                .orElseThrow(() ->
                        new Main.UsageException("--format " + format + ": expected one of " + PlanFormat.labels()));
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = PolicyFile.load(policyFile, () -> new PolicyLoader(catalog.ids()));
        for (String id : only == null ? List.<String>of() : only) {
            if (catalog.find(id.strip()).isEmpty()) {
                throw new Main.UsageException("--only " + id + ": no such check (rsaudit checks lists them)");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        if (input != null && !live.given().isEmpty()) {
            throw new Main.UsageException("--input plans from an export; " + String.join(", ", live.given())
                    + " are options of the live accounts: give one or the other");
        }
        if (input != null && (apply || resume != null || undo != null)) {
            throw new Main.UsageException(
                    "--apply, --resume and --undo change live accounts: they do not take --input");
        }
        if (undo != null) {
            return undo(err);
        }
        boolean applying = apply || resume != null;
        FixOptions options = new FixOptions(
                clean(only), clean(resources), allowReboot, allowStopCopy, blankToNull(migrationKey), allowKeyRotation);
        if (input != null) {
            if (!Files.isDirectory(input)) {
                throw new Main.UsageException("--input " + input + " is not a directory");
            }
            Inventory inventory = cloudtrail.over(new CliJsonSource(input)).load();
            // judged as the scan judges an export: as of the time it was collected
            Plan plan = new Planner(catalog, policy, options, new ExportFacts(input))
                    .plan(
                            inventory,
                            input.toString(),
                            AgeReference.of(null, inventory, clock.instant()).at());
            writePlan(plan, planFormat);
            summary(err, plan);
            return ExitCode.CLEAN.code();
        }
        LiveOptions liveOptions = live.options(TerminalProgress.forStderr(err));
        try (AwsFixClient client = new AwsFixClient(liveOptions)) {
            // the key rotations the --cloudtrail files record: RS-ATREST-012, whose remedy is a key rotation
            Inventory inventory =
                    cloudtrail.over(new LiveInventorySource(liveOptions, clock)).load();
            Plan plan = new Planner(catalog, policy, options, client)
                    .plan(inventory, liveOptions.describe(), clock.instant());
            writePlan(plan, planFormat);
            summary(err, plan);
            if (!applying) {
                return ExitCode.CLEAN.code();
            }
            if (plan.resources().isEmpty()) {
                err.println("rsaudit: nothing to apply");
                return ExitCode.CLEAN.code();
            }
            confirm(plan, err);
            Set<String> done = Set.of();
            Path file = journalFile;
            if (resume != null) {
                done = Applier.done(readJournal(resume));
                file = resume;
            } else if (file == null) {
                file = Path.of("rsaudit-fix-" + STAMP.format(clock.instant()) + ".jsonl");
            }
            try (Journal journal = Journal.append(file)) {
                ApplyReport report = new Applier(
                                catalog,
                                policy,
                                options,
                                client,
                                client,
                                client,
                                journal,
                                new Waiter(client, Waiter.Sleeper.REAL, Waiter.Backoff.DEFAULT),
                                clock,
                                line -> err.println("rsaudit: " + Terminal.escape(line)))
                        .apply(plan, done);
                print(err, report, journal.file());
                return report.anyFailed() ? ExitCode.INCOMPLETE.code() : ExitCode.CLEAN.code();
            }
        }
    }

    private int undo(PrintWriter err) throws IOException {
        List<JournalEntry> entries = readJournal(undo);
        LiveOptions liveOptions = live.options(TerminalProgress.forStderr(err));
        if (!yes && !Interactive.terminal()) {
            throw new Main.UsageException("--undo changes live accounts: add --yes (stdin is not a terminal)");
        }
        if (!yes && !ask("Undo the changes journaled in " + undo + "? [y/N] ", err)) {
            err.println("rsaudit: nothing undone");
            return ExitCode.CLEAN.code();
        }
        try (AwsFixClient client = new AwsFixClient(liveOptions);
                Journal journal = Journal.append(undo)) {
            ApplyReport report = new Undo(
                            client, journal, clock, line -> err.println("rsaudit: " + Terminal.escape(line)))
                    .undo(entries);
            print(err, report, journal.file());
            return report.anyFailed() ? ExitCode.INCOMPLETE.code() : ExitCode.CLEAN.code();
        }
    }

    private List<JournalEntry> readJournal(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Main.UsageException("journal " + file + " is not a file");
        }
        try {
            return Journal.read(file);
        } catch (Journal.BadJournal e) {
            throw new Main.UsageException("journal " + e.getMessage());
        }
    }

    private void confirm(Plan plan, PrintWriter err) throws IOException {
        if (yes) {
            return;
        }
        if (!Interactive.terminal()) {
            throw new Main.UsageException("--apply changes live accounts: add --yes (stdin is not a terminal)");
        }
        if (!ask(
                "Apply " + plan.callCount() + " call(s) to " + plan.resources().size() + " resource(s)? [y/N] ", err)) {
            throw new Main.UsageException("not applied: the plan was not confirmed");
        }
    }

    private static boolean ask(String question, PrintWriter err) throws IOException {
        err.print(question);
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }

    private void writePlan(Plan plan, PlanFormat planFormat) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            planFormat.write(plan, out);
            out.flush();
            return;
        }
        try {
            AtomicFiles.write(output, w -> planFormat.write(plan, w));
        } catch (IOException e) {
            throw new Main.UsageException("--output " + output + ": " + e.getMessage());
        }
    }

    private static void summary(PrintWriter err, Plan plan) {
        err.printf(
                "rsaudit: plan: %d resource(s), %d call(s); %d refused (%d allowed by a flag), %d manual%n",
                plan.resources().size(),
                plan.callCount(),
                plan.refused().size(),
                plan.refusedUnlessFlagged().size(),
                plan.manual().size());
    }

    private static void print(PrintWriter err, ApplyReport report, Path journal) {
        for (ApplyReport.Outcome o : report.outcomes()) {
            err.println("rsaudit: " + o.outcome() + " " + Terminal.escape(o.resource()) + ": "
                    + Terminal.escape(o.detail()));
        }
        err.printf(
                "rsaudit: %d call(s) made, %d failed; journal %s%n", report.callsMade(), report.callsFailed(), journal);
    }

    private static Set<String> clean(List<String> values) {
        return values == null
                ? Set.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
