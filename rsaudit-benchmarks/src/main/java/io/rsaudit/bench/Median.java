package io.rsaudit.bench;

import java.util.Arrays;

/** The median of a benchmark's rounds: the middle value, or the mean of the two middle ones for an even count. */
final class Median {

    private Median() {}

    /** {@code NaN} for no values. */
    static double of(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
