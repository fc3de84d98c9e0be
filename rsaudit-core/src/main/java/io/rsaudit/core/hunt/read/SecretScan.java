package io.rsaudit.core.hunt.read;

import io.rsaudit.core.redact.Redactor;

/**
 * {@link Redactor#mayContainSecret(String)} over bytes, for parsers that have not decoded a line yet: the same
 * answer for the same text (ASCII or UTF-8), eight bytes at a time.
 */
final class SecretScan {

    private SecretScan() {}

    /**
     * The same first pass over bytes (ASCII or UTF-8), for parsers that have not decoded a line yet: the same answer
     * as {@link Redactor#mayContainSecret(String)} on the text.
     *
     * <p>Eight bytes at a time, looking for a pair of bytes of each stem that ordinary SQL and connection-log lines
     * seldom hold ({@code sw} of passw, {@code pw} of pwd, {@code ok} of token, {@code sy} of symmetric, {@code cr}
     * of secret, {@code :/} of a URL), each checked whole at a hit; a single rare byte would be met in most
     * statements ({@code c} of select, {@code w} of where). Once a password stem is seen, a quote, '=', ':' or '$'
     * after it is a secret; once a URL's {@code ://} is seen, an '@' after it: these join the bytes looked for, so the
     * connection log's {@code authmethod} "password" does not turn the rest of its line into a byte-by-byte walk.
     */
    static boolean mayContainSecret(byte[] b, int from, int to) {
        int seen = 0;
        // i: the position of the second byte of a pair (the first is at i - 1)
        int i = from + 1;
        scan:
        while (true) {
            for (; i + 8 <= to; i += 8) {
                long cur = Text.word(b, i);
                long prev = Text.word(b, i - 1);
                long m = candidates(cur, prev, seen);
                for (; m != 0; m &= m - 1) {
                    int at = i + Text.firstByte(m);
                    int now = hit(b, from, to, at, seen);
                    if (now == FOUND) {
                        return true;
                    }
                    if (now != seen) {
                        seen = now;
                        i = at + 1;
                        continue scan;
                    }
                }
            }
            for (; i < to; i++) {
                int now = hit(b, from, to, i, seen);
                if (now == FOUND) {
                    return true;
                }
                seen = now;
            }
            return false;
        }
    }

    /** The high bits of the bytes of {@code cur} that may end a stem, or be a secret after the stems {@code seen}. */
    private static long candidates(long cur, long prev, int seen) {
        long c = cur | CASE;
        long p = prev | CASE;
        // a pair's two bytes are both as wanted where the OR of their differences is a zero byte
        long m = Text.zeros((c ^ KS) | (p ^ OS)) | Text.zeros((c ^ YS) | (p ^ SS)) | Text.zeros((c ^ RS) | (p ^ CS));
        if ((seen & PASSWORD) == 0) {
            m |= Text.zeros((c ^ WS) | (p ^ SS))
                    | Text.zeros((c ^ WS) | (p ^ PS))
                    | Text.zeros((cur ^ SLASHES) | (prev ^ COLONS));
        } else {
            m |= Text.zeros(cur ^ QUOTES)
                    | Text.zeros(cur ^ DOUBLE_QUOTES)
                    | Text.zeros(cur ^ EQUALS)
                    | Text.zeros(cur ^ COLONS)
                    | Text.zeros(cur ^ DOLLARS);
        }
        if ((seen & URL) != 0) {
            m |= Text.zeros(cur ^ ATS);
        }
        return m;
    }

    /**
     * What the byte at {@code at} (within [from, to)) makes of the stems seen so far: {@link #FOUND}, or the stems
     * seen with any that ends there.
     */
    private static int hit(byte[] b, int from, int to, int at, int seen) {
        int c = b[at];
        if ((seen & PASSWORD) != 0 && (c == '\'' || c == '"' || c == '=' || c == ':' || c == '$')) {
            return FOUND;
        }
        if ((seen & URL) != 0 && c == '@') {
            return FOUND;
        }
        switch (c | 0x20) {
            case 'w' -> {
                return wordAt(b, from, to, at - 4, "passw") || wordAt(b, from, to, at - 1, "pwd")
                        ? seen | PASSWORD
                        : seen;
            }
            case 'k' -> {
                return wordAt(b, from, to, at - 2, "token") ? FOUND : seen;
            }
            case 'y' -> {
                return wordAt(b, from, to, at - 1, "symmetric") ? FOUND : seen;
            }
            case 'r' -> {
                return wordAt(b, from, to, at - 3, "secret") ? FOUND : seen;
            }
            case '/' -> {
                return c == '/' && at - 1 >= from && at + 1 < to && b[at - 1] == ':' && b[at + 1] == '/'
                        ? seen | URL
                        : seen;
            }
            default -> {
                return seen;
            }
        }
    }

    /** {@link #scanSql}: the text may hold a secret. */
    static final int MAY_HOLD_SECRET = 1;
    /** {@link #scanSql}: the text has a byte over 0x7f. */
    static final int NON_ASCII = 2;

    /**
     * The user activity log's first pass: {@link #mayContainSecret(byte[], int, int)} as {@link #MAY_HOLD_SECRET},
     * and {@link #NON_ASCII} when a byte is over 0x7f, so that a parser needs no second pass for the encoding.
     */
    static int scanSql(byte[] b, int from, int to) {
        return (mayContainSecret(b, from, to) ? MAY_HOLD_SECRET : 0) | (Text.isAscii(b, from, to) ? 0 : NON_ASCII);
    }

    /** {@link #hit}: a secret may be there. Otherwise it returns the stems seen, of these bits. */
    private static final int FOUND = -1;

    private static final int PASSWORD = 1;
    private static final int URL = 2;

    private static final long CASE = Text.spread((char) 0x20);
    private static final long WS = Text.spread('w');
    private static final long SS = Text.spread('s');
    private static final long PS = Text.spread('p');
    private static final long KS = Text.spread('k');
    private static final long OS = Text.spread('o');
    private static final long YS = Text.spread('y');
    private static final long RS = Text.spread('r');
    private static final long CS = Text.spread('c');
    private static final long SLASHES = Text.spread('/');
    private static final long COLONS = Text.spread(':');
    private static final long QUOTES = Text.spread('\'');
    private static final long DOUBLE_QUOTES = Text.spread('"');
    private static final long EQUALS = Text.spread('=');
    private static final long DOLLARS = Text.spread('$');
    private static final long ATS = Text.spread('@');

    private static boolean wordAt(byte[] b, int from, int to, int at, String lower) {
        if (at < from || at + lower.length() > to) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (asciiLower(b[at + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
