package io.rsaudit.core.hunt.read;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The raw fields of one record: the format's names (one array shared by every record of the format) and this
 * record's values, {@code null} for absent. Unmodifiable (AbstractMap refuses {@code put}; the iterator refuses
 * {@code remove}); one small object per record instead of a hash map.
 *
 * <p>A '|'-delimited line's map may hold the line's bytes instead of decoded values ({@link #lazy}): most fields of
 * most records are never asked for, and decoding them all was the largest cost of reading a connection log. A value
 * is then decoded when first asked for and kept; that may happen on any thread, so the bytes are never changed
 * after construction and a value decoded twice by a race is the same string.
 */
final class FieldMap extends AbstractMap<String, String> {

    private final String[] names;
    private final String[] values;
    /**
     * The line, its fields separated by '|' and padded with spaces; {@code null} when every value is decoded. Where
     * a field starts is found again when its value is first asked for (a scan of the bytes before it), rather than
     * kept for every record: most fields of most records are never asked for.
     */
    private final byte[] line;

    private final int count;
    private final boolean ascii;

    FieldMap(String[] names, String[] values) {
        this(names, values, null, 0, true);
    }

    private FieldMap(String[] names, String[] values, byte[] line, int count, boolean ascii) {
        this.names = names;
        this.values = values;
        this.line = line;
        this.count = count;
        this.ascii = ascii;
    }

    /**
     * The map of a '|'-delimited line whose first {@code count} fields are present: {@code line} (a copy, kept as
     * given) holds the line alone; {@code values} may hold some values decoded already, the rest {@code null}.
     */
    static FieldMap lazy(String[] names, String[] values, byte[] line, int count, boolean ascii) {
        return new FieldMap(names, values, line, count, ascii);
    }

    /** The value of field {@code i}. */
    String value(int i) {
        String v = values[i];
        if (v == null && line != null && i < count) {
            int start = 0;
            for (int k = 0; k < i; k++) {
                start = Text.indexOfByte(line, start, line.length, (byte) '|') + 1;
            }
            int end = Text.indexOfByte(line, start, line.length, (byte) '|');
            end = end < 0 ? line.length : end;
            start = Text.trimStart(line, start, end);
            v = Text.decode(line, start, Text.trimEnd(line, start, end), ascii);
            values[i] = v;
        }
        return v;
    }

    private boolean present(int i) {
        return line != null ? i < count : values[i] != null;
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == key) {
                return value(i);
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return value(i);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (int i = 0; i < names.length; i++) {
            if (present(i)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return FieldMap.this.size();
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < names.length && !present(i)) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = Map.entry(names[next], value(next));
                        next = advance(next + 1);
                        return e;
                    }
                };
            }
        };
    }
}
