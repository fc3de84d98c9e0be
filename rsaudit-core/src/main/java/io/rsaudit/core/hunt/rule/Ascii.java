package io.rsaudit.core.hunt.rule;

import java.util.Locale;

/**
 * Case-insensitive text tests without lower-casing the value (an allocation per rule per event). Exact: for a value
 * with only ASCII characters, lower-casing is per character; a value with any other character (whose lower case
 * may differ in length or land in ASCII) takes the lower-casing path.
 */
final class Ascii {

    private Ascii() {}

    /** {@code value.toLowerCase(Locale.ROOT).contains(lower)}, for a needle already in lower case. */
    static boolean containsIgnoreCase(String value, String lower) {
        if (!ascii(value)) {
            return value.toLowerCase(Locale.ROOT).contains(lower);
        }
        int last = value.length() - lower.length();
        for (int i = 0; i <= last; i++) {
            if (regionIs(value, i, lower)) {
                return true;
            }
        }
        return false;
    }

    /** {@code value.toLowerCase(Locale.ROOT).startsWith(lower)}. */
    static boolean startsWithIgnoreCase(String value, String lower) {
        if (!ascii(value)) {
            return value.toLowerCase(Locale.ROOT).startsWith(lower);
        }
        return value.length() >= lower.length() && regionIs(value, 0, lower);
    }

    /** {@code value.toLowerCase(Locale.ROOT).endsWith(lower)}. */
    static boolean endsWithIgnoreCase(String value, String lower) {
        if (!ascii(value)) {
            return value.toLowerCase(Locale.ROOT).endsWith(lower);
        }
        return value.length() >= lower.length() && regionIs(value, value.length() - lower.length(), lower);
    }

    private static boolean regionIs(String value, int at, String lower) {
        for (int j = 0; j < lower.length(); j++) {
            char c = value.charAt(at + j);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
