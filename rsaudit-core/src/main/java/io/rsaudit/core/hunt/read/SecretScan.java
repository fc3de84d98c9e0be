package io.rsaudit.core.hunt.read;

import io.rsaudit.core.redact.Redactor;

/**
 * {@link Redactor#mayContainSecret(CharSequence)} over bytes, for parsers that have not decoded a line yet: the same
 * answer for the same text (ASCII or UTF-8), eight bytes at a time.
 */
final class SecretScan {

    private SecretScan() {}

    /** The same first pass over bytes (ASCII or UTF-8), for parsers that have not decoded a line yet. */
    static boolean mayContainSecret(byte[] b, int from, int to) {
        int i = from;
        // Eight bytes at a time, looking only at the stems' rare bytes: 'w' (passw, pwd), 'k' (token), 'y'
        // (symmetric), 'c' (secret), '/' (://); each is checked whole around them. Quotes, '=', ':' and '@' matter
        // only once a password keyword or a URL is seen: from there on, byte by byte.
        int flag = NONE;
        words:
        for (; i + 8 <= to; i += 8) {
            long v = Text.word(b, i);
            long l = v | CASE;
            long m = Text.zeros(l ^ WS)
                    | Text.zeros(l ^ KS)
                    | Text.zeros(l ^ YS)
                    | Text.zeros(l ^ CS)
                    | Text.zeros(v ^ SLASHES);
            for (; m != 0; m &= m - 1) {
                int at = i + Text.firstByte(m);
                flag = stemAround(b, from, to, at);
                if (flag == STEM) {
                    return true;
                }
                if (flag != NONE) {
                    i = at + 1;
                    break words;
                }
            }
        }
        boolean passwordSeen = flag == PASSWORD_STEM;
        boolean urlSeen = flag == URL_STEM;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\'' || c == '"' || c == '=' || c == ':' || c == '$') {
                if (passwordSeen) {
                    return true;
                }
            } else if (c == '@' && urlSeen) {
                return true;
            }
            int hit = stemAround(b, from, to, i);
            if (hit == STEM) {
                return true;
            }
            passwordSeen |= hit == PASSWORD_STEM;
            urlSeen |= hit == URL_STEM;
        }
        return false;
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

    private static final int NONE = 0;
    private static final int STEM = 1;
    private static final int PASSWORD_STEM = 2;
    private static final int URL_STEM = 3;

    private static final long CASE = Text.spread((char) 0x20);
    private static final long WS = Text.spread('w');
    private static final long KS = Text.spread('k');
    private static final long YS = Text.spread('y');
    private static final long CS = Text.spread('c');
    private static final long SLASHES = Text.spread('/');

    /** Which stem, if any, has its rare byte at {@code at}, within [from, to). */
    private static int stemAround(byte[] b, int from, int to, int at) {
        switch (b[at] | 0x20) {
            case 'w' -> {
                return wordAt(b, from, to, at - 4, "passw") || wordAt(b, from, to, at - 1, "pwd")
                        ? PASSWORD_STEM
                        : NONE;
            }
            case 'k' -> {
                return wordAt(b, from, to, at - 2, "token") ? STEM : NONE;
            }
            case 'y' -> {
                return wordAt(b, from, to, at - 1, "symmetric") ? STEM : NONE;
            }
            case 'c' -> {
                return wordAt(b, from, to, at - 2, "secret") ? STEM : NONE;
            }
            case '/' -> {
                return b[at] == '/' && at - 1 >= from && at + 1 < to && b[at - 1] == ':' && b[at + 1] == '/'
                        ? URL_STEM
                        : NONE;
            }
            default -> {
                return NONE;
            }
        }
    }

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
