package io.rsaudit.bench;

import java.util.List;
import java.util.Map;

/**
 * The measurements of one {@code rsaudit-bench run}: per phase the wall times of the measured iterations, the ratios
 * against the baseline, what was loaded and judged (so that a run that judged nothing shows), the heap peak and
 * the JVM it ran on.
 *
 * @param input the export folder
 * @param jsonFiles the {@code .json} files under it (what the baseline reads)
 * @param jsonBytes their total size
 * @param checks the ids of the checks that ran
 * @param baseline Jackson {@code readTree} of every {@code .json} file, walking each tree: the floor
 * @param load {@code new CliJsonSource(input).load()}
 * @param checking the check runner over the loaded inventory
 * @param scan load + checks of the same iteration: the whole scan
 * @param resources resources loaded, by type label
 * @param findings findings, by result label, plus {@code total}
 * @param baselineHeapPeak the largest, over measured iterations, sum of the heap pools' peak usage during the
 *     baseline
 * @param scanHeapPeak the same during load + checks
 * @param retainedBytes heap still used after a full GC with the inventory and findings alive, minus before the
 *     load: what the loaded estate costs
 * @param loadAverageBefore the system load average (1 min) when the run started, or -1 where unknown: a busy
 *     machine makes wall times noisy, which the ratios (measured in the same run) partly absorb
 * @param loadAverageAfter the same when it ended
 */
public record BenchResult(
        String input,
        long jsonFiles,
        long jsonBytes,
        Jvm jvm,
        List<String> checks,
        int warmup,
        int repeat,
        Phase baseline,
        Phase load,
        Phase checking,
        Phase scan,
        Map<String, Integer> resources,
        Map<String, Integer> findings,
        int collectionErrors,
        int internalErrors,
        long baselineHeapPeak,
        long scanHeapPeak,
        long retainedBytes,
        double loadAverageBefore,
        double loadAverageAfter) {

    /** The JVM's view of the machine: what the one-core, 1 GiB target is about. */
    public record Jvm(
            String version, int availableProcessors, String xmx, long maxHeapBytes, List<String> collectors) {}

    /**
     * Wall times of one phase over the measured iterations, the process CPU time they used, and the time the
     * collectors reported for the collections within them.
     */
    public record Phase(List<Double> millis, List<Double> cpuMillis, List<Double> gcMillis) {

        public Phase {
            millis = List.copyOf(millis);
            cpuMillis = List.copyOf(cpuMillis);
            gcMillis = List.copyOf(gcMillis);
        }

        /** Median time in garbage collection during the phase. */
        public double gcMedian() {
            return median(gcMillis);
        }

        public double median() {
            return median(millis);
        }

        public double min() {
            return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        /** Median process CPU time (all threads: GC and JIT too), the better measure on a busy machine. */
        public double cpuMedian() {
            return median(cpuMillis);
        }

        /**
         * Median process CPU time over median wall time: near 1 on an idle core; well below 1 when other processes
         * took the core; above 1 when more than one core worked.
         */
        public double cpuPerWall() {
            double wall = median();
            return wall > 0 ? cpuMedian() / wall : Double.NaN;
        }

        static double median(List<Double> values) {
            return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Median load time over median baseline time. */
    public double loadRatio() {
        return load.median() / baseline.median();
    }

    /** Median whole-scan time over median baseline time. */
    public double scanRatio() {
        return scan.median() / baseline.median();
    }
}
