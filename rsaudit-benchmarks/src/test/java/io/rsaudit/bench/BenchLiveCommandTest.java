package io.rsaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code rsaudit-bench live} on a small estate: it runs, and a second run asks exactly what the first asked. */
class BenchLiveCommandTest {

    private static final Pattern CALLS = Pattern.compile("(\\d+) API calls \\((\\d+) failed\\)");

    @Test
    void coldAndWarmRunsMakeTheSameCallsWithoutErrors() {
        BenchRun run = BenchRun.of(
                "live",
                "--accounts",
                "2",
                "--regions",
                "2",
                "--clusters",
                "12",
                "--snapshots",
                "150",
                "--parameter-groups",
                "12",
                "--kms-keys",
                "4",
                "--latency",
                "0",
                "--runs",
                "2");

        assertThat(run.code()).as(run.err() + run.out()).isZero();
        assertThat(run.out())
                .contains("cold, in a fresh JVM (run 1)")
                .contains("warm, the median of runs 2 to 2")
                .contains("wall / floor: n/a (--latency 0");
        Matcher m = CALLS.matcher(run.out());
        assertThat(m.find()).isTrue();
        String cold = m.group(1);
        assertThat(m.group(2)).isEqualTo("0");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).as("the warm run, against the same simulator").isEqualTo(cold);
        assertThat(Integer.parseInt(cold)).isGreaterThan(12); // at least one logging status a cluster
    }
}
