package io.rsaudit.core.hunt.read;

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
    private final Text.Cache cache = new Text.Cache();
    /** bounds[2i], bounds[2i+1]: field i, spaces trimmed. */
    final int[] bounds;
    int count;
    boolean ascii;

    /**
     * @param names  the format's field names, then {@code redactions}
     * @param eager  the fields the parser reads for every event: decoded at once, through a cache of repeated values
     */
    DelimitedLine(FileRead file, String[] names, int minFields, boolean[] eager) {
        this.file = file;
        this.names = names;
        this.minFields = minFields;
        this.maxFields = names.length - 1;
        this.eager = eager;
        this.bounds = new int[2 * (maxFields + 1)];
    }

    /**
     * Splits the line; false (with the problem reported) when its field count is wrong. A trailing empty field
     * after a final '|' is tolerated.
     */
    boolean split(byte[] b, int from, int to, long lineNo) {
        int n = 0;
        int acc = 0;
        int fieldStart = from;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            acc |= c;
            if (c == '|') {
                if (n > maxFields) {
                    break;
                }
                bounds[2 * n] = fieldStart;
                bounds[2 * n + 1] = i;
                n++;
                fieldStart = i + 1;
            }
        }
        if (n <= maxFields) {
            bounds[2 * n] = fieldStart;
            bounds[2 * n + 1] = to;
            n++;
            if (n == maxFields + 1 && Text.isBlank(b, fieldStart, to)) {
                n--;
            }
        }
        if (n < minFields || n > maxFields) {
            String what = n > maxFields ? "more than " + maxFields : String.valueOf(n);
            file.malformed(lineNo, ReadProblem.Kind.MALFORMED, "expected " + (minFields == maxFields ? ""
                    : minFields + " to ") + maxFields + " '|'-separated fields of a " + file.type.fileName()
                    + ", found " + what);
            return false;
        }
        count = n;
        ascii = acc >= 0;
        if (!ascii && !Text.isValidUtf8(b, from, to)) {
            file.invalidUtf8(lineNo);
        }
        for (int f = 0; f < n; f++) {
            int s = Text.trimStart(b, bounds[2 * f], bounds[2 * f + 1]);
            bounds[2 * f + 1] = Text.trimEnd(b, s, bounds[2 * f + 1]);
            bounds[2 * f] = s;
        }
        return true;
    }

    int start(int field) {
        return bounds[2 * field];
    }

    int end(int field) {
        return bounds[2 * field + 1];
    }

    /**
     * The fields of the line just split. Those the parser reads are decoded now, the rest when asked for (see
     * {@link FieldMap#lazy}); a line that may hold a secret has every field decoded and redacted now, and the kinds
     * removed in {@code redactions}.
     */
    FieldMap fields(byte[] b, int from, int to) {
        String[] values = new String[names.length];
        if (Redactor.mayContainSecret(b, from, to)) {
            Set<String> found = new LinkedHashSet<>();
            for (int f = 0; f < count; f++) {
                values[f] = Redactor.redact(decode(b, f), found);
            }
            values[names.length - 1] = Redactor.kinds(found);
            return new FieldMap(names, values);
        }
        int[] relative = new int[2 * count];
        for (int f = 0; f < count; f++) {
            if (eager[f]) {
                values[f] = decode(b, f);
            }
            relative[2 * f] = start(f) - from;
            relative[2 * f + 1] = end(f) - from;
        }
        return FieldMap.lazy(names, values, Arrays.copyOfRange(b, from, to), relative, count, ascii);
    }

    private String decode(byte[] b, int f) {
        return ascii && eager[f] ? cache.get(b, start(f), end(f)) : Text.decode(b, start(f), end(f), ascii);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The value as text for a message, cut short. */
    static String show(byte[] b, int from, int to) {
        return Text.decode(b, from, Math.min(to, from + 80), false) + (to - from > 80 ? "..." : "");
    }
}
