package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The user activity log's per-file time parser keeps the last date and gives what {@link Timestamps#iso} gives. */
class IsoDatesTest {

    /** Over runs of times that share dates, damaged at random (a byte changed, cut short, a leap second, hour 24). */
    @Test
    void keepingTheLastDateChangesNoResult() {
        Random random = new Random(12);
        Timestamps.IsoDates dates = new Timestamps.IsoDates();
        long valid = 0;
        long invalid = 0;
        long time = Instant.parse("2024-02-27T22:00:00Z").toEpochMilli();
        for (int n = 0; n < 200_000; n++) {
            time += random.nextInt(3_600_000);
            String s = Instant.ofEpochMilli(time - time % 1000).toString();
            switch (random.nextInt(8)) {
                case 0 -> {
                    char[] c = s.toCharArray();
                    c[random.nextInt(c.length)] = "0123456789 :-TZaz69".charAt(random.nextInt(19));
                    s = new String(c);
                }
                case 1 -> s = s.substring(0, random.nextInt(s.length() + 1));
                case 2 -> s = s.substring(0, 11) + "23:59:60Z";
                case 3 -> s = s.substring(0, 11) + (random.nextBoolean() ? "24" : "-1") + s.substring(13);
                default -> {
                }
            }
            byte[] b = ("'" + s + " UTC [").getBytes(StandardCharsets.US_ASCII);
            long expected = Timestamps.iso(b, 1, b.length);
            assertThat(dates.parse(b, 1, b.length)).as(s).isEqualTo(expected);
            if (expected == Timestamps.INVALID) {
                invalid++;
            } else {
                valid++;
            }
        }
        assertThat(valid).isGreaterThan(100_000);
        assertThat(invalid).isGreaterThan(20_000);
    }
}
