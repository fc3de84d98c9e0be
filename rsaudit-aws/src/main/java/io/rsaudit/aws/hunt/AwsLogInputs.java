package io.rsaudit.aws.hunt;

import com.google.re2j.Pattern;
import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code s3://} and {@code cloudwatch:} arguments of {@code rsaudit hunt}, resolved into inputs for the reader.
 * Wiring it into a command:
 *
 * <pre>{@code
 * List<String> aws = args.stream().filter(AwsLogInputs::handles).toList();
 * try (AwsLogInputs found = AwsLogInputs.resolve(aws, AwsLogOptions.of(read).withProfile(profile))) {
 *     inputs.addAll(found.inputs());
 *     ReadSummary summary = found.addTo(LogReader.read(inputs, read, sink));
 * }
 * }</pre>
 *
 * The clients stay open until {@link #close()}, since the inputs download only when the reader opens them. Nothing
 * AWS answers makes {@link #resolve} throw: a prefix or group that cannot be listed is a problem naming it and the
 * action, and what was listed before the failure is still read; objects that are no Redshift or CloudTrail log are
 * counted and reported, never downloaded.
 */
public final class AwsLogInputs implements AutoCloseable {

    private static final String S3 = "s3://";
    private static final String CLOUDWATCH = "cloudwatch:";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern GROUP = Pattern.compile("[\\w./#-]{1,512}");

    /**
     * What one argument gave.
     *
     * @param argument the argument as given
     * @param found objects or streams listed
     * @param selected of those, the inputs to read
     * @param leftOut the rest by reason: {@code account}, {@code region}, {@code cluster} (by key or group),
     *     {@code since}, {@code until} (by the time in the key), {@code cloudtrail-digest} and {@code other-service}
     *     (files that hold no records rsaudit reads), {@code unknown-type} (neither Redshift's naming nor
     *     CloudTrail's)
     * @param foldersLeftOut folders a windowed listing did not list, by the same reasons (their objects are neither
     *     listed nor counted in {@code found})
     */
    public record Source(
            String argument, long found, long selected, Map<String, Long> leftOut, Map<String, Long> foldersLeftOut) {

        public Source {
            leftOut = Map.copyOf(leftOut);
            foldersLeftOut = Map.copyOf(foldersLeftOut);
        }
    }

    private final CallerClients clients;
    private final List<LogInput> inputs;
    private final List<ReadProblem> problems;
    private final List<Source> sources;

    private AwsLogInputs(CallerClients clients, List<Found> found) {
        this.clients = clients;
        List<LogInput> in = new ArrayList<>();
        List<ReadProblem> ps = new ArrayList<>();
        List<Source> ss = new ArrayList<>();
        for (Found f : found) {
            in.addAll(f.inputs);
            ps.addAll(f.problems);
            ss.add(new Source(f.argument, f.found, f.inputs.size(), f.leftOut, f.foldersLeftOut));
        }
        this.inputs = List.copyOf(in);
        this.problems = List.copyOf(ps);
        this.sources = List.copyOf(ss);
    }

    /** Whether the argument names an AWS input ({@code s3://...} or {@code cloudwatch:...}) rather than a path. */
    public static boolean handles(String argument) {
        return argument.startsWith(S3) || argument.startsWith(CLOUDWATCH);
    }

    /**
     * Lists every argument's inputs, in argument order (S3 objects in key order, streams in name order).
     *
     * @throws IllegalArgumentException for an argument that is not {@code s3://bucket[/prefix]} or
     *     {@code cloudwatch:<group>}, before anything is called
     */
    public static AwsLogInputs resolve(List<String> arguments, AwsLogOptions options) {
        arguments.forEach(AwsLogInputs::check);
        if (arguments.isEmpty()) {
            return new AwsLogInputs(null, List.of());
        }
        CallerClients clients = CallerClients.open(options.live());
        List<Found> found = new ArrayList<>();
        Narrowing narrowing = new Narrowing(options.read());
        for (String a : arguments) {
            Found f = new Found(a);
            if (a.startsWith(S3)) {
                S3Location location = S3Location.of(a);
                S3Listing.list(clients, location.bucket(), location.prefix(), narrowing, f);
            } else {
                CloudWatchListing.list(clients, a.substring(CLOUDWATCH.length()), options.read(), narrowing, f);
            }
            if (f.found == 0 && f.foldersLeftOut.isEmpty() && f.leftOut.isEmpty() && f.problems.isEmpty()) {
                f.problem(
                        a,
                        ReadProblem.Kind.EMPTY,
                        a + ": nothing to read there (" + (a.startsWith(S3) ? "no object" : "no log stream")
                                + "); check the name");
            }
            found.add(f);
        }
        return new AwsLogInputs(clients, found);
    }

    private static void check(String argument) {
        if (argument.startsWith(S3)) {
            if (!BUCKET.matcher(S3Location.of(argument).bucket()).matches()) {
                throw new IllegalArgumentException(
                        "not an S3 location: '" + argument + "' (expected s3://bucket or s3://bucket/prefix)");
            }
        } else if (argument.startsWith(CLOUDWATCH)) {
            if (!GROUP.matcher(argument.substring(CLOUDWATCH.length())).matches()) {
                throw new IllegalArgumentException("not a CloudWatch Logs group: '" + argument
                        + "' (expected e.g. cloudwatch:/aws/redshift/cluster/<cluster>/connectionlog)");
            }
        } else {
            throw new IllegalArgumentException(
                    "not an AWS input: '" + argument + "' (expected s3://bucket[/prefix] or cloudwatch:<log group>)");
        }
    }

    /** An {@code s3://bucket[/prefix]} argument; the prefix is empty for the whole bucket. */
    private record S3Location(String bucket, String prefix) {

        static S3Location of(String argument) {
            String location = argument.substring(S3.length());
            int slash = location.indexOf('/');
            return slash < 0
                    ? new S3Location(location, "")
                    : new S3Location(location.substring(0, slash), location.substring(slash + 1));
        }
    }

    /** The inputs to read, S3 objects and CloudWatch streams. */
    public List<LogInput> inputs() {
        return inputs;
    }

    /** Problems met while listing, with the URI or group and the action; origin line 0. */
    public List<ReadProblem> problems() {
        return problems;
    }

    /** What each argument gave, in argument order. */
    public List<Source> sources() {
        return sources;
    }

    /** Inputs left out before downloading, by reason, over every argument. */
    public Map<String, Long> leftOut() {
        return total(Source::leftOut);
    }

    /** Folders left out unlisted, by reason, over every argument. */
    public Map<String, Long> foldersLeftOut() {
        return total(Source::foldersLeftOut);
    }

    private Map<String, Long> total(java.util.function.Function<Source, Map<String, Long>> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        sources.forEach(s -> counts.apply(s).forEach((reason, n) -> all.merge(reason, n, Long::sum)));
        return all;
    }

    /** The reader's summary with what listing left out and the problems it met, the latter counted and listed first. */
    public ReadSummary addTo(ReadSummary summary) {
        return summary.including(leftOut(), foldersLeftOut(), problems);
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }

    /** What one argument gives, as the listers find it. */
    static final class Found {
        final String argument;
        final List<LogInput> inputs = new ArrayList<>();
        final Map<String, Long> leftOut = new LinkedHashMap<>();
        final List<ReadProblem> problems = new ArrayList<>();
        long found;
        /** Folders a windowed listing did not list, by reason: what they hold is not counted in {@link #found}. */
        final Map<String, Long> foldersLeftOut = new LinkedHashMap<>();

        Found(String argument) {
            this.argument = argument;
        }

        void leftOut(String reason) {
            leftOut.merge(reason, 1L, Long::sum);
        }

        void problem(String where, ReadProblem.Kind kind, String message) {
            problems.add(new ReadProblem(new Origin(where, 0, 0), kind, message));
        }
    }
}
