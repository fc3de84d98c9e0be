package io.rsaudit.core.hunt.read;

import io.rsaudit.core.redact.Redactor;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The shared half of the two '|'-delimited logs (connection and user log): splitting a line into trimmed fields on
 * bytes, telling malformed lines, decoding values through a cache, and redacting. One instance per file.
 */
final class DelimitedLine {

    private final FileRead file;
    private final String[] names;
    private final int minFields;
    private final int maxFields;
    private final boolean[] eager;
    /** The indexes of the eager fields, in order. */
    private final int[] eagerFields;
    /** The split finds where these first fields are; past them it only counts delimiters (see {@link #split}). */
    private final int positioned;

    private final Text.Cache cache = Text.Cache.forThread(Text.Cache.Role.FIELDS);
    private final LogTimes.RedshiftDates dates = new LogTimes.RedshiftDates();
    /** bounds[2i], bounds[2i+1]: field i of the line just split, spaces not trimmed. */
    private final int[] bounds;
    /** The delimiters' positions, with room for the split's stores past the last one. */
    private final int[] delims;

    private byte[] line;
    int count;
    boolean ascii;

    /** Byte classes of the split's pass over the bytes after the last whole word: the delimiter and non-ASCII. */
    private static final byte DELIMITER = 1;

    private static final byte NON_ASCII = 2;
    private static final byte[] CLASS = new byte[256];
    private static final long PIPE_WORD = Text.spread('|');

    static {
        CLASS['|'] = DELIMITER;
        for (int c = 0x80; c < 0x100; c++) {
            CLASS[c] = NON_ASCII;
        }
    }

    /**
     * @param names       the format's field names, then {@code redactions}
     * @param eager       the fields the parser reads for every event: decoded at once, through a cache of repeated
     *                    values
     * @param positioned  how many leading fields the parser reads by {@link #start}, {@link #end} or as eager ones
     */
    DelimitedLine(FileRead file, String[] names, int minFields, boolean[] eager, int positioned) {
        this.file = file;
        this.names = names;
        this.minFields = minFields;
        this.maxFields = names.length - 1;
        this.eager = eager;
        this.eagerFields = java.util.stream.IntStream.range(0, eager.length)
                .filter(f -> eager[f])
                .toArray();
        for (int f = positioned; f < eager.length; f++) {
            if (eager[f]) {
                throw new IllegalArgumentException("eager field " + f + " is past the positioned ones");
            }
        }
        this.positioned = positioned;
        this.bounds = new int[2 * (maxFields + 1)];
        this.delims = new int[maxFields + 1 + 8];
    }

    /**
     * Splits the line; false (with the problem reported) when its field count is wrong. A trailing empty field
     * after a final '|' is tolerated. Past the {@link #positioned} fields, delimiters are only counted: the rest of
     * a connection log line is more than half its bytes, and its fields are found again only when asked for
     * ({@link FieldMap#lazy}) or when the line may hold a secret.
     */
    boolean split(byte[] b, int from, int to, long lineNo) {
        int d = 0;
        long highs = 0;
        int i = from;
        // Eight bytes at a time, without a branch that depends on where the delimiters fall (those mispredicted on
        // nearly every word): a word's first four delimiters are stored unconditionally (past the last one, the
        // stores are overwritten by the next word's) and the count moves on by how many there were.
        for (; i + 8 <= to && d < positioned; i += 8) {
            long v = Text.word(b, i);
            highs |= v;
            long m = Text.exactZeros(v ^ PIPE_WORD);
            int c = Long.bitCount(m);
            delims[d] = i + Text.firstByte(m);
            m &= m - 1;
            delims[d + 1] = i + Text.firstByte(m);
            m &= m - 1;
            delims[d + 2] = i + Text.firstByte(m);
            m &= m - 1;
            delims[d + 3] = i + Text.firstByte(m);
            m &= m - 1;
            for (int k = d + 4; m != 0; k++, m &= m - 1) {
                delims[k] = i + Text.firstByte(m);
            }
            d += c;
        }
        for (; i + 8 <= to && d <= maxFields; i += 8) {
            long v = Text.word(b, i);
            highs |= v;
            d += Long.bitCount(Text.exactZeros(v ^ PIPE_WORD));
        }
        boolean nonAscii = Text.hasHighBit(highs);
        for (; i < to && d <= maxFields; i++) {
            byte k = CLASS[b[i] & 0xff];
            if (k != 0) {
                switch (k) {
                    case DELIMITER -> delims[d++] = i;
                    default -> nonAscii = true;
                }
            }
        }
        int n = d + 1;
        if (n == maxFields + 1 && Text.isBlank(b, Text.lastIndexOf(b, from, to, (byte) '|') + 1, to)) {
            n--;
        }
        if (n < minFields || n > maxFields) {
            String what = n > maxFields ? "more than " + maxFields : String.valueOf(n);
            file.malformed(
                    lineNo,
                    ReadProblem.Kind.MALFORMED,
                    "expected " + (minFields == maxFields ? "" : minFields + " to ") + maxFields
                            + " '|'-separated fields of a " + file.type.fileName()
                            + ", found " + what);
            return false;
        }
        line = b;
        count = n;
        position(from, to, Math.min(positioned, n));
        ascii = !nonAscii;
        if (!ascii && !Text.isValidUtf8(b, from, to)) {
            file.invalidUtf8(lineNo);
        }
        return true;
    }

    /**
     * Sets the bounds of the first {@code fields} fields of the line just split, from the delimiters the split
     * stored, or found again here past those.
     */
    private void position(int from, int to, int fields) {
        int have = Math.min(fields, positioned);
        bounds[0] = from;
        int at = from;
        for (int f = 0; f < fields; f++) {
            int end = f < have && f < count - 1
                    ? delims[f]
                    : f < count - 1 ? Text.indexOfByte(line, at, to, (byte) '|') : lastFieldEnd(at, to);
            bounds[2 * f] = at;
            bounds[2 * f + 1] = end;
            at = end + 1;
        }
    }

    /** The end of the last field: the line's end, or a trailing '|' before blanks (see {@link #split}). */
    private int lastFieldEnd(int at, int to) {
        int bar = Text.indexOfByte(line, at, to, (byte) '|');
        return bar < 0 ? to : bar;
    }

    /** Where field {@code field} of the line just split starts, spaces trimmed. */
    int start(int field) {
        return Text.trimStart(line, bounds[2 * field], bounds[2 * field + 1]);
    }

    /** Where field {@code field} of the line just split ends, spaces trimmed. */
    int end(int field) {
        return Text.trimEnd(line, start(field), bounds[2 * field + 1]);
    }

    /**
     * The fields of the line just split. Those the parser reads are decoded now, the rest when asked for (see
     * {@link FieldMap#lazy}); a line that may hold a secret has every field decoded and redacted now, and the kinds
     * removed in {@code redactions}.
     */
    FieldMap fields(byte[] b, int from, int to) {
        String[] values = new String[names.length];
        if (mayHoldSecret(b, from, to)) {
            position(from, to, count);
            Set<String> found = new LinkedHashSet<>();
            for (int f = 0; f < count; f++) {
                values[f] = Redactor.redact(decode(b, f), found);
            }
            values[names.length - 1] = Redactor.kinds(found);
            return new FieldMap(names, values);
        }
        for (int f : eagerFields) {
            if (f < count) {
                values[f] = decode(b, f);
            }
        }
        return FieldMap.lazy(names, values, Arrays.copyOfRange(b, from, to), count, ascii);
    }

    /** Whether the line just split may hold a secret: {@link SecretScan#mayContainSecret(byte[], int, int)}. */
    boolean mayHoldSecret(byte[] b, int from, int to) {
        return SecretScan.mayContainSecret(b, from, to);
    }

    private String decode(byte[] b, int f) {
        int start = start(f);
        int end = Text.trimEnd(line, start, bounds[2 * f + 1]);
        return ascii && eager[f] ? cache.get(b, start, end) : Text.decode(b, start, end, ascii);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The value as text for a message, cut short. */
    static String show(byte[] b, int from, int to) {
        return Text.decode(b, from, Math.min(to, from + 80), false) + (to - from > 80 ? "..." : "");
    }

    /**
     * The record time in field {@code index} of the split line, in epoch millis; {@link LogTimes#INVALID} after
     * reporting the line as malformed.
     */
    long recordTime(byte[] b, int index, long lineNo) {
        int start = start(index);
        long millis = dates.parse(b, start, Text.trimEnd(line, start, bounds[2 * index + 1]));
        if (millis == LogTimes.INVALID) {
            file.malformed(
                    lineNo,
                    ReadProblem.Kind.MALFORMED,
                    "bad recordtime '" + show(b, start(index), end(index))
                            + "': expected like 'Mon, 7 Dec 2020 20:01:55:177'");
        }
        return millis;
    }

    /** Reports a line longer than the maximum record size, which the line reader skips. */
    void oversized(long lineNo, long length) {
        file.malformed(
                lineNo,
                ReadProblem.Kind.OVERSIZED,
                "a line of " + length + " bytes is longer than the maximum" + " record size ("
                        + file.options.maxRecordBytes() + "); skipped");
    }
}
