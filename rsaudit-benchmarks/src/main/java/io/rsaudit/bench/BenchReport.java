package io.rsaudit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link BenchResult}: a plain table for people, or JSON for tools. */
public final class BenchReport {

    /** The target: the whole scan under 10 s with {@code -Xmx1g} on one core. */
    public static final double TARGET_MILLIS = 10_000;

    private BenchReport() {}

    public static String text(BenchResult r) {
        StringBuilder b = new StringBuilder();
        int n = r.checks().size();
        String checks = n + " check" + (n == 1 ? "" : "s");
        b.append("rsaudit-bench run: ").append(r.input()).append('\n');
        b.append(String.format(
                Locale.ROOT, "%-18s %,d .json files, %s%n", "input", r.jsonFiles(), bytes(r.jsonBytes())));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %s; %d available processor(s); -Xmx %s (max heap %s); GC %s%n",
                "jvm",
                r.jvm().version(),
                r.jvm().availableProcessors(),
                r.jvm().xmx(),
                bytes(r.jvm().maxHeapBytes()),
                String.join(" + ", r.jvm().collectors())));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %s (%s): check time below is \"with %s\"%n",
                "checks",
                checks,
                String.join(", ", r.checks()),
                checks));
        b.append(String.format(Locale.ROOT, "%-18s %d warm-up + %d measured%n", "iterations", r.warmup(), r.repeat()));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %.1f at the start, %.1f at the end (1-minute load average of the"
                        + " machine: other work makes wall times noisy; the ratios are measured in the same run)%n%n",
                "machine load",
                r.loadAverageBefore(),
                r.loadAverageAfter()));
        b.append(String.format(
                Locale.ROOT,
                "%-34s %12s %12s %12s %9s %12s%n",
                "phase",
                "median",
                "min",
                "cpu median",
                "cpu/wall",
                "gc median"));
        row(b, "baseline (readTree, the floor)", r.baseline());
        row(b, "load (CliJsonSource)", r.load());
        row(b, "checks (" + checks + ")", r.checking());
        row(b, "scan (load + checks)", r.scan());
        b.append('\n');
        b.append(String.format(
                Locale.ROOT,
                "%-18s load / baseline %.2fx; (load + checks) / baseline %.2fx (wall);" + " %.2fx and %.2fx (cpu)%n",
                "ratios (medians)",
                r.loadRatio(),
                r.scanRatio(),
                r.load().cpuMedian() / r.baseline().cpuMedian(),
                r.scan().cpuMedian() / r.baseline().cpuMedian()));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %s%n",
                "resources",
                r.resources().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                        .collect(Collectors.joining(", "))));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %,d total: %s%n",
                "findings",
                r.findings().get("total"),
                r.findings().entrySet().stream()
                        .filter(e -> !e.getKey().equals("total"))
                        .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                        .collect(Collectors.joining(", "))));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %,d collection error(s), %,d internal error(s)%n",
                "problems",
                r.collectionErrors(),
                r.internalErrors()));
        b.append(String.format(
                Locale.ROOT,
                "%-18s baseline %s; scan (load + checks) %s%n",
                "heap peak",
                bytes(r.baselineHeapPeak()),
                bytes(r.scanHeapPeak())));
        b.append(String.format(
                Locale.ROOT,
                "%-18s (sum of the heap pools' peak usage, reset before each part; the"
                        + " largest over the measured iterations)%n",
                ""));
        b.append(String.format(
                Locale.ROOT,
                "%-18s %s still in use after a full GC with the inventory and findings" + " alive%n",
                "retained",
                bytes(r.retainedBytes())));
        b.append(String.format(Locale.ROOT, "%-18s %s%n", "target", target(r)));
        return b.toString();
    }

    /** Whether the whole scan met the target, and whether this run's conditions were the target's. */
    static String target(BenchResult r) {
        double scan = r.scan().median();
        boolean met = scan < TARGET_MILLIS;
        boolean conditions =
                r.jvm().availableProcessors() == 1 && isOneGig(r.jvm().xmx());
        return String.format(
                Locale.ROOT,
                "whole scan < 10 s with -Xmx1g on one core: median %s, %s%s",
                millis(scan),
                met ? "met" : "NOT met",
                conditions
                        ? ""
                        : " (but this run had " + r.jvm().availableProcessors() + " processor(s) and -Xmx "
                                + r.jvm().xmx() + "; scripts/bench.sh runs the target's conditions)");
    }

    private static boolean isOneGig(String xmx) {
        return xmx.equals("1g") || xmx.equals("1024m") || xmx.equals("1048576k") || xmx.equals("1073741824");
    }

    private static void row(StringBuilder b, String name, BenchResult.Phase p) {
        b.append(String.format(
                Locale.ROOT,
                "%-34s %12s %12s %12s %9.2f %12s%n",
                name,
                millis(p.median()),
                millis(p.min()),
                millis(p.cpuMedian()),
                p.cpuPerWall(),
                millis(p.gcMedian())));
    }

    public static String json(BenchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", r.input());
        m.put("jsonFiles", r.jsonFiles());
        m.put("jsonBytes", r.jsonBytes());
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", r.jvm().version());
        jvm.put("availableProcessors", r.jvm().availableProcessors());
        jvm.put("xmx", r.jvm().xmx());
        jvm.put("maxHeapBytes", r.jvm().maxHeapBytes());
        jvm.put("collectors", r.jvm().collectors());
        m.put("jvm", jvm);
        m.put("checks", r.checks());
        m.put("warmup", r.warmup());
        m.put("repeat", r.repeat());
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("baseline", phase(r.baseline()));
        phases.put("load", phase(r.load()));
        phases.put("checks", phase(r.checking()));
        phases.put("scan", phase(r.scan()));
        m.put("phases", phases);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("loadToBaseline", round2(r.loadRatio()));
        ratios.put("scanToBaseline", round2(r.scanRatio()));
        ratios.put(
                "loadToBaselineCpu", round2(r.load().cpuMedian() / r.baseline().cpuMedian()));
        ratios.put(
                "scanToBaselineCpu", round2(r.scan().cpuMedian() / r.baseline().cpuMedian()));
        m.put("ratios", ratios);
        m.put("resources", r.resources());
        m.put("findings", r.findings());
        m.put("collectionErrors", r.collectionErrors());
        m.put("internalErrors", r.internalErrors());
        Map<String, Object> peaks = new LinkedHashMap<>();
        peaks.put("baseline", r.baselineHeapPeak());
        peaks.put("scan", r.scanHeapPeak());
        m.put("heapPeakBytes", peaks);
        m.put("retainedBytes", r.retainedBytes());
        m.put("loadAverageBefore", r.loadAverageBefore());
        m.put("loadAverageAfter", r.loadAverageAfter());
        m.put("targetMillis", TARGET_MILLIS);
        m.put("targetMet", r.scan().median() < TARGET_MILLIS);
        try {
            return new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(m)
                            .replace("\r", "") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> phase(BenchResult.Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianMillis", round(p.median()));
        m.put("minMillis", round(p.min()));
        m.put("cpuMedianMillis", round(p.cpuMedian()));
        m.put("cpuPerWall", round2(p.cpuPerWall()));
        m.put("gcMedianMillis", round(p.gcMedian()));
        m.put("millis", p.millis().stream().map(BenchReport::round).toList());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String millis(double ms) {
        return ms >= 10_000
                ? String.format(Locale.ROOT, "%.2f s", ms / 1000)
                : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%,d KiB", b >> 10);
    }
}
