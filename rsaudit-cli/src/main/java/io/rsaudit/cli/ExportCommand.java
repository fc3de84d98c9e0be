package io.rsaudit.cli;

import io.rsaudit.aws.LiveCollector;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.core.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rsaudit export}: collect live AWS accounts into the export layout, for a later {@code scan --input}. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Collects live AWS accounts (read-only) into the folder layout 'rsaudit scan --input' reads"
                    + " (docs/input-layout.md): one AWS CLI JSON file per call, or its .error file when the call failed.",
            "Exit 0: everything collected; 3: some calls failed (see the .error files); 2: usage error."
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR",
            description = "The folder to write (created if absent; must be empty unless --force).")
    Path output;

    @Option(
            names = "--force",
            description = "Write into a non-empty folder: each account collected replaces its"
                    + " folder there; other contents are left alone.")
    boolean force;

    @Mixin
    LiveScope live = new LiveScope();

    private final Clock clock;

    ExportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LiveOptions options = live.options(TerminalProgress.forStderr(err));
        prepare();
        LiveCollector.Result r = new LiveCollector(options).export(output, clock.instant());
        r.problems().forEach(p -> err.println("rsaudit: " + Terminal.escape(String.valueOf(p))));
        err.printf(
                Locale.ROOT,
                "rsaudit: exported %s to %s: %d account-region(s), %d file(s), %d failed call(s) (.error files),"
                        + " %d API call(s) in %.1f s%n",
                options.describe(),
                output,
                r.scopes(),
                r.answered(),
                r.failed(),
                r.calls(),
                r.elapsed().toMillis() / 1000.0);
        err.printf("Next: rsaudit scan --input %s%n", output);
        return r.complete() ? ExitCode.CLEAN.code() : ExitCode.INCOMPLETE.code();
    }

    private void prepare() {
        try {
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new Main.UsageException("--output " + output + " is not a folder");
            }
            if (Files.isDirectory(output) && !force) {
                try (Stream<Path> entries = Files.list(output)) {
                    if (entries.findAny().isPresent()) {
                        throw new Main.UsageException("--output " + output + " is not empty: export into a new folder,"
                                + " or pass --force to replace the folders of the accounts collected");
                    }
                }
            }
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new Main.UsageException("--output " + output + ": cannot create or read it: " + e);
        }
    }
}
