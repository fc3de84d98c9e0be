package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter REDSHIFT = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss:SSS",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void theConnectionLogsTimeIsParsed() {
        byte[] b = "Mon, 7 Dec 2020 20:01:55:177".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.redshift(b, 0, b.length)).isEqualTo(Instant.parse("2020-12-07T20:01:55.177Z")
                .toEpochMilli());
        assertThat(new Timestamps.RedshiftDates().parse(b, 0, b.length)).isEqualTo(Timestamps.redshift(b, 0,
                b.length));
    }

    /**
     * The per-file parser keeps the last date: over runs of times that share dates, damaged at random (a byte
     * changed, cut short, a day that the month does not have), it gives what the stateless parse gives.
     */
    @Test
    void keepingTheLastDateChangesNoResult() {
        Random random = new Random(11);
        Timestamps.RedshiftDates dates = new Timestamps.RedshiftDates();
        long valid = 0;
        long invalid = 0;
        long time = Instant.parse("2024-02-27T22:00:00Z").toEpochMilli();
        for (int n = 0; n < 200_000; n++) {
            time += random.nextInt(3_600_000);
            String s = REDSHIFT.format(Instant.ofEpochMilli(time));
            switch (random.nextInt(8)) {
                case 0 -> {
                    char[] c = s.toCharArray();
                    c[random.nextInt(c.length)] = "0123456789 :,AZaz|3".charAt(random.nextInt(19));
                    s = new String(c);
                }
                case 1 -> s = s.substring(0, random.nextInt(s.length() + 1));
                case 2 -> s = s.replaceFirst(" \\d+ ", " " + (28 + random.nextInt(5)) + " ");
                case 3 -> s = s.substring(0, s.length() - random.nextInt(4)) + "0123456789".substring(0,
                        random.nextInt(9));
                default -> {
                }
            }
            byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.US_ASCII);
            long expected = Timestamps.redshift(b, 2, b.length - 2);
            assertThat(dates.parse(b, 2, b.length - 2)).as(s).isEqualTo(expected);
            if (expected == Timestamps.INVALID) {
                invalid++;
            } else {
                valid++;
            }
        }
        assertThat(valid).isGreaterThan(100_000);
        assertThat(invalid).isGreaterThan(10_000);
    }
}
