package io.rsaudit.spark;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.source.CliJsonSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code spark-submit --class io.rsaudit.spark.SparkHuntMain rsaudit-spark-job.jar --output PREFIX [options] INPUT...}
 * (docs/spark.md). Exits 0 when the run completed (the verdict is in {@code summary.json}; {@code --exit-on-findings}
 * makes a FINDINGS verdict exit 1), 2 on a usage error, 3 when the run failed.
 */
public final class SparkHuntMain {

    static final String USAGE = "usage: SparkHuntMain --output PREFIX [--since TIME] [--until TIME] [--type TYPE]\n"
            + "  [--account ID,..] [--region R,..] [--cluster NAME,..] [--include-rdsdb] [--policy FILE]\n"
            + "  [--rules DIR] [--inventory EXPORT_DIR] [--fail-on SEVERITY|none] [--partitions N] [--files-per-task N]\n"
            + "  [--incremental] [--exit-on-findings] INPUT...   (INPUT: a local path or a URI, s3://bucket/prefix)";

    private SparkHuntMain() {}

    /** A run as the arguments ask for it. */
    record Parsed(JobOptions options, Severity failOn, boolean exitOnFindings) {}

    public static void main(String[] args) {
        Parsed p;
        SparkConf conf = new SparkConf().setAppName("rsaudit-hunt");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            try {
                p = parse(args, Clock.systemUTC().instant(), spark.hadoopConfiguration(), spark.defaultParallelism());
            } catch (IllegalArgumentException e) {
                System.err.println("rsaudit-spark: " + e.getMessage());
                System.err.println(USAGE);
                System.exit(2);
                return;
            }
            SparkHunt.Result r = new SparkHunt(spark, Clock.systemUTC(), version()).run(p.options(), p.failOn());
            print(r, p.options(), System.out);
            if (p.exitOnFindings() && r.summary().verdict() == io.rsaudit.core.model.Verdict.FINDINGS) {
                System.exit(1);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("rsaudit-spark: the run failed: " + e);
            System.exit(3);
        }
    }

    static void print(SparkHunt.Result r, JobOptions o, PrintStream out) {
        var s = r.summary();
        out.println("rsaudit-spark: " + r.files().size() + " file(s) given to readers ("
                + s.read().files() + " read, "
                + r.previouslyRead() + " read by earlier runs), " + s.read().records() + " record(s), "
                + s.read().malformed() + " malformed, "
                + s.read().problemCount() + " problem(s); " + s.alerts() + " alert(s); verdict "
                + s.verdict().name().toLowerCase(Locale.ROOT) + "; output under " + o.output());
    }

    static String version() {
        String v = SparkHuntMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * @param parallelism the cluster's default parallelism, for the default reduce partitions
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    static Parsed parse(String[] args, Instant now, Configuration conf, int parallelism) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        LogType type = null;
        Instant since = null;
        Instant until = null;
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        Set<String> clusters = new LinkedHashSet<>();
        boolean rdsdb = false;
        String policy = null;
        String rulesDir = null;
        String inventoryDir = null;
        String failOn = "info";
        int partitions = Math.max(2, parallelism * 2);
        int filesPerTask = 1;
        boolean incremental = false;
        boolean exitOnFindings = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--output" -> output = value(args, ++i, a);
                case "--type" -> type = LogType.fromFileName(value(args, ++i, a));
                case "--since" -> since = ReadOptions.windowBound(a, value(args, ++i, a), now);
                case "--until" -> until = ReadOptions.windowBound(a, value(args, ++i, a), now);
                case "--account" -> accounts.addAll(List.of(value(args, ++i, a).split(",")));
                case "--region", "--regions" ->
                    regions.addAll(List.of(value(args, ++i, a).split(",")));
                case "--cluster" -> clusters.addAll(List.of(value(args, ++i, a).split(",")));
                case "--include-rdsdb" -> rdsdb = true;
                case "--policy" -> policy = value(args, ++i, a);
                case "--rules" -> rulesDir = value(args, ++i, a);
                case "--inventory" -> inventoryDir = value(args, ++i, a);
                case "--fail-on" -> failOn = value(args, ++i, a);
                case "--partitions" -> partitions = number(a, value(args, ++i, a));
                case "--files-per-task" -> filesPerTask = number(a, value(args, ++i, a));
                case "--incremental" -> incremental = true;
                case "--exit-on-findings" -> exitOnFindings = true;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    inputs.add(a);
                }
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input: give at least one path or s3:// prefix");
        }
        Severity threshold;
        try {
            threshold = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fail-on: " + e.getMessage() + ", or none", e);
        }
        RuleSet.Spec spec = new RuleSet.Spec(
                policy,
                policy == null ? null : text(policy, conf),
                rulesDir == null ? new TreeMap<>() : rules(rulesDir, conf));
        RuleSet.of(spec); // fails here with the rules' or the policy's problems
        JobOptions options = new JobOptions(
                inputs,
                output,
                type,
                since,
                until,
                accounts,
                regions,
                clusters,
                rdsdb,
                ReadOptions.DEFAULT_MAX_RECORD_BYTES,
                spec,
                partitions,
                filesPerTask,
                incremental,
                inventoryDir == null ? null : inventory(inventoryDir));
        return new Parsed(options, threshold, exitOnFindings);
    }

    /**
     * The use of security groups an export on the driver's file system records: read here, once, and shipped to the
     * tasks as the placements it holds.
     */
    private static ResourceUse inventory(String dir) {
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("--inventory " + dir + " is not a directory (an export on the driver's"
                    + " file system, the layout scan --input reads)");
        }
        Inventory read = new CliJsonSource(path).load();
        long problems = read.errors().stream().filter(e -> !e.isWarning()).count();
        System.err.printf(
                "rsaudit: inventory %s: %d cluster(s), %d workgroup(s) in %d account-region(s); %d collection"
                        + " problem(s)%n",
                dir,
                read.clusters().size(),
                read.workgroups().size(),
                read.scopes().size(),
                problems);
        return ResourceUse.of(read);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a positive number", e);
        }
    }

    private static String text(String location, Configuration conf) {
        Store store = Store.of(location, conf);
        try (InputStream in = store.open(location)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static TreeMap<String, String> rules(String dir, Configuration conf) {
        Store store = Store.of(dir, conf);
        TreeMap<String, String> out = new TreeMap<>();
        try {
            for (Store.Entry e : store.list(dir)) {
                if (!e.dir() && (e.name().endsWith(".yaml") || e.name().endsWith(".yml"))) {
                    out.put(e.name(), text(e.path(), conf));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--rules " + dir + ": cannot be listed: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--rules " + dir + ": no .yaml rule files");
        }
        return out;
    }
}
