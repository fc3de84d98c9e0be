package io.rsaudit.core.hunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedHitsTest {

    private static Trace trace(String user, String from) {
        return new Trace(
                LogType.CONNECTION_LOG,
                "123456789012",
                "eu-west-1",
                "prod",
                "dev",
                user,
                from,
                "authenticated",
                null,
                EventOutcome.SUCCESS,
                "TLSv1.2",
                null,
                Map.of(),
                0);
    }

    /** Every column comes back as it went in, whatever the times, places, traces, steps and values. */
    @Test
    void unpackGivesBackWhatWasAdded() {
        Random random = new Random(7);
        Trace[] pool = new Trace[40];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = trace("u" + i, "10.0.0." + i);
        }
        String[] values = {null, "a", "b", "", "café", "c"};
        for (int round = 0; round < 50; round++) {
            Hits expected = new Hits();
            PackedHits packed = new PackedHits();
            long sec = 1_700_000_000L;
            int nano = 0;
            long place = 0;
            int n = random.nextInt(3000);
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(8)) {
                    case 0 -> sec += random.nextInt(3) - 1; // same second, or a step back
                    case 1 -> sec = random.nextBoolean() ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4; // far away
                    case 2 -> sec = -62_135_596_800L + random.nextInt(1000); // year 1
                    default -> sec = 1_700_000_000L + random.nextInt(86_400);
                }
                nano = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(1000) * 1_000_000;
                    case 1 -> random.nextInt(1_000_000) * 1_000;
                    case 2 -> random.nextInt(1_000_000_000);
                    default -> 0;
                };
                long s = random.nextInt(20) == 0 ? Hits.NO_TIME : sec;
                int ns = s == Hits.NO_TIME ? 0 : nano;
                place = random.nextInt(10) == 0
                        ? (long) random.nextInt(1 << Places.FILE_BITS) << Places.LINE_BITS
                                | (random.nextLong() & ((1L << Places.LINE_BITS) - 1))
                        : Math.max(0, place + random.nextInt(2000) - 100);
                Trace t = pool[random.nextInt(random.nextBoolean() ? 3 : pool.length)];
                int steps = random.nextInt(4) == 0 ? random.nextInt(1 << 20) : 1;
                String v = values[random.nextInt(values.length)];
                expected.add(s, ns, place, t, steps, v);
                packed.add(s, ns, place, t, steps, v);
            }
            Hits got = packed.unpack();
            assertThat(got.size()).isEqualTo(n).isEqualTo(packed.size());
            for (int i = 0; i < n; i++) {
                assertThat(got.sec(i)).as("sec %d", i).isEqualTo(expected.sec(i));
                assertThat(got.nano(i)).as("nano %d", i).isEqualTo(expected.nano(i));
                assertThat(got.place(i)).as("place %d", i).isEqualTo(expected.place(i));
                assertThat(got.trace(i)).as("trace %d", i).isSameAs(expected.trace(i));
                assertThat(got.steps(i)).as("steps %d", i).isEqualTo(expected.steps(i));
                assertThat(got.value(i)).as("value %d", i).isEqualTo(expected.value(i));
            }
        }
    }

    /**
     * A busy key as a day's logs give it: one user's logins from a few hosts, seconds apart at millisecond precision,
     * hundreds of lines apart, files one after another. Packed, a match costs a fifth of its columns or less.
     */
    @Test
    void aBusyKeysMatchesCostAFewBytesEach() {
        Random random = new Random(11);
        Trace[] hosts = {trace("etl", "10.0.0.1"), trace("etl", "10.0.0.2"), trace("etl", "10.0.0.3")};
        PackedHits packed = new PackedHits();
        long millis = 1_700_000_000_000L;
        long line = 0;
        int file = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            millis += random.nextInt(10_000);
            line += random.nextInt(500);
            if (i % 20_000 == 0) {
                file++;
                line = random.nextInt(10);
            }
            packed.add(
                    millis / 1000,
                    (int) (millis % 1000) * 1_000_000,
                    (long) file << Places.LINE_BITS | line,
                    hosts[random.nextInt(hosts.length)],
                    1,
                    null);
        }
        assertThat(packed.footprint()).isLessThan(n * Hits.WEIGHT / 5);
        assertThat(packed.unpack().size()).isEqualTo(n);
    }
}
