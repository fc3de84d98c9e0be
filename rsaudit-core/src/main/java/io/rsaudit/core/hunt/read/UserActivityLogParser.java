package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The user activity log: a record starts only at a line
 * {@code '2023-06-26T18:02:47Z UTC [ db=dev user=awsuser pid=26189 userid=100 xid=712798 ]' LOG: <sql>}; the lines
 * after it up to the next such line are the rest of its SQL. Lines before the first header are reported as one
 * problem. A record longer than the maximum record size stops being held at the maximum and is reported.
 */
final class UserActivityLogParser implements LineReader.Lines {

    static final String[] NAMES = {"db", "user", "pid", "userid", "xid", "redactions"};
    /** Values that repeat go through the cache; pid and xid change with nearly every record and would evict them. */
    private static final boolean[] CACHED = {true, true, false, true, false};

    private static final byte[] UTC = " UTC [".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOG = "]' LOG:".getBytes(StandardCharsets.US_ASCII);

    /** Batches start at a record header. */
    static final LineBatches.Format FORMAT =
            new LineBatches.Format(UserActivityLogParser::new, UserActivityLogParser::isHeader);

    private final FileRead file;
    private final Text.Cache cache = Text.Cache.forThread(Text.Cache.Role.ACTIVITY);
    private final LogTimes.IsoDates dates = new LogTimes.IsoDates();

    // the record being read
    private long headerLine;
    private long lastLine;
    private long millis;
    private String[] values;
    private String problem;
    private ReadProblem.Kind problemKind;
    private byte[] sql = new byte[4096];
    private int sqlLength;
    private long recordBytes;

    UserActivityLogParser(FileRead file) {
        this.file = file;
    }

    /** The header test of the format: the quote, the timestamp's shape, then {@code " UTC ["}. */
    static boolean isHeader(byte[] b, int from, int to) {
        return to - from >= 27
                && b[from] == '\''
                && isDigit(b[from + 1])
                && isDigit(b[from + 4])
                && b[from + 5] == '-'
                && b[from + 8] == '-'
                && b[from + 11] == 'T'
                && b[from + 14] == ':'
                && b[from + 17] == ':'
                && b[from + 20] == 'Z'
                && Arrays.equals(b, from + 21, from + 27, UTC, 0, 6);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public void line(byte[] b, int from, int to, long lineNo) {
        if (isHeader(b, from, to)) {
            flush();
            start(b, from, to, lineNo);
        } else if (headerLine > 0) {
            lastLine = lineNo;
            append((byte) '\n');
            append(b, from, to);
        } else if (!Text.isBlank(b, from, to)) {
            file.orphan(lineNo);
        }
    }

    @Override
    public void oversized(byte[] b, int from, int to, long lineNo, long length) {
        if (isHeader(b, from, to)) {
            flush();
            headerLine = lineNo;
            lastLine = lineNo;
            sqlLength = 0;
            values = null;
            problem = null;
        } else if (headerLine == 0) {
            file.orphan(lineNo);
            return;
        }
        lastLine = lineNo;
        recordBytes += length;
        if (problem == null) {
            problemKind = ReadProblem.Kind.OVERSIZED;
            problem = "";
        }
    }

    @Override
    public void end(long lastLineNo) {
        flush();
    }

    private void start(byte[] b, int from, int to, long lineNo) {
        headerLine = lineNo;
        lastLine = lineNo;
        sqlLength = 0;
        recordBytes = to - from;
        problem = null;
        values = null;
        millis = dates.parse(b, from + 1, to);
        if (millis == LogTimes.INVALID) {
            problemKind = ReadProblem.Kind.MALFORMED;
            problem = "bad timestamp '" + DelimitedLine.show(b, from + 1, from + 21)
                    + "': expected like '2023-06-26T18:02:47Z'";
            return;
        }
        int close = indexOf(b, from + 27, to, LOG);
        if (close < 0) {
            problemKind = ReadProblem.Kind.MALFORMED;
            problem = "record header without its closing \"]' LOG:\"";
            return;
        }
        values = new String[NAMES.length];
        // the timestamp's bytes are digits and fixed ASCII (LogTimes.iso checked them), so only the tokens can
        // hold a byte over 0x7f
        boolean ascii = Text.isAscii(b, from + 27, close);
        int i = from + 27;
        while (i < close) {
            while (i < close && b[i] == ' ') {
                i++;
            }
            // one pass over the token for its end and its first '='
            int eq = -1;
            int tokenEnd = i;
            for (; tokenEnd < close; tokenEnd++) {
                byte c = b[tokenEnd];
                if (c == ' ') {
                    break;
                }
                if (c == '=' && eq < 0) {
                    eq = tokenEnd;
                }
            }
            if (eq > i) {
                int key = key(b, i, eq);
                if (key >= 0) {
                    values[key] = ascii && CACHED[key]
                            ? cache.get(b, eq + 1, tokenEnd)
                            : Text.decode(b, eq + 1, tokenEnd, ascii);
                }
            }
            i = tokenEnd;
        }
        int sqlStart = close + LOG.length;
        if (sqlStart < to && b[sqlStart] == ' ') {
            sqlStart++;
        }
        append(b, sqlStart, to);
    }

    /** The index in {@link #NAMES} of the key {@code b[from, to)}, or -1: by its length, then its bytes. */
    private static int key(byte[] b, int from, int to) {
        return switch (to - from) {
            case 2 -> b[from] == 'd' && b[from + 1] == 'b' ? 0 : -1;
            case 3 -> b[from + 1] == 'i' && b[from + 2] == 'd' ? (b[from] == 'p' ? 2 : b[from] == 'x' ? 4 : -1) : -1;
            case 4 -> b[from] == 'u' && b[from + 1] == 's' && b[from + 2] == 'e' && b[from + 3] == 'r' ? 1 : -1;
            case 6 ->
                b[from] == 'u'
                                && b[from + 1] == 's'
                                && b[from + 2] == 'e'
                                && b[from + 3] == 'r'
                                && b[from + 4] == 'i'
                                && b[from + 5] == 'd'
                        ? 3
                        : -1;
            default -> -1;
        };
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        for (int i = Text.indexOfByte(b, from, to, what[0]);
                i >= 0 && i + what.length <= to;
                i = Text.indexOfByte(b, i + 1, to, what[0])) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private void append(byte c) {
        recordBytes++;
        if (problem == null && ensure(1)) {
            sql[sqlLength++] = c;
        }
    }

    private void append(byte[] b, int from, int to) {
        recordBytes += to - from;
        if (problem == null && ensure(to - from)) {
            System.arraycopy(b, from, sql, sqlLength, to - from);
            sqlLength += to - from;
        }
    }

    /** Room for n more bytes, or false (and the record marked oversized) past the maximum record size. */
    private boolean ensure(int n) {
        long need = (long) sqlLength + n;
        if (need > file.options.maxRecordBytes()) {
            problemKind = ReadProblem.Kind.OVERSIZED;
            problem = "";
            sql = new byte[4096];
            sqlLength = 0;
            return false;
        }
        if (need > sql.length) {
            sql = Arrays.copyOf(sql, (int) Math.min(file.options.maxRecordBytes(), Math.max(need, sql.length * 2L)));
        }
        return true;
    }

    private void flush() {
        if (headerLine == 0) {
            return;
        }
        long line = headerLine;
        headerLine = 0;
        if (problem != null) {
            String message = problemKind == ReadProblem.Kind.OVERSIZED
                    ? "a record of " + recordBytes + " bytes (lines " + line + "-" + lastLine + ") is longer than the"
                            + " maximum record size (" + file.options.maxRecordBytes() + "); skipped"
                    : problem + (lastLine > line ? " (record of lines " + line + "-" + lastLine + " skipped)" : "");
            file.malformed(line, problemKind, message);
            return;
        }
        if (!file.inWindow(millis)) {
            return;
        }
        int end = sqlLength;
        while (end > 0
                && (sql[end - 1] == ' ' || sql[end - 1] == '\n' || sql[end - 1] == '\r' || sql[end - 1] == '\t')) {
            end--;
        }
        int scan = SecretScan.scanSql(sql, 0, end);
        boolean ascii = (scan & SecretScan.NON_ASCII) == 0;
        if (!ascii && !Text.isValidUtf8(sql, 0, end)) {
            file.invalidUtf8(line);
        }
        String text = Text.decode(sql, 0, end, ascii);
        // a big record's bytes are let go before the redactor copies its text, not after
        if (sql.length > 1 << 20) {
            sql = new byte[4096];
        }
        if ((scan & SecretScan.MAY_HOLD_SECRET) != 0) {
            Set<String> found = new LinkedHashSet<>(2);
            text = Redactor.redact(text, found);
            values[NAMES.length - 1] = Redactor.kinds(found);
        }
        file.offer(new Event(
                LogType.USER_ACTIVITY_LOG,
                Instant.ofEpochMilli(millis),
                file.account,
                file.region,
                file.cluster,
                DelimitedLine.emptyToNull(values[0]),
                DelimitedLine.emptyToNull(values[1]),
                null,
                verb(text),
                text,
                EventOutcome.UNKNOWN,
                null,
                new FieldMap(NAMES, values),
                file.origin(line)));
    }

    /** The statement's first keyword in lower case ({@code select}, {@code grant}...), or {@code null}. */
    static String verb(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        int start = i;
        boolean ascii = true;
        for (char c; i < n && Character.isLetter(c = sql.charAt(i)); i++) {
            ascii &= c < 128;
        }
        if (i == start) {
            return null;
        }
        for (int k = 0; ascii && k < COMMON_VERBS.length; k++) {
            String v = COMMON_VERBS[k];
            if (v.length() == i - start && sql.regionMatches(true, start, v, 0, v.length())) {
                return v;
            }
        }
        return sql.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /**
     * The first keywords of most statements, in lower case, most frequent first: {@link #verb} returns these without
     * making two strings per statement; only for a word of ASCII letters, which compare ignoring case as lower-casing
     * would (outside ASCII, {@code regionMatches} folds letters that lower-casing keeps apart: U+017F and s).
     */
    private static final String[] COMMON_VERBS = {
        "select",
        "with",
        "insert",
        "copy",
        "unload",
        "update",
        "delete",
        "set",
        "show",
        "begin",
        "commit",
        "create",
        "drop",
        "alter",
        "grant",
        "revoke",
        "analyze",
        "vacuum",
        "truncate",
        "call",
        "fetch",
        "close",
        "rollback",
        "end",
        "explain"
    };
}
