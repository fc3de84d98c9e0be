package io.rsaudit.core.hunt.read;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from SQL and other logged text before anything keeps it: plain-text passwords, AWS access key
 * ids, secret access keys, session tokens and client-side encryption keys. Each is replaced by
 * {@code <redacted:KIND>} and its kind added to the caller's set, which becomes the event's {@code redactions}
 * field.
 *
 * <p>What is not redacted, and why: a password already masked by Redshift ({@code '***'}, any run of asterisks) is
 * no secret; {@code PASSWORD DISABLE} has none; {@code IAM_ROLE 'arn:...'} and {@code aws_iam_role=} name a role,
 * which is not a credential. Password hashes ({@code 'md5...'}, {@code 'sha256|...'}) are redacted as
 * {@code password-hash}: Redshift accepts an md5 hash in place of the password, so the hash is a credential. A
 * bare 40-character secret key with no keyword before it is not recognised (too many false positives).
 */
public final class Redactor {

    public static final String PASSWORD = "password";
    public static final String PASSWORD_HASH = "password-hash";
    public static final String ACCESS_KEY_ID = "aws-access-key-id";
    public static final String SECRET_ACCESS_KEY = "aws-secret-access-key";
    public static final String SESSION_TOKEN = "aws-session-token";
    public static final String ENCRYPTION_KEY = "encryption-key";

    /** {@code PASSWORD 'x'} (also {@code PASSWORD='x'}); an unterminated quote runs to the end of the text. */
    private static final Pattern PASSWORD_CLAUSE =
            Pattern.compile("(?i)(\\bpassword(?:\\s+|\\s*=\\s*))'((?:[^']|'')*)('|$)");
    /** COPY/UNLOAD/CREATE MODEL credential parameters: {@code SECRET_ACCESS_KEY '...'}. */
    private static final Pattern KEY_PARAMETER = Pattern.compile(
            "(?i)(\\b(access_key_id|secret_access_key|session_token|master_symmetric_key)\\s+(?:as\\s+)?)"
                    + "'((?:[^']|'')*)('|$)");
    /** Inside a {@code CREDENTIALS '...'} string: {@code aws_secret_access_key=...;token=...}. */
    private static final Pattern CREDENTIAL_PAIR = Pattern.compile(
            "(?i)(\\b(aws_access_key_id|aws_secret_access_key|token|master_symmetric_key)\\s*=\\s*)([^;'\\s]+)");

    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern MASKED = Pattern.compile("\\*+");
    private static final Pattern HASH = Pattern.compile("(?i)md5[0-9a-f]{32}|sha256\\|.*");

    private Redactor() {}

    /** The marker that replaces a secret of this kind. */
    public static String marker(String kind) {
        return "<redacted:" + kind + ">";
    }

    /**
     * {@code text} with its secrets replaced by markers; the kinds removed are added to {@code found}. Returns
     * {@code text} itself, allocating nothing, when it holds nothing that could be a secret.
     */
    public static String redact(String text, Set<String> found) {
        if (text == null || !mayContainSecret(text)) {
            return text;
        }
        return redactWithoutPrecheck(text, found);
    }

    /** Every pattern applied, whatever the first pass would say; tests check the first pass against it. */
    static String redactWithoutPrecheck(String text, Set<String> found) {
        String s = replacePasswords(text, found);
        s = replaceKeyParameters(s, found);
        s = replaceCredentialPairs(s, found);
        Matcher m = ACCESS_KEY.matcher(s);
        if (m.find()) {
            found.add(ACCESS_KEY_ID);
            s = m.replaceAll(marker(ACCESS_KEY_ID));
        }
        return s;
    }

    /** The {@code redactions} field value for these kinds, or {@code null} when there are none. */
    public static String kinds(Set<String> found) {
        return found.isEmpty() ? null : String.join(",", found);
    }

    /**
     * A cheap first pass: false only when no pattern of this class can match, so the text is left as it is. Each
     * pattern needs a word and a character: a password clause "password" and a quote; a key parameter one of
     * {@code access_key}, {@code token}, {@code symmetric} and a quote; a credential pair one of those and '='; a
     * bare key id "AKIA" or "ASIA" in capitals (that pattern is case-sensitive). Words are matched in ASCII case only,
     * as the patterns are. So the connection log's {@code authmethod} "password" costs one scan, not a regex.
     */
    public static boolean mayContainSecret(CharSequence s) {
        int n = s.length();
        boolean quote = false;
        boolean equals = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quote = true;
            } else if (c == '=') {
                equals = true;
            } else if (c == 'A'
                    && i + 3 < n
                    && s.charAt(i + 2) == 'I'
                    && s.charAt(i + 3) == 'A'
                    && (s.charAt(i + 1) == 'K' || s.charAt(i + 1) == 'S')) {
                return true;
            }
        }
        if (!quote && !equals) {
            return false;
        }
        for (int i = 0; i + 5 <= n; i++) {
            switch (s.charAt(i) | 0x20) {
                case 'p' -> {
                    if (quote && matchesAt(s, i, n, "password")) {
                        return true;
                    }
                }
                case 'a' -> {
                    if (matchesAt(s, i, n, "access_key")) {
                        return true;
                    }
                }
                case 't' -> {
                    if (matchesAt(s, i, n, "token")) {
                        return true;
                    }
                }
                case 's' -> {
                    if (matchesAt(s, i, n, "symmetric")) {
                        return true;
                    }
                }
                default -> {}
            }
        }
        return false;
    }

    /**
     * The same first pass over bytes, for parsers that have not decoded a line yet: eight bytes at a time, as it
     * runs over every byte of SQL text.
     */
    static boolean mayContainSecret(byte[] b, int from, int to) {
        long quotes = 0;
        long equals = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = Text.word(b, i);
            quotes |= Text.zeros(v ^ QUOTES);
            equals |= Text.zeros(v ^ EQUALS);
            for (long a = Text.zeros(v ^ CAPITAL_AS); a != 0; a &= a - 1) {
                int at = i + Text.firstByte(a);
                if (b[at] == 'A' && isKeyIdAt(b, at, to)) {
                    return true;
                }
            }
        }
        boolean quote = quotes != 0;
        boolean equal = equals != 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\'') {
                quote = true;
            } else if (c == '=') {
                equal = true;
            } else if (c == 'A' && isKeyIdAt(b, i, to)) {
                return true;
            }
        }
        return mayContainSecretWord(b, from, to, quote, equal);
    }

    /** {@link #scanSql}: the text may hold a secret. */
    static final int MAY_HOLD_SECRET = 1;
    /** {@link #scanSql}: the text has a byte over 0x7f. */
    static final int NON_ASCII = 2;

    /**
     * A first pass for SQL, sound like {@link #mayContainSecret(byte[], int, int)} but looking at the few places
     * where a pattern could match instead of at words anywhere: SQL's date and string literals put a quote in most
     * statements, and the words' rare letters in their text ("where", "by") then cost a look each. Every pattern
     * ends its keyword just before a quote or an '=': a password clause's "password" before
     * {@code \s*(=\s*)?'}, a key parameter's keyword before {@code \s+(as\s+)?'}, a credential pair's before
     * {@code \s*=}; a bare key id is "AKIA" or "ASIA". So each quote, '=' and capital A is checked for what
     * precedes it (keywords by their ends, ASCII case only, as the patterns match). Returns {@link #MAY_HOLD_SECRET}
     * and {@link #NON_ASCII} flags, so that a parser needs no second pass for the encoding.
     */
    static int scanSql(byte[] b, int from, int to) {
        long highs = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = Text.word(b, i);
            highs |= v;
            for (long m = Text.zeros(v ^ QUOTES) | Text.zeros(v ^ EQUALS) | Text.zeros(v ^ CAPITAL_AS);
                    m != 0;
                    m &= m - 1) {
                if (anchorAt(b, from, to, i + Text.firstByte(m))) {
                    return MAY_HOLD_SECRET | (Text.isAscii(b, from, to) ? 0 : NON_ASCII);
                }
            }
        }
        int tail = 0;
        for (; i < to; i++) {
            tail |= b[i];
            if (anchorAt(b, from, to, i)) {
                return MAY_HOLD_SECRET | (Text.isAscii(b, from, to) ? 0 : NON_ASCII);
            }
        }
        return Text.hasHighBit(highs) || tail < 0 ? NON_ASCII : 0;
    }

    /** Whether a pattern could match ending at the quote or '=', or starting at the capital A, at {@code at}. */
    private static boolean anchorAt(byte[] b, int from, int to, int at) {
        switch (b[at]) {
            case '\'' -> {
                int j = spaceBefore(b, from, at);
                if (j >= from && b[j] == '=') {
                    return endsWithKeyword(b, from, spaceBefore(b, from, j));
                }
                return endsWithKeyword(b, from, j)
                        || j > from
                                && (b[j] | 0x20) == 's'
                                && (b[j - 1] | 0x20) == 'a'
                                && endsWithKeyword(b, from, spaceBefore(b, from, j - 1));
            }
            case '=' -> {
                return endsWithKeyword(b, from, spaceBefore(b, from, at));
            }
            case 'A' -> {
                return isKeyIdAt(b, at, to);
            }
            default -> {
                return false;
            }
        }
    }

    /** The index of the last byte before {@code at} that is not {@code \s} (as the patterns mean it), or below from. */
    private static int spaceBefore(byte[] b, int from, int at) {
        int j = at - 1;
        while (j >= from && (b[j] == ' ' || (b[j] >= '\t' && b[j] <= '\r'))) {
            j--;
        }
        return j;
    }

    /**
     * Whether the bytes up to {@code last} end with a keyword of a pattern (by the keywords' ends), told first by
     * the last letter: most quotes and '=' in SQL follow no letter at all.
     */
    private static boolean endsWithKeyword(byte[] b, int from, int last) {
        if (last < from) {
            return false;
        }
        return switch (b[last] | 0x20) {
            case 'd' -> endsWith(b, from, last, "password") || endsWith(b, from, last, "access_key_id");
            case 'y' -> endsWith(b, from, last, "access_key") || endsWith(b, from, last, "symmetric_key");
            case 'n' -> endsWith(b, from, last, "token");
            default -> false;
        };
    }

    /** Whether {@code lower} ends at {@code last} (inclusive), in ASCII case only. */
    private static boolean endsWith(byte[] b, int from, int last, String lower) {
        int at = last - lower.length() + 1;
        if (at < from) {
            return false;
        }
        for (int k = lower.length() - 1; k >= 0; k--) {
            if (asciiLower(b[at + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final long QUOTES = Text.spread('\'');
    private static final long EQUALS = Text.spread('=');
    private static final long CAPITAL_AS = Text.spread('A');
    private static final long CASE = Text.spread((char) 0x20);
    private static final long WS = Text.spread('w');
    private static final long KS = Text.spread('k');
    private static final long YS = Text.spread('y');

    /** Whether "AKIA" or "ASIA" starts at {@code i}, given the capital A there: the first pass's test at each. */
    static boolean isKeyIdAt(byte[] b, int i, int to) {
        return i + 3 < to && b[i + 2] == 'I' && b[i + 3] == 'A' && (b[i + 1] == 'K' || b[i + 1] == 'S');
    }

    /**
     * The rest of the first pass, for a parser that has already looked at every byte (for the quote, '=' and
     * {@link #isKeyIdAt}, found no key id) in its own scan: whether the words the patterns need are there. Each
     * word is looked for at its rarest letter ("password" at its 'w', "access_key" and "token" at their 'k',
     * "symmetric" at its 'y'), eight bytes at a time, and checked whole where one is found.
     */
    static boolean mayContainSecretWord(byte[] b, int from, int to, boolean quote, boolean equals) {
        if (!quote && !equals) {
            return false;
        }
        long ws = quote ? WS : KS;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = Text.word(b, i) | CASE;
            for (long m = Text.zeros(v ^ KS) | Text.zeros(v ^ YS) | Text.zeros(v ^ ws); m != 0; m &= m - 1) {
                if (wordAround(b, from, to, i + Text.firstByte(m), quote)) {
                    return true;
                }
            }
        }
        for (; i < to; i++) {
            if (wordAround(b, from, to, i, quote)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word the patterns need has its rare letter at {@code at}, within [from, to). */
    private static boolean wordAround(byte[] b, int from, int to, int at, boolean quote) {
        return switch (b[at] | 0x20) {
            case 'w' -> quote && wordAt(b, from, to, at - 4, "password");
            case 'k' -> wordAt(b, from, to, at - 7, "access_key") || wordAt(b, from, to, at - 2, "token");
            case 'y' -> wordAt(b, from, to, at - 1, "symmetric");
            default -> false;
        };
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

    /** Whether {@code lower} is at {@code at}, in ASCII case only (the first letter is known to match). */
    private static boolean matchesAt(CharSequence s, int at, int to, String lower) {
        if (at + lower.length() > to) {
            return false;
        }
        for (int k = 1; k < lower.length(); k++) {
            if (asciiLower(s.charAt(at + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static String replacePasswords(String s, Set<String> found) {
        Matcher m = PASSWORD_CLAUSE.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        do {
            String value = m.group(2);
            String kind =
                    MASKED.matcher(value).matches() ? null : HASH.matcher(value).matches() ? PASSWORD_HASH : PASSWORD;
            if (kind == null) {
                m.appendReplacement(b, Matcher.quoteReplacement(m.group()));
            } else {
                found.add(kind);
                m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "'" + marker(kind) + m.group(3)));
            }
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    private static String replaceKeyParameters(String s, Set<String> found) {
        Matcher m = KEY_PARAMETER.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        do {
            String kind = kindOf(m.group(2));
            found.add(kind);
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "'" + marker(kind) + m.group(4)));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    private static String replaceCredentialPairs(String s, Set<String> found) {
        Matcher m = CREDENTIAL_PAIR.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        do {
            String value = m.group(3);
            if (value.startsWith("<redacted:")) {
                m.appendReplacement(b, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String kind = kindOf(m.group(2));
            found.add(kind);
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + marker(kind)));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    private static String kindOf(String keyword) {
        String k = keyword.toLowerCase(java.util.Locale.ROOT);
        if (k.endsWith("access_key_id")) {
            return ACCESS_KEY_ID;
        }
        if (k.endsWith("secret_access_key")) {
            return SECRET_ACCESS_KEY;
        }
        if (k.endsWith("token")) {
            return SESSION_TOKEN;
        }
        return ENCRYPTION_KEY;
    }
}
