package io.rsaudit.cli;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Documentation;
import io.rsaudit.core.compliance.Framework;
import io.rsaudit.core.compliance.Frameworks;
import io.rsaudit.core.compliance.Requirement;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rsaudit checks list|explain}: the catalog, for people and for the README. */
@Command(
        name = "checks",
        mixinStandardHelpOptions = true,
        description = "Lists or explains the checks.",
        subcommands = {ChecksCommand.ListCommand.class, ChecksCommand.ExplainCommand.class})
final class ChecksCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every check.")
    static final class ListCommand implements Callable<Integer> {

        enum Format {
            text,
            markdown
        }

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text or markdown (the README table).")
        Format format;

        @Option(
                names = "--framework",
                paramLabel = "ID",
                description = "Only the checks a compliance framework maps (fsbp, pci-4.0.1, nist-800-53-r5, ...), each"
                        + " with the requirements it answers, then the requirements no check answers (manual).")
        String framework;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<CheckMetadata> checks = CheckCatalog.builtIn().all();
            if (framework != null) {
                Frameworks all = Frameworks.builtIn();
                Framework f = all.find(framework.strip())
                        .orElseThrow(() -> new Main.UsageException(
                                "--framework: unknown framework '" + framework + "'; known: " + all.names()));
                printFramework(out, f, checks);
                out.flush();
                return ExitCode.CLEAN.code();
            }
            if (format == Format.markdown) {
                out.print(markdownTable(checks));
            } else {
                // the resource column as wide as its longest label, so that every title starts in one column
                int width = checks.stream()
                        .mapToInt(c -> c.resourceType().label().length())
                        .max()
                        .orElse(0);
                for (CheckMetadata c : checks) {
                    out.printf(
                            "%-15s %-8s %-" + width + "s %s%n",
                            c.id(),
                            c.severity().label(),
                            c.resourceType().label(),
                            c.title());
                }
                out.printf(
                        "%n%d checks. 'rsaudit checks explain ID' tells why each matters and how to fix it.%n",
                        checks.size());
            }
            out.flush();
            return ExitCode.CLEAN.code();
        }
    }

    /** The checks {@code f} maps, each with its requirement ids, then the manual requirements with why. */
    static void printFramework(PrintWriter out, Framework f, List<CheckMetadata> checks) {
        out.printf("%s %s (%s), from %s%n%n", f.name(), f.version(), f.id(), f.source());
        int mapped = 0;
        for (CheckMetadata c : checks) {
            List<String> ids =
                    f.requirementsOf(c.id()).stream().map(Requirement::id).toList();
            if (!ids.isEmpty()) {
                mapped++;
                out.printf("%-15s %-8s %-30s %s%n", c.id(), c.severity().label(), String.join(",", ids), c.title());
            }
        }
        List<Requirement> manual =
                f.requirements().stream().filter(r -> r.manual() != null).toList();
        if (!manual.isEmpty()) {
            out.printf("%nManual (no check answers it, or only in part):%n");
            for (Requirement r : manual) {
                out.printf("  %-22s %s%n      %s%n", r.id(), r.title(), r.manual());
            }
        }
        out.printf(
                "%n%d requirements; %d checks answer %d of them; %d manual or partly manual.%n",
                f.requirements().size(),
                mapped,
                f.requirements().stream().filter(r -> !r.checks().isEmpty()).count(),
                manual.size());
    }

    /** The catalog as the README's markdown table, grouped by area in id order. */
    static String markdownTable(List<CheckMetadata> checks) {
        StringBuilder b = new StringBuilder("| ID | Area | Severity | Resource | Check |\n|---|---|---|---|---|\n");
        checks.stream()
                .sorted(Comparator.comparing((CheckMetadata c) -> c.area().ordinal())
                        .thenComparing(CheckMetadata::id))
                .forEach(c -> b.append("| ")
                        .append(c.id())
                        .append(" | ")
                        .append(c.area().title())
                        .append(" | ")
                        .append(c.severity().label())
                        .append(" | ")
                        .append(c.resourceType().label())
                        .append(" | ")
                        .append(c.title())
                        .append(" |\n"));
        return b.toString();
    }

    @Command(
            name = "explain",
            mixinStandardHelpOptions = true,
            description = "Explains one check: risk, fix, references.")
    static final class ExplainCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "A check id, e.g. RS-TRANSIT-001.")
        String id;

        @Override
        public Integer call() {
            CheckCatalog catalog = CheckCatalog.builtIn();
            CheckMetadata c = catalog.find(id.toUpperCase(Locale.ROOT))
                    .orElseThrow(
                            () -> new Main.UsageException("no check " + id + "; 'rsaudit checks list' shows them all"));
            Documentation d = c.documentation();
            PrintWriter out = spec.commandLine().getOut();
            out.println(c.id() + ": " + c.title());
            out.println(
                    "severity " + c.severity().label() + ", " + c.area().title().toLowerCase(Locale.ROOT)
                            + ", judges each " + c.resourceType().label());
            out.println();
            out.println(d.summary());
            out.println();
            out.println("Risk");
            out.println(indent(d.risk()));
            out.println();
            out.println("Fix with the AWS CLI");
            out.println(indent(d.cli()));
            out.println();
            out.println("Fix in the console");
            out.println(indent(d.console()));
            out.println();
            out.println("Fix with Terraform");
            out.println(indent(d.terraform()));
            if (d.cloudFormation() != null) {
                out.println();
                out.println("Fix with CloudFormation");
                out.println(indent(d.cloudFormation()));
            }
            out.println();
            out.println("Fix with rsaudit fix");
            out.println(indent(io.rsaudit.fix.plan.Fixability.explain(c.id())));
            out.println();
            out.println("References");
            d.references().forEach(r -> out.println("  - " + r));
            out.flush();
            return ExitCode.CLEAN.code();
        }

        private static String indent(String text) {
            return "  " + text.replace("\n", "\n  ");
        }
    }
}
