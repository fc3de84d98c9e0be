package io.rsaudit.core.check.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Snapshot sizes read as the formatter writes them, ties, groups and odd values included. */
class SnapshotsTest {

    @Test
    void sizesAreWrittenAsTheFormatterWritesThem() {
        double[] odd = {
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.95,
            9.95,
            99.95,
            999.95,
            1e-7,
            1234.5,
            1234567.25,
            999999.95,
            -1.25,
            1e15,
            3.4e20,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.MIN_VALUE
        };
        for (double v : odd) {
            assertThat(Snapshots.gib(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%,.1f", v));
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0 ? random.nextInt(50_000_000) / 1024.0 : random.nextDouble() * Math.pow(10, i % 13);
            assertThat(Snapshots.gib(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%,.1f", v));
        }
    }
}
