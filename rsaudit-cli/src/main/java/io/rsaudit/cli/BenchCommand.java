package io.rsaudit.cli;

import io.rsaudit.cli.bench.BenchReport;
import io.rsaudit.cli.bench.BenchResult;
import io.rsaudit.cli.bench.Benchmark;
import io.rsaudit.cli.bench.EstateGenerator;
import io.rsaudit.cli.bench.EstateSpec;
import io.rsaudit.cli.bench.EstateSummary;
import io.rsaudit.cli.bench.HuntBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rsaudit bench generate|run}: the benchmark (hidden; not a test). {@code scripts/bench.sh} runs the
 * issue's case: the default estate, one core, {@code -Xmx1g}.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmarks a scan: generates a large export, and measures parse, load and check times"
                + " against a readTree baseline.",
        subcommands = {BenchCommand.GenerateCommand.class, BenchCommand.RunCommand.class, BenchCommand.HuntCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes a large, realistic export (deterministic for a seed) in the layout scan reads.")
    static final class GenerateCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write; absent or empty.")
        Path out;

        @Option(names = "--accounts", defaultValue = "20", description = "Accounts. Default: ${DEFAULT-VALUE}.")
        int accounts;

        @Option(names = "--regions", defaultValue = "17", description = "Regions per account. Default: ${DEFAULT-VALUE}.")
        int regions;

        @Option(names = "--clusters", defaultValue = "2000", description = "Clusters in all. Default: ${DEFAULT-VALUE}.")
        int clusters;

        @Option(names = "--snapshots", defaultValue = "100000",
                description = "Cluster snapshots in all. Default: ${DEFAULT-VALUE}.")
        int snapshots;

        @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() {
            EstateSpec estate;
            try {
                estate = new EstateSpec(accounts, regions, clusters, snapshots, seed);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
            long started = System.nanoTime();
            EstateSummary summary;
            try {
                summary = new EstateGenerator(estate).generate(out);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--out " + e.getMessage());
            } catch (IOException e) {
                throw new Main.UsageException("cannot write " + out + ": " + e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter err = spec.commandLine().getErr();
            err.print(describe(summary, out, seconds));
            err.flush();
            return ExitCode.CLEAN.code();
        }
    }

    static String describe(EstateSummary s, Path out, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "rsaudit bench generate: wrote %,d files, %,d bytes (%.1f MiB) into %s in"
                + " %.1f s (seed %d)%n", s.totalFiles(), s.totalBytes(), s.totalBytes() / 1048576.0, out, seconds,
                s.spec().seed()));
        b.append(String.format(Locale.ROOT, "  %,d accounts x %,d regions = %,d scopes; %,d clusters; %,d cluster"
                + " snapshots (%,d automated, %,d orphaned, %,d copied from another region, %,d shared in, %,d shared"
                + " out); %,d copy grants; %,d KMS keys; %,d parameter groups; %,d security groups; %,d serverless"
                + " namespaces and workgroups, %,d serverless snapshots; %,d trails%n",
                s.accounts(), s.spec().regions(), s.scopes(), s.clusters(), s.snapshots(), s.automated(),
                s.orphaned(), s.copies(), s.sharedIn(), s.sharedOut(), s.copyGrants(), s.keys(), s.parameterGroups(),
                s.securityGroups(), s.namespaces(), s.serverlessSnapshots(), s.trails()));
        b.append(String.format(Locale.ROOT, "  %-46s %9s %15s%n", "call", "files", "bytes"));
        for (Map.Entry<String, Long> e : s.files().entrySet()) {
            b.append(String.format(Locale.ROOT, "  %-46s %,9d %,15d%n", e.getKey(), e.getValue(),
                    s.bytes().get(e.getKey())));
        }
        return b.toString();
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Measures baseline (readTree of every file), load and checks; prints medians, ratios, heap"
                    + " peak.")
    static final class RunCommand implements Callable<Integer> {

        enum Format { text, json }

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "DIR", description = "The export to scan.")
        Path input;

        @Option(names = "--repeat", defaultValue = "5", description = "Measured iterations. Default: ${DEFAULT-VALUE}.")
        int repeat;

        @Option(names = "--warmup", defaultValue = "2", description = "Discarded iterations. Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            if (!Files.isDirectory(input)) {
                throw new Main.UsageException("--input " + input + " is not a directory");
            }
            if (repeat < 1 || warmup < 0) {
                throw new Main.UsageException("--repeat must be at least 1 and --warmup at least 0");
            }
            BenchResult result;
            try {
                result = new Benchmark(input, warmup, repeat, spec.commandLine().getErr()).run();
            } catch (IOException e) {
                throw new Main.UsageException("cannot read " + input + ": " + e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? BenchReport.json(result) : BenchReport.text(result));
            out.flush();
            return ExitCode.CLEAN.code();
        }
    }

    @Command(name = "hunt", mixinStandardHelpOptions = true,
            description = "Measures hunt's log reading against its floors (read + line ends; java.util.zip inflate;"
                    + " zcat), the heap peak per input size, or (--scaling) 2 threads against 1.")
    static final class HuntCommand implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--work", defaultValue = "bench-hunt", paramLabel = "DIR",
                description = "Where generated logs are kept between runs. Default: ${DEFAULT-VALUE}.")
        Path work;

        @Option(names = "--sizes", defaultValue = "100000000,1000000000", split = ",", paramLabel = "BYTES",
                description = "Input sizes (bytes of log text) for the heap peaks; the first is also timed."
                        + " Default: ${DEFAULT-VALUE}; add 5000000000 for 5 GB.")
        List<Long> sizes;

        @Option(names = "--repeat", defaultValue = "5", description = "Timed runs per measure (the median is kept)."
                + " Default: ${DEFAULT-VALUE}.")
        int repeat;

        @Option(names = "--scaling", description = "Only measure 2 threads against 1 (run it on 2 cores).")
        boolean scaling;

        @Override
        public Integer call() {
            if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1_000_000) || repeat < 1) {
                throw new Main.UsageException("--sizes must be at least 1000000 bytes each and --repeat at least 1");
            }
            try {
                new HuntBenchmark(work, sizes, repeat, scaling, spec.commandLine().getOut()).run();
            } catch (IOException e) {
                throw new Main.UsageException("cannot write or read " + work + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.INTERNAL.code();
            }
            return ExitCode.CLEAN.code();
        }
    }
}
