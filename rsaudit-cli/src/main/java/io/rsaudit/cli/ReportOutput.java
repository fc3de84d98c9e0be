package io.rsaudit.cli;

import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.report.Format;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Utf8Writer;
import io.rsaudit.core.report.formats.Formats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The report options {@code scan} and {@code hunt} share: the formats (from the {@link Formats} registry), where the
 * reports go, and the severity that fails the run.
 */
final class ReportOutput {

    /** Runs with the writer every report is written through, and gives what the run gives. */
    @FunctionalInterface
    interface Body<H, R, S, T> {
        T run(ReportWriter<H, R, S> writer) throws IOException;
    }

    @Option(
            names = "--format",
            split = ",",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Report format(s), comma-separated: ${COMPLETION-CANDIDATES} (schemas: docs/json-report.md"
                    + " for scan, docs/hunt-report.md for hunt). More than one needs --output-dir."
                    + " Default: ${DEFAULT-VALUE}.",
            completionCandidates = FormatNames.class)
    List<String> formats;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path output;

    @Option(
            names = "--output-dir",
            paramLabel = "DIR",
            description = "Write one report per format into this folder (created if absent), named rsaudit-scan.<ext>"
                    + " or rsaudit-hunt.<ext> (each format's extension: txt, json, csv, junit.xml, sarif, ocsf.jsonl,"
                    + " asff.jsonl, html).")
    Path outputDir;

    @Option(
            names = "--fail-on",
            defaultValue = "info",
            paramLabel = "SEVERITY",
            description = "Exit 1 on failing findings (scan) or alerts (hunt) at or above this severity (info, low,"
                    + " medium, high, critical, or none). Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "A previous JSON report of the same command (--format json): each open result is marked new"
                    + " or unchanged, and those not found again are listed as resolved (on stderr).")
    Path baseline;

    @Option(
            names = "--fail-on-new",
            paramLabel = "SEVERITY",
            description = "With --baseline: exit 1 only on new failing findings (scan) or new alerts (hunt) at or"
                    + " above this severity, whatever was already in the baseline; suppressed findings never count.")
    String failOnNew;

    @Option(
            names = "--force",
            description = "Write the report even where --output or --output-dir lies inside an input folder or is an"
                    + " input file.")
    boolean force;

    private final List<Path> written = new ArrayList<>();
    private Baseline loaded;
    /**
     * The temporary file each report is written to first, in its target's folder, renamed into place at the end;
     * read by the shutdown hook that removes them when the run is interrupted (SIGINT, SIGTERM).
     */
    private final List<Path> temporaries = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The registered format names, for the help text. */
    static final class FormatNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FormatNames() {
            super(Formats.all().stream().map(Format::name).toList());
        }
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

    /**
     * The previous report {@code --baseline} names, checked to be of {@code schema}; {@code null} without it. Call it
     * before {@link #write}: the writers that mark results against a baseline (csv, sarif) are given this one.
     */
    Baseline baseline(String schema) {
        if (baseline == null) {
            if (failOnNew != null) {
                throw new Main.UsageException("--fail-on-new needs --baseline, the report to compare with");
            }
            return null;
        }
        Baseline b;
        try {
            b = Baseline.read(baseline);
        } catch (IOException e) {
            throw new Main.UsageException("--baseline: cannot read " + baseline + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--baseline: " + e.getMessage());
        }
        if (!b.schema().equals(schema)) {
            throw new Main.UsageException(
                    "--baseline " + baseline + " is a " + b.schema() + " report; this run" + " writes " + schema);
        }
        loaded = b;
        return b;
    }

    /** The severity of {@code --fail-on-new}; {@code null} when not given. */
    Severity failOnNew() {
        if (failOnNew == null) {
            return null;
        }
        try {
            return Severity.parse(failOnNew);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--fail-on-new: " + e.getMessage());
        }
    }

    /** Whether the report goes to stdout in a format other than text (so nothing else may be printed there). */
    boolean stdoutTaken() {
        return output == null
                && outputDir == null
                && !formats.isEmpty()
                && !formats.get(0).strip().equals("text");
    }

    /**
     * Refuses (exit 2) an {@code --output} that is one of {@code inputs} or lies inside an input folder, and an
     * {@code --output-dir} inside one, unless {@code --force}: a report must not overwrite or mix into what the run
     * reads. Symbolic links are followed as far as the paths exist.
     */
    void refuseInputs(List<Path> inputs) {
        Path target = output != null ? output : outputDir;
        if (target == null || force) {
            return;
        }
        Path real = real(target);
        for (Path input : inputs) {
            Path in = real(input);
            if (real.equals(in) || (Files.isDirectory(in) && real.startsWith(in))) {
                throw new Main.UsageException((output != null ? "--output " : "--output-dir ") + target
                        + (real.equals(in) ? " is the input " : " is inside the input ") + input
                        + ": the report would overwrite or mix into what is read. Choose another path, or add"
                        + " --force");
            }
        }
    }

    /** The path with links resolved as far as it exists, then the rest as written. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** "; report written to FILE" for the closing line on stderr, or nothing when the report went to stdout. */
    String whereWritten() {
        if (written.isEmpty()) {
            return "";
        }
        return (written.size() == 1 ? "; report written to " : "; reports written to ")
                + written.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /**
     * Opens a writer per format (stdout, {@code --output} or a file per format in {@code --output-dir}), runs {@code
     * body} with all of them as one, and closes the files.
     *
     * @param run {@code scan} or {@code hunt}: names the files in an output folder
     */
    <H, R, S, T> T write(
            CommandSpec spec,
            String run,
            Function<Format, Optional<Format.Writers<H, R, S>>> writersOf,
            Body<H, R, S, T> body) {
        List<Format> chosen = chosen(run, writersOf);
        if (output != null && outputDir != null) {
            throw new Main.UsageException("--output names one file, --output-dir a folder: give one or the other");
        }
        if (outputDir == null && chosen.size() > 1) {
            throw new Main.UsageException("--format " + String.join(",", names(chosen))
                    + ": more than one format needs --output-dir, one file per format");
        }
        List<Writer> files = new ArrayList<>();
        // an interrupted run (Ctrl-C) runs shutdown hooks, not finally blocks: its temporaries go there
        Thread cleanup = new Thread(this::removeTemporaries, "rsaudit-report-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<ReportWriter<H, R, S>> writers = new ArrayList<>();
            if (outputDir != null) {
                Files.createDirectories(outputDir);
                for (Format f : chosen) {
                    Writer w = file(outputDir.resolve("rsaudit-" + run + "." + f.extension()), files);
                    writers.add(open(writersOf, f, w, new Format.Style(false, loaded)));
                }
            } else if (output != null) {
                writers.add(open(writersOf, chosen.get(0), file(output, files), new Format.Style(false, loaded)));
            } else {
                boolean terminal = Interactive.terminal() && System.getenv("NO_COLOR") == null;
                writers.add(open(
                        writersOf, chosen.get(0), spec.commandLine().getOut(), new Format.Style(terminal, loaded)));
            }
            T result = body.run(ReportWriter.all(writers));
            java.io.PrintWriter stdout = spec.commandLine().getOut();
            // a PrintWriter keeps write errors to itself: ask, so that a full disk or a closed pipe is not "clean"
            if (stdout.checkError() && output == null && outputDir == null) {
                throw new Main.UsageException("cannot write the report to stdout (disk full, or the pipe or file"
                        + " closed); nothing was reported. Use --output FILE to write it to a file");
            }
            for (Writer w : files) {
                w.close();
            }
            moveAllIntoPlace(temporaries, written);
            temporaries.clear();
            return result;
        } catch (IOException e) {
            String where = written.isEmpty()
                    ? ""
                    : " to " + written.stream().map(Path::toString).collect(Collectors.joining(", "));
            throw new Main.UsageException("cannot write the report" + where + ": " + e);
        } finally {
            for (Writer w : files) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // reported above when it mattered: a closed writer is closed again here
                }
            }
            // a run that did not finish leaves the previous reports as they were, and no partial file
            removeTemporaries();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, or has run: nothing left to remove
            }
        }
    }

    private void removeTemporaries() {
        for (Path t : temporaries) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // a temporary that cannot be removed is named .rsaudit-*.tmp, beside the report
            }
        }
    }

    /**
     * Renames every finished report over its target, all or nothing: when one cannot be put in place, those already
     * renamed get their previous report back (kept as a hard link, or a copy, until every rename is done), so an
     * {@code --output-dir} holds the reports of one run only. Each rename is atomic where the file system can.
     */
    private static void moveAllIntoPlace(List<Path> temporaries, List<Path> targets) throws IOException {
        if (temporaries.size() == 1) {
            AtomicFiles.moveIntoPlace(temporaries.get(0), targets.get(0));
            return;
        }
        List<Path> previous = new ArrayList<>();
        int placed = 0;
        try {
            for (int i = 0; i < temporaries.size(); i++) {
                Path target = targets.get(i);
                previous.add(Files.isRegularFile(target) ? keep(target) : null);
                AtomicFiles.moveIntoPlace(temporaries.get(i), target);
                placed++;
            }
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < placed; i++) {
                try {
                    if (previous.get(i) == null) {
                        Files.deleteIfExists(targets.get(i));
                    } else {
                        AtomicFiles.moveIntoPlace(previous.get(i), targets.get(i));
                    }
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        } finally {
            for (Path p : previous) {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A second name for {@code target}'s current content, beside it: a hard link, or a copy where links fail. */
    private static Path keep(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path kept = Files.createTempFile(folder, ".rsaudit-", ".previous");
        Files.delete(kept);
        try {
            Files.createLink(kept, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(target, kept);
        }
        return kept;
    }

    /**
     * Opens a temporary file beside {@code path} for writing, and keeps the writer (to close), the temporary (to
     * rename) and the path (to tell).
     */
    private Writer file(Path path, List<Writer> files) throws IOException {
        Path temporary = AtomicFiles.temporary(path);
        temporaries.add(temporary);
        written.add(path);
        // the file's channel is written in blocks of 64 KiB: unbuffered, each 8 KiB the encoder fills is a system call;
        // writers that print on all cores hand it text encoded there (Utf8Writer.writeUtf8)
        Writer w = new Utf8Writer(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
        files.add(w);
        return w;
    }

    private static <H, R, S> ReportWriter<H, R, S> open(
            Function<Format, Optional<Format.Writers<H, R, S>>> writersOf,
            Format format,
            Writer out,
            Format.Style style) {
        return writersOf.apply(format).orElseThrow().open(out, style);
    }

    /** The formats asked for, each once, in the order given; each must exist and write this kind of report. */
    private <H, R, S> List<Format> chosen(String run, Function<Format, Optional<Format.Writers<H, R, S>>> writersOf) {
        List<Format> chosen = new ArrayList<>();
        for (String name : new LinkedHashSet<>(formats)) {
            String n = name.strip();
            Format f = Formats.find(n)
                    .orElseThrow(() -> new Main.UsageException(
                            "--format: unknown format '" + n + "'; known: " + String.join(", ", names(Formats.all()))));
            if (writersOf.apply(f).isEmpty()) {
                throw new Main.UsageException("--format " + n + " does not write " + run + " reports");
            }
            chosen.add(f);
        }
        return chosen;
    }

    private static List<String> names(List<Format> formats) {
        return formats.stream().map(Format::name).toList();
    }
}
