package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LogTimesTest {

    private static final DateTimeFormatter REDSHIFT = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy HH:mm:ss:SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Test
    void theConnectionLogsTimeIsParsed() {
        byte[] b = "Mon, 7 Dec 2020 20:01:55:177".getBytes(StandardCharsets.US_ASCII);
        assertThat(LogTimes.redshift(b, 0, b.length))
                .isEqualTo(Instant.parse("2020-12-07T20:01:55.177Z").toEpochMilli());
        assertThat(new LogTimes.RedshiftDates().parse(b, 0, b.length)).isEqualTo(LogTimes.redshift(b, 0, b.length));
    }

    /**
     * The connection log's per-file parser keeps the last date: over runs of times that share dates, damaged at
     * random (a byte changed, cut short, a day that the month does not have), it gives what the stateless parse
     * gives.
     */
    @Test
    void keepingTheLastDateChangesNoResult() {
        Random random = new Random(11);
        sameAsStateless(
                random,
                time -> REDSHIFT.format(Instant.ofEpochMilli(time)),
                s -> switch (random.nextInt(8)) {
                    case 0 -> changeOneChar(random, s, "0123456789 :,AZaz|3");
                    case 1 -> s.substring(0, random.nextInt(s.length() + 1));
                    case 2 -> s.replaceFirst(" \\d+ ", " " + (28 + random.nextInt(5)) + " ");
                    case 3 ->
                        s.substring(0, s.length() - random.nextInt(4)) + "0123456789".substring(0, random.nextInt(9));
                    default -> s;
                },
                "xx",
                "yy",
                2,
                new LogTimes.RedshiftDates()::parse,
                LogTimes::redshift,
                10_000);
    }

    /**
     * The same for the user activity log's per-file parser and {@link LogTimes#iso}, damaged by a changed byte, a
     * cut, a leap second and hour 24.
     */
    @Test
    void keepingTheLastIsoDateChangesNoResult() {
        Random random = new Random(12);
        sameAsStateless(
                random,
                time -> Instant.ofEpochMilli(time - time % 1000).toString(),
                s -> switch (random.nextInt(8)) {
                    case 0 -> changeOneChar(random, s, "0123456789 :-TZaz69");
                    case 1 -> s.substring(0, random.nextInt(s.length() + 1));
                    case 2 -> s.substring(0, 11) + "23:59:60Z";
                    case 3 -> s.substring(0, 11) + (random.nextBoolean() ? "24" : "-1") + s.substring(13);
                    default -> s;
                },
                "'",
                " UTC [",
                0,
                new LogTimes.IsoDates()::parse,
                LogTimes::iso,
                20_000);
    }

    /** A parse of {@code b[from, to)}. */
    private interface Parse {
        long parse(byte[] b, int from, int to);
    }

    /**
     * 200,000 times a random walk apart, formatted, damaged, and framed by {@code before} and {@code after} (of which
     * the last {@code outside} bytes are not parsed): {@code stateful} gives what {@code stateless} gives, on more
     * than 100,000 valid times and more than {@code minInvalid} invalid ones.
     */
    private static void sameAsStateless(
            Random random,
            LongFunction<String> format,
            UnaryOperator<String> damage,
            String before,
            String after,
            int outside,
            Parse stateful,
            Parse stateless,
            long minInvalid) {
        long valid = 0;
        long invalid = 0;
        long time = Instant.parse("2024-02-27T22:00:00Z").toEpochMilli();
        for (int n = 0; n < 200_000; n++) {
            time += random.nextInt(3_600_000);
            String s = damage.apply(format.apply(time));
            byte[] b = (before + s + after).getBytes(StandardCharsets.US_ASCII);
            int from = before.length();
            long expected = stateless.parse(b, from, b.length - outside);
            assertThat(stateful.parse(b, from, b.length - outside)).as(s).isEqualTo(expected);
            if (expected == LogTimes.INVALID) {
                invalid++;
            } else {
                valid++;
            }
        }
        assertThat(valid).isGreaterThan(100_000);
        assertThat(invalid).isGreaterThan(minInvalid);
    }

    private static String changeOneChar(Random random, String s, String alphabet) {
        char[] c = s.toCharArray();
        c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        return new String(c);
    }
}
