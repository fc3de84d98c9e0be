package io.rsaudit.cli;

import io.rsaudit.core.model.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The report options {@code scan} and {@code hunt} share: format, destination and the severity that fails the run. */
final class ReportOutput {

    enum Format {
        text,
        json
    }

    /** Writes a report to a writer; the writer is flushed or closed by {@link #write}. */
    @FunctionalInterface
    interface Render {
        void to(Writer w) throws IOException;
    }

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text or json (schemas: docs/json-report.md for scan, docs/hunt-report.md for hunt)."
                    + " Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path output;

    @Option(
            names = "--fail-on",
            defaultValue = "info",
            paramLabel = "SEVERITY",
            description = "Exit 1 on failing findings (scan) or alerts (hunt) at or above this severity (info, low,"
                    + " medium, high, critical, or none). Default: ${DEFAULT-VALUE}.")
    String failOn;

    boolean json() {
        return format == Format.json;
    }

    /** Whether the report goes to a terminal, where colour is welcome (never with NO_COLOR set). */
    boolean toTerminal() {
        return output == null && System.console() != null && System.getenv("NO_COLOR") == null;
    }

    /** The severity at or above which the run fails; {@code null} for {@code none}. */
    Severity threshold() {
        if (failOn.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--fail-on: " + e.getMessage() + ", or none");
        }
    }

    /** "; report written to FILE" for the closing line on stderr, or nothing when the report went to stdout. */
    String whereWritten() {
        return output == null ? "" : "; report written to " + output;
    }

    void write(CommandSpec spec, Render render) {
        try {
            if (output == null) {
                Writer w = spec.commandLine().getOut();
                render.to(w);
                w.flush();
            } else {
                try (Writer w = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                    render.to(w);
                }
            }
        } catch (IOException e) {
            throw new Main.UsageException(
                    "cannot write the report" + (output == null ? "" : " to " + output) + ": " + e);
        }
    }
}
