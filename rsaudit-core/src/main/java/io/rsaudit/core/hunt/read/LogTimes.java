package io.rsaudit.core.hunt.read;

/**
 * The log timestamps, parsed on bytes (no formatter, no regex on the hot path). Each returns epoch milliseconds, or
 * {@link #INVALID}.
 */
final class LogTimes {

    static final long INVALID = Long.MIN_VALUE;
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private LogTimes() {}

    /**
     * The connection and user logs' {@code Mon, 7 Dec 2020 20:01:55:177} (UTC; day of month with or without a
     * leading zero; 1 to 9 fraction digits after the last colon). The day name is not checked against the date.
     */
    static long redshift(byte[] b, int from, int to) {
        return redshift(b, from, to, null);
    }

    /**
     * The connection and user logs' times for one file: a file's records share a handful of dates, so the date part
     * ({@code Mon, 7 Dec 2020 }) of the last valid time is kept with its epoch day, and a time that starts with the
     * same bytes only has its clock parsed. Gives exactly what {@link #redshift(byte[], int, int)} gives. Not
     * thread-safe: one per parser.
     */
    static final class RedshiftDates {
        private final byte[] date = new byte[24];
        private int length = -1;
        private long dayMillis;

        long parse(byte[] b, int from, int to) {
            int n = length;
            if (n > 0 && to - from >= n + 8 && java.util.Arrays.equals(date, 0, n, b, from, from + n)) {
                long clock = clock(b, from + n, to, ':');
                return clock == INVALID ? INVALID : dayMillis + clock;
            }
            return redshift(b, from, to, this);
        }

        private void keep(byte[] b, int from, int clockAt, long epochDay) {
            if (clockAt - from <= date.length) {
                System.arraycopy(b, from, date, 0, clockAt - from);
                length = clockAt - from;
                dayMillis = epochDay * 86_400_000L;
            }
        }
    }

    private static long redshift(byte[] b, int from, int to, RedshiftDates dates) {
        int i = from;
        while (i < to && b[i] != ',') {
            i++;
        }
        if (i - from > 9 || i >= to) {
            return INVALID;
        }
        i++;
        while (i < to && b[i] == ' ') {
            i++;
        }
        int start = i;
        int day = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9' && i - start < 2) {
            day = day * 10 + (b[i++] - '0');
        }
        if (i == start || i + 5 > to || b[i] != ' ') {
            return INVALID;
        }
        int month = month(b, i + 1);
        i += 4;
        if (month < 0 || b[i] != ' ') {
            return INVALID;
        }
        int year = digits(b, i + 1, 4, to);
        i += 5;
        if (year < 0 || i + 9 > to || b[i] != ' ') {
            return INVALID;
        }
        if (day < 1 || day > daysIn(year, month)) {
            return INVALID;
        }
        long clock = clock(b, i + 1, to, ':');
        if (clock == INVALID) {
            return INVALID;
        }
        long epochDay = epochDay(year, month, day);
        if (dates != null) {
            dates.keep(b, from, i + 1, epochDay);
        }
        return epochDay * 86_400_000L + clock;
    }

    /**
     * The user activity log's times for one file: its records share a date or two, so the date part
     * ({@code 2023-06-26T}) of the last valid time is kept with its epoch day, and a time that starts with the same
     * bytes only has its clock checked and parsed. Gives exactly what {@link #iso} gives. Not thread-safe: one per
     * parser.
     */
    static final class IsoDates {
        private static final int DATE = 11;
        private final byte[] date = new byte[DATE];
        private boolean kept;
        private long dayMillis;

        long parse(byte[] b, int from, int to) {
            if (kept && to - from >= 20 && java.util.Arrays.equals(date, 0, DATE, b, from, from + DATE)) {
                int h = digits(b, from + 11, 2, to);
                int m = digits(b, from + 14, 2, to);
                int s = digits(b, from + 17, 2, to);
                if (b[from + 13] != ':'
                        || b[from + 16] != ':'
                        || b[from + 19] != 'Z'
                        || h < 0
                        || h > 23
                        || m < 0
                        || m > 59
                        || s < 0
                        || s > 60) {
                    return INVALID;
                }
                return dayMillis + (h * 3600L + m * 60L + s) * 1000L;
            }
            long millis = iso(b, from, to);
            if (millis != INVALID) {
                System.arraycopy(b, from, date, 0, DATE);
                kept = true;
                dayMillis = epochDay(digits(b, from, 4, to), digits(b, from + 5, 2, to), digits(b, from + 8, 2, to))
                        * 86_400_000L;
            }
            return millis;
        }
    }

    /** The user activity log's {@code 2023-06-26T18:02:47Z} (exactly 20 bytes at {@code from}). */
    static long iso(byte[] b, int from, int to) {
        if (to - from < 20
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || b[from + 10] != 'T'
                || b[from + 13] != ':'
                || b[from + 16] != ':'
                || b[from + 19] != 'Z') {
            return INVALID;
        }
        int year = digits(b, from, 4, to);
        int month = digits(b, from + 5, 2, to);
        int day = digits(b, from + 8, 2, to);
        int h = digits(b, from + 11, 2, to);
        int m = digits(b, from + 14, 2, to);
        int s = digits(b, from + 17, 2, to);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysIn(year, month)
                || h < 0
                || h > 23
                || m < 0
                || m > 59
                || s < 0
                || s > 60) {
            return INVALID;
        }
        return (epochDay(year, month, day) * 86_400L + h * 3600L + m * 60L + s) * 1000L;
    }

    /** {@code HH:mm:ss<sep>fraction} to the end: milliseconds into the day, or {@link #INVALID}. */
    private static long clock(byte[] b, int i, int to, char sep) {
        int h = digits(b, i, 2, to);
        int m = digits(b, i + 3, 2, to);
        int s = digits(b, i + 6, 2, to);
        if (h < 0 || m < 0 || s < 0 || b[i + 2] != ':' || b[i + 5] != ':' || h > 23 || m > 59 || s > 60) {
            return INVALID;
        }
        int millis = 0;
        int j = i + 8;
        if (j < to) {
            if (b[j] != sep || j + 1 >= to || to - j - 1 > 9) {
                return INVALID;
            }
            int scale = 100;
            for (int k = j + 1; k < to; k++) {
                if (b[k] < '0' || b[k] > '9') {
                    return INVALID;
                }
                millis += (b[k] - '0') * scale;
                scale /= 10;
            }
        }
        return (h * 3600L + m * 60L + s) * 1000L + millis;
    }

    private static int month(byte[] b, int at) {
        int c0 = b[at] | 0x20;
        int c1 = b[at + 1] | 0x20;
        int c2 = b[at + 2] | 0x20;
        for (int m = 0; m < 12; m++) {
            if (MONTHS.charAt(3 * m) == c0 && MONTHS.charAt(3 * m + 1) == c1 && MONTHS.charAt(3 * m + 2) == c2) {
                return m + 1;
            }
        }
        return -1;
    }

    private static int digits(byte[] b, int at, int n, int to) {
        if (at + n > to) {
            return -1;
        }
        int v = 0;
        for (int k = at; k < at + n; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
