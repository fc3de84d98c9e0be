package io.rsaudit.core.redact;

import java.util.HashSet;
import java.util.Set;

/**
 * Removes secrets from SQL and other logged or collected text before anything keeps or shows it: passwords,
 * password hashes, AWS secret access keys, session tokens, client-side encryption keys and other named secrets. Each
 * is replaced by {@code <redacted:KIND>} and its kind added to the caller's set, which becomes the event's
 * {@code redactions} field.
 *
 * <p>The pass is a tokenizer, not a set of patterns: it reads the text as SQL (string literals {@code '...'},
 * {@code E'...'}, {@code $tag$...$tag$}, quoted identifiers {@code "..."}, {@code --} and nested {@code /* *}{@code /}
 * comments, words, and whitespace of every Unicode kind, including no-break spaces and format characters), so a
 * keyword inside a literal or identifier is not taken for a clause, and a comment between a keyword and its value
 * does not hide the value. What it recognises:
 *
 * <ul>
 *   <li>a word ending in {@code password}, {@code passwd} or {@code pwd} (any ASCII case), then optionally {@code =}
 *       or {@code :}, then a quoted value; or, after {@code =}/{@code :}, a bare value ({@code password=x;} in a
 *       connection string). Without {@code =}/{@code :} a bare word is no value ({@code PASSWORD DISABLE},
 *       {@code select passwd from pg_user});
 *   <li>a word ending in {@code secret_access_key}, {@code secretaccesskey}, {@code secret_key}, {@code token},
 *       {@code symmetric_key} or {@code secret}, then optionally {@code AS} and {@code =}/{@code :}, then a quoted
 *       value or a bare one ({@code SECRET_ACCESS_KEY wJalr...} unquoted). A bare value without {@code =}/{@code :}
 *       counts when it cannot be an SQL word (it has a character other than a letter or '_', or 13 or more of
 *       them); plain {@code token} and {@code secret} need {@code =}/{@code :};
 *   <li>a quoted key whose whole text is such a word, then {@code :} or {@code =}: {@code "password": "x"} in JSON,
 *       {@code 'SecretAccessKey': 'x'} in a printed map;
 *   <li>the password of a URL's user info: {@code postgres://user:secret@host};
 *   <li>and all of these again inside string literals, quoted identifiers and comments (a {@code CREDENTIALS}
 *       string, a connection string in a literal, SQL quoted inside SQL), to a depth of {@value #MAX_DEPTH}; deeper
 *       text that may hold a secret is replaced whole.
 * </ul>
 *
 * <p>What is not redacted, and why: access key ids ({@code AKIA...}, {@code ASIA...}) are identifiers, not secrets,
 * and an investigation needs them; a password already masked ({@code '***'}, any run of asterisks, an empty one, or
 * a marker of this class) is no secret; {@code IAM_ROLE 'arn:...'} and {@code aws_iam_role=} name a role. Password
 * hashes ({@code 'md5...'}, {@code 'sha256|...'}) are redacted as {@code password-hash}: Redshift accepts an md5 hash
 * in place of the password, so the hash is a credential. A bare secret with no keyword before it is not recognised.
 *
 * <p>Work is linear in the text's length (times the nesting depth), and the result is at most the text plus one
 * marker per redaction.
 */
public final class Redactor {

    public static final String PASSWORD = "password";
    public static final String PASSWORD_HASH = "password-hash";
    public static final String SECRET_ACCESS_KEY = "aws-secret-access-key";
    public static final String SESSION_TOKEN = "aws-session-token";
    public static final String ENCRYPTION_KEY = "encryption-key";
    /** A value under a key named {@code secret} or {@code ..._secret}, or text too deeply nested to read. */
    public static final String SECRET = "secret";

    /** How deep literals inside literals are read; past it, text that may hold a secret is replaced whole. */
    static final int MAX_DEPTH = 3;

    private static final String MARKER_PREFIX = "<redacted:";
    /** The quote character the tokenizer records for an {@code E'...'} literal, whose escapes are backslashes. */
    private static final char E_STRING = 'E';

    private static final int MAX_KEY_LENGTH = 64;

    private Redactor() {}

    /** The marker that replaces a secret of this kind. */
    public static String marker(String kind) {
        return MARKER_PREFIX + kind + ">";
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

    /**
     * {@code text} with its secrets replaced by markers, for a caller that does not need the kinds removed; returns
     * {@code text} itself, allocating nothing, when it holds nothing that could be a secret.
     */
    public static String redact(String text) {
        if (text == null || !mayContainSecret(text)) {
            return text;
        }
        return redactWithoutPrecheck(text, new HashSet<>());
    }

    /** The tokenizer's pass, whatever the first pass would say: the reference the first passes are tested against. */
    public static String redactWithoutPrecheck(String text, Set<String> found) {
        return new Pass(text, found, 0).run();
    }

    /** The {@code redactions} field value for these kinds, or {@code null} when there are none. */
    public static String kinds(Set<String> found) {
        return found.isEmpty() ? null : String.join(",", found);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The first pass.

    /**
     * A cheap first pass: false only when the tokenizer cannot change the text. Every keyword the tokenizer knows
     * holds one of the stems {@code passw}, {@code pwd}, {@code token}, {@code secret}, {@code symmetric} (ASCII
     * case); a password keyword needs a quote, '=' or ':' after it; a URL's user info needs {@code ://} and then an
     * '@'. So the connection log's {@code authmethod} "password" costs one scan, not a tokenizer pass.
     */
    public static boolean mayContainSecret(String s) {
        return firstPass(s, false);
    }

    /**
     * Whether {@code s} is printable ASCII (U+0020 to U+007E) in which {@link #mayContainSecret} finds nothing: a
     * value a terminal report shows as it is, found in one pass rather than two.
     */
    public static boolean isPlainPrintableAscii(String s) {
        return !firstPass(s, true);
    }

    /** Longer values are copied into an array of their own rather than the thread's. */
    private static final int CHARS_KEPT = 4096;

    /**
     * A thread's copy of the value the first pass reads: read through {@code charAt}, the scan cost a call and a
     * bounds check per character where the JIT stops at C1 (an offline scan prints values of a million lines).
     */
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[256]);

    /** {@link #mayContainSecret}; with {@code orUnprintable}, also true at any character outside printable ASCII. */
    private static boolean firstPass(String value, boolean orUnprintable) {
        int n = value.length();
        char[] s = n <= CHARS_KEPT ? CHARS.get() : new char[n];
        if (s.length < n) {
            s = new char[CHARS_KEPT];
            CHARS.set(s);
        }
        value.getChars(0, n, s, 0);
        boolean passwordSeen = false;
        boolean urlSeen = false;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c < 0x20 || c >= 0x7f) {
                if (orUnprintable) {
                    return true;
                }
                continue;
            }
            if (!FIRST_PASS_STARTS[c]) {
                continue;
            }
            switch (c) {
                case '\'', '"', '=', ':', '$' -> {
                    if (passwordSeen) {
                        return true;
                    }
                    if (c == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') {
                        urlSeen = true;
                    }
                }
                case '@' -> {
                    if (urlSeen) {
                        return true;
                    }
                }
                default -> {
                    // the stem's second letter first: 'p', 's' and 't' start many words
                    int next = i + 1 < n ? s[i + 1] | 0x20 : 0;
                    switch (c | 0x20) {
                        case 'p' ->
                            passwordSeen |= next == 'a' && startsAt(s, i, n, "passw")
                                    || next == 'w' && startsAt(s, i, n, "pwd");
                        case 't' -> {
                            if (next == 'o' && startsAt(s, i, n, "token")) {
                                return true;
                            }
                        }
                        case 's' -> {
                            if (next == 'e' && startsAt(s, i, n, "secret")
                                    || next == 'y' && startsAt(s, i, n, "symmetric")) {
                                return true;
                            }
                        }
                        default -> {}
                    }
                }
            }
        }
        return false;
    }

    /**
     * The characters at which {@link #mayContainSecret} has something to decide; it steps over every other one
     * without a switch (it runs on every value a report prints).
     */
    private static final boolean[] FIRST_PASS_STARTS = new boolean[128];

    static {
        for (char c : "'\"=:$@pPtTsS".toCharArray()) {
            FIRST_PASS_STARTS[c] = true;
        }
    }

    /** {@link #matchesAt} in the first pass's copy. */
    private static boolean startsAt(char[] s, int at, int to, String lower) {
        if (at + lower.length() > to) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (asciiLower(s[at + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code lower} is at {@code at}, in ASCII case only, ending by {@code to} (also {@link SecretClues}'). */
    static boolean matchesAt(CharSequence s, int at, int to, String lower) {
        if (at + lower.length() > to) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (asciiLower(s.charAt(at + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tokenizer.

    /** What a keyword protects. */
    private enum Family {
        /** password, passwd, pwd: a bare value only after '=' or ':'. */
        PASSWORD(false),
        /** keys, tokens, encryption keys: a bare value also without a separator, when it cannot be a word. */
        KEY(true),
        /** plain {@code token}, {@code secret}: only after '=' or ':'. */
        NAMED(false);

        final boolean bareWithoutSeparator;

        Family(boolean bareWithoutSeparator) {
            this.bareWithoutSeparator = bareWithoutSeparator;
        }
    }

    /** A keyword recognised: its family and the kind of secret its value is. */
    private record Keyword(Family family, String kind) {}

    private static final String[][] SUFFIXES = {
        {"password", "P", PASSWORD},
        {"passwd", "P", PASSWORD},
        {"pwd", "P", PASSWORD},
        {"secret_access_key", "K", SECRET_ACCESS_KEY},
        {"secretaccesskey", "K", SECRET_ACCESS_KEY},
        {"secret_key", "K", SECRET_ACCESS_KEY},
        {"secretkey", "K", SECRET_ACCESS_KEY},
        {"session_token", "K", SESSION_TOKEN},
        {"sessiontoken", "K", SESSION_TOKEN},
        {"security_token", "K", SESSION_TOKEN},
        {"securitytoken", "K", SESSION_TOKEN},
        {"symmetric_key", "K", ENCRYPTION_KEY},
        {"symmetrickey", "K", ENCRYPTION_KEY},
        {"token", "N", SESSION_TOKEN},
        {"secret", "N", SECRET},
    };

    /** The keyword that the chars [from, to) of {@code s} are, by their ASCII-lowercase ending; or null. */
    private static Keyword keyword(String s, int from, int to) {
        int len = to - from;
        if (len < 3 || len > MAX_KEY_LENGTH) {
            return null;
        }
        for (String[] suffix : SUFFIXES) {
            String w = suffix[0];
            if (len < w.length()) {
                continue;
            }
            int at = to - w.length();
            if (matchesAt(s, at, to, w)) {
                Family f = suffix[1].equals("P") ? Family.PASSWORD : suffix[1].equals("K") ? Family.KEY : Family.NAMED;
                return new Keyword(f, suffix[2]);
            }
        }
        return null;
    }

    static boolean isTrivia(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean isWordStart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isWordPart(char c) {
        return c == '$' || isWordStart(c);
    }

    /** One pass over one text; nested texts (literal contents, comments) get a pass of their own. */
    private static final class Pass {
        private final String s;
        private final int n;
        private final Set<String> found;
        private final int depth;
        private StringBuilder out;
        /** s[0, copied) is accounted for in {@link #out}. */
        private int copied;

        // the last quoted token read by quoted(): where its content starts and ends, and where it ends
        private int contentStart;
        private int contentEnd;
        private int tokenEnd;
        private char quoteChar;

        Pass(String s, Set<String> found, int depth) {
            this.s = s;
            this.n = s.length();
            this.found = found;
            this.depth = depth;
        }

        String run() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (quoted(i)) {
                    int start = contentStart;
                    int end = contentEnd;
                    int after = tokenEnd;
                    char q = quoteChar;
                    Keyword k = q == '\'' || q == '"' || q == E_STRING ? keyword(s, start, end) : null;
                    if (k != null && end - start == after - i - 2) {
                        int next = value(after, k, true);
                        if (next >= 0) {
                            i = next;
                            continue;
                        }
                    }
                    nested(start, end, q);
                    i = after;
                } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    i = comment(i);
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    i = comment(i);
                } else if (isWordStart(c)) {
                    int end = i + 1;
                    while (end < n && isWordPart(s.charAt(end))) {
                        end++;
                    }
                    // after ':' a word is an ARN's segment (arn:aws:secretsmanager:...:secret:name), an identifier
                    Keyword k = i > 0 && s.charAt(i - 1) == ':' ? null : keyword(s, i, end);
                    i = k == null ? end : Math.max(end, value(end, k, false));
                } else if (c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                    i = userInfo(i + 3);
                } else {
                    i++;
                }
            }
            if (out == null) {
                return s;
            }
            out.append(s, copied, n);
            return out.toString();
        }

        /**
         * Reads a quoted token at {@code i} into the fields, or returns false: {@code '...'} and {@code "..."} with
         * doubled quotes, {@code E'...'} with backslash escapes, {@code $tag$...$tag$}. An unterminated one runs to
         * the end of the text.
         */
        private boolean quoted(int i) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                // JSON escapes its quotes with a backslash; SQL's identifiers have none, but reading one as an
                // escape only makes a token longer, and its text is read again as nested text
                scanQuoted(i, c, c == '"');
                return true;
            }
            if ((c == 'e' || c == 'E')
                    && i + 1 < n
                    && s.charAt(i + 1) == '\''
                    && (i == 0 || !isWordPart(s.charAt(i - 1)))) {
                scanQuoted(i + 1, '\'', true);
                quoteChar = E_STRING;
                return true;
            }
            if (c == '$' && (i == 0 || !isWordPart(s.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && j - i <= MAX_KEY_LENGTH && (s.charAt(j) == '_' || Character.isLetter(s.charAt(j)))) {
                    j++;
                }
                if (j < n && s.charAt(j) == '$') {
                    String tag = s.substring(i, j + 1);
                    int close = s.indexOf(tag, j + 1);
                    quoteChar = '$';
                    contentStart = j + 1;
                    contentEnd = close < 0 ? n : close;
                    tokenEnd = close < 0 ? n : close + tag.length();
                    return true;
                }
            }
            return false;
        }

        private void scanQuoted(int open, char q, boolean backslash) {
            quoteChar = q;
            contentStart = open + 1;
            int j = open + 1;
            while (j < n) {
                char ch = s.charAt(j);
                if (backslash && ch == '\\') {
                    j += 2;
                } else if (ch == q) {
                    if (j + 1 < n && s.charAt(j + 1) == q) {
                        j += 2;
                    } else {
                        contentEnd = j;
                        tokenEnd = j + 1;
                        return;
                    }
                } else {
                    j++;
                }
            }
            contentEnd = n;
            tokenEnd = n;
        }

        /** A comment at {@code i}: its text read as nested text; returns where it ends. */
        private int comment(int i) {
            if (s.charAt(i) == '-') {
                int end = i + 2;
                while (end < n && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                    end++;
                }
                nested(i + 2, end, '-');
                return end;
            }
            int level = 1;
            int j = i + 2;
            while (j < n && level > 0) {
                if (s.charAt(j) == '/' && j + 1 < n && s.charAt(j + 1) == '*') {
                    level++;
                    j += 2;
                } else if (s.charAt(j) == '*' && j + 1 < n && s.charAt(j + 1) == '/') {
                    level--;
                    j += 2;
                } else {
                    j++;
                }
            }
            nested(i + 2, level == 0 ? j - 2 : n, '/');
            return j;
        }

        /** Whitespace and comments from {@code i} on (comments read as nested text); returns the next token. */
        private int skipTrivia(int i) {
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                if (isTrivia(c)) {
                    j++;
                } else if ((c == '-' || c == '/') && j + 1 < n && s.charAt(j + 1) == (c == '-' ? '-' : '*')) {
                    j = comment(j);
                } else {
                    break;
                }
            }
            return j;
        }

        /**
         * After a keyword ending at {@code after}: finds its value and replaces it. Returns where reading goes on:
         * after the value, or at the first token that is no value; -1 when a quoted key has no separator (then it
         * is an ordinary literal).
         */
        private int value(int after, Keyword k, boolean quotedKey) {
            if (quotedKey && !separatorFollows(after)) {
                return -1;
            }
            int j = skipTrivia(after);
            if (!quotedKey
                    && k.family() == Family.KEY
                    && j + 2 <= n
                    && matchesAt(s, j, n, "as")
                    && (j + 2 == n || !isWordPart(s.charAt(j + 2)))) {
                j = skipTrivia(j + 2);
            }
            boolean separator = false;
            boolean adjacent = false;
            if (j < n && (s.charAt(j) == '=' || s.charAt(j) == ':')) {
                separator = true;
                adjacent = j == after;
                j++;
                if (j < n && s.charAt(j) == '=') {
                    j++; // := and ==
                }
                adjacent &= j < n && !isTrivia(s.charAt(j));
                j = skipTrivia(j);
            }
            if (quotedKey && !separator) {
                return -1;
            }
            if (j >= n) {
                return j;
            }
            if (quoted(j)) {
                int start = contentStart;
                int end = contentEnd;
                int tokenAfter = tokenEnd;
                if (keyword(s, start, end) != null && separatorFollows(tokenAfter)) {
                    return j; // a quoted key of its own ({@code pwd 'SecretAccessKey': '...'}): read from there
                }
                replace(start, end, k);
                return tokenAfter;
            }
            if (s.charAt(j) == '{' && separator) {
                int close = s.indexOf('}', j + 1);
                int end = close < 0 ? n : close;
                replace(j + 1, end, k);
                return close < 0 ? n : close + 1;
            }
            if (!separator && !k.family().bareWithoutSeparator) {
                return j;
            }
            int end = j;
            while (end < n && !stopsBare(s.charAt(end), adjacent)) {
                end++;
            }
            if (end == j) {
                return j;
            }
            if (!separator && !couldBeSecret(j, end)) {
                return j;
            }
            int word = j;
            while (word < end && isWordPart(s.charAt(word))) {
                word++;
            }
            Keyword inner = keyword(s, j, word);
            if (inner != null && hasValue(inner, word)) {
                return j; // a keyword with a value of its own ({@code secret = password 'x'}): read from there
            }
            replace(j, end, k);
            return end;
        }

        /**
         * Whether keyword {@code k} ending at {@code after} has a value of its own: a quote, ':' or '=' follows, past
         * whitespace and comments (only looked at, not read), or for a keyword that takes a bare value, any token.
         */
        private boolean hasValue(Keyword k, int after) {
            int j = nextToken(after);
            if (j >= n) {
                return false;
            }
            char c = s.charAt(j);
            return c == '\''
                    || c == '"'
                    || c == ':'
                    || c == '='
                    || (k.family().bareWithoutSeparator && !stopsBare(c, false));
        }

        /** Where the next token after {@code after} starts, past whitespace and comments, without reading them. */
        private int nextToken(int after) {
            int j = after;
            while (j < n) {
                char c = s.charAt(j);
                if (isTrivia(c)) {
                    j++;
                } else if (c == '-' && j + 1 < n && s.charAt(j + 1) == '-') {
                    while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                        j++;
                    }
                } else if (c == '/' && j + 1 < n && s.charAt(j + 1) == '*') {
                    int close = s.indexOf("*/", j + 2);
                    j = close < 0 ? n : close + 2;
                } else {
                    break;
                }
            }
            return j;
        }

        /** Whether ':' or '=' follows {@code after}, past whitespace only (a quoted key's test). */
        private boolean separatorFollows(int after) {
            int j = after;
            while (j < n && isTrivia(s.charAt(j))) {
                j++;
            }
            return j < n && (s.charAt(j) == ':' || s.charAt(j) == '=');
        }

        /** Where a bare value ends: at a delimiter; also at whitespace unless it was written {@code key=value}. */
        private static boolean stopsBare(char c, boolean adjacent) {
            if (c == ';' || c == '&' || c == '\'' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
            return !adjacent && (isTrivia(c) || c == ',' || c == ')' || c == '(');
        }

        /** A bare value with no separator before it counts when it cannot be an SQL word. */
        private boolean couldBeSecret(int from, int to) {
            if (to - from >= 13) {
                return true;
            }
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (!(c == '_' || Character.isLetter(c))) {
                    return true;
                }
            }
            return false;
        }

        /** The password of {@code scheme://user:password@host}, the authority starting at {@code from}. */
        private int userInfo(int from) {
            int end = from;
            while (end < n) {
                char c = s.charAt(end);
                if (c == '/' || c == '?' || c == '#' || c == '\'' || c == '"' || c == ';' || isTrivia(c)) {
                    break;
                }
                end++;
            }
            int at = s.lastIndexOf('@', end - 1);
            if (at < from) {
                return from;
            }
            int colon = s.indexOf(':', from);
            if (colon < 0 || colon >= at) {
                return from;
            }
            replace(colon + 1, at, new Keyword(Family.PASSWORD, PASSWORD));
            return at;
        }

        /** Replaces s[from, to) by the marker of its kind, unless it is masked, empty or a marker already. */
        private void replace(int from, int to, Keyword k) {
            if (to <= from || isMasked(from, to) || s.startsWith(MARKER_PREFIX, from)) {
                return;
            }
            String kind = k.family() == Family.PASSWORD && isHash(from, to) ? PASSWORD_HASH : k.kind();
            found.add(kind);
            emit(from, to, marker(kind));
        }

        private boolean isMasked(int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) != '*') {
                    return s.regionMatches(from, "HIDDEN_DUE_TO_SECURITY_REASONS", 0, to - from)
                            && to - from == "HIDDEN_DUE_TO_SECURITY_REASONS".length();
                }
            }
            return true;
        }

        /** {@code md5} and 32 hex digits, or {@code sha256|...}: a hash Redshift takes in place of a password. */
        private boolean isHash(int from, int to) {
            if (to - from == 35 && matchesAt(s, from, to, "md5")) {
                for (int i = from + 3; i < to; i++) {
                    if (Character.digit(s.charAt(i), 16) < 0) {
                        return false;
                    }
                }
                return true;
            }
            return matchesAt(s, from, to, "sha256|");
        }

        /**
         * The text s[from, to) inside a literal, identifier or comment, read as text of its own; replaced when that
         * pass changes it, escaped again for its quotes.
         */
        private void nested(int from, int to, char quote) {
            if (to <= from || from < copied) {
                return;
            }
            String raw = s.substring(from, to);
            boolean json = quote == '"' && raw.indexOf('\\') >= 0 && raw.indexOf("\"\"") < 0;
            String inner = quote == E_STRING
                    ? undouble(unescapeJson(raw), '\'')
                    : json ? unescapeJson(raw) : quote == '\'' || quote == '"' ? undouble(raw, quote) : raw;
            if (!mayContainSecret(inner)) {
                return;
            }
            String redacted;
            if (depth + 1 >= MAX_DEPTH) {
                found.add(SECRET);
                redacted = marker(SECRET);
            } else {
                redacted = new Pass(inner, found, depth + 1).run();
            }
            if (redacted == inner) {
                return;
            }
            emit(
                    from,
                    to,
                    quote == E_STRING
                            ? escapeE(redacted)
                            : json
                                    ? escapeJson(redacted)
                                    : quote == '\'' || quote == '"' ? redouble(redacted, quote) : redacted);
        }

        private void emit(int from, int to, String replacement) {
            if (from < copied) {
                return; // already replaced as part of an enclosing value
            }
            if (out == null) {
                out = new StringBuilder(n + 32);
            }
            out.append(s, copied, from).append(replacement);
            copied = to;
        }
    }

    /** A JSON string's text with its escapes read; an escape it does not know is kept as written. */
    static String unescapeJson(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                b.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    int code = i + 4 < raw.length() ? parseHex(raw, i + 1, i + 5) : -1;
                    if (code < 0) {
                        b.append('\\').append(e);
                    } else {
                        b.append((char) code);
                        i += 4;
                    }
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private static int parseHex(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Text as the inside of a JSON string. */
    static String escapeJson(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Text as the inside of an {@code E'...'} literal: backslashes and quotes escaped with a backslash. */
    private static String escapeE(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static String undouble(String raw, char q) {
        String two = String.valueOf(q) + q;
        return raw.indexOf(two) < 0 ? raw : raw.replace(two, String.valueOf(q));
    }

    private static String redouble(String text, char q) {
        return text.indexOf(q) < 0 ? text : text.replace(String.valueOf(q), String.valueOf(q) + q);
    }
}
