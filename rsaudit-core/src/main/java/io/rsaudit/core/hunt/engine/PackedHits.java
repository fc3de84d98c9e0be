package io.rsaudit.core.hunt.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The kept matches of one rule and key while the input is read: append only, each match written as its difference
 * from the one before, so that a busy key's matches cost seven to eight bytes each instead of the {@value Hits#WEIGHT}
 * of {@link Hits}' columns. A key's matches mostly come in file order: the time moves on by milliseconds to seconds,
 * the line by a few hundred, the trace is one of a few the key had lately, the step bits and the value repeat.
 * {@link #unpack} gives the columns back, for judging, one key at a time. Not thread-safe: the engine locks the group.
 *
 * <p>A match is a header byte, then: the time (by the header's kind: a difference in milliseconds, microseconds or
 * nanoseconds from the last time, whichever is exact; or seconds and nanoseconds in full; or nothing, for a match
 * without a time); the place (the line's difference from the last in the same file, else the file number's
 * difference and the line); how far back in the table of this key's traces the trace is, when the header cannot
 * say; the step bits when they changed; the value's number in the table of values when it changed. Numbers are
 * variable-length (seven bits a byte), differences zig-zag coded.
 */
final class PackedHits {

    private static final int MILLIS = 0;
    private static final int MICROS = 1;
    private static final int NANOS = 2;
    private static final int FULL = 3;
    private static final int UNTIMED = 4;
    private static final int KIND = 7;
    private static final int NEW_STEPS = 8;
    private static final int NEW_VALUE = 16;
    /** Where the header keeps how far back in the table the trace is: 0 for a new entry, 7 when a number follows. */
    private static final int TRACE_SHIFT = 5;

    private static final int TRACE_FOLLOWS = 7;
    /** Beyond this many seconds, a time difference in nanoseconds might overflow a long: the time is written whole. */
    private static final long NEAR = 1L << 32;
    /** How many of the latest table entries are searched for a trace or value before a new entry is made. */
    private static final int LOOK_BACK = 16;

    private static final int FIRST_BLOCK = 32;
    private static final int BLOCK = 8192;
    /** Bytes of an array's header, and of this object with its fields, for {@link #footprint}. */
    private static final int ARRAY = 16;

    private static final int OBJECT = 96;

    private byte[][] blocks = new byte[1][];
    private int block;
    private byte[] current = new byte[FIRST_BLOCK];
    private int pos;
    private Trace[] traces = new Trace[2];
    private int traceCount;
    private String[] values;
    private int valueCount;
    private int size;
    private long footprint = OBJECT + 3 * ARRAY + 4 + FIRST_BLOCK + 8;

    private long lastSec;
    private int lastNano;
    private long lastPlace;
    private int lastSteps;
    private String lastValue;

    PackedHits() {
        blocks[0] = current;
    }

    /** The matches of {@code hits}, in its order. */
    static PackedHits of(Hits hits) {
        PackedHits p = new PackedHits();
        for (int i = 0; i < hits.size(); i++) {
            p.add(hits.sec(i), hits.nano(i), hits.place(i), hits.trace(i), hits.steps(i), hits.value(i));
        }
        return p;
    }

    int size() {
        return size;
    }

    /** What this holds, in bytes, roughly: arrays as allocated, tables as references; the traces are counted apart. */
    long footprint() {
        return footprint;
    }

    void add(long sec, int nano, long place, Trace trace, int steps, String value) {
        int header;
        long delta = 0;
        long dSec = sec - lastSec;
        if (sec == Hits.NO_TIME) {
            header = UNTIMED;
        } else if (dSec >= NEAR || dSec <= -NEAR) {
            header = FULL;
        } else {
            long dNanos = dSec * 1_000_000_000L + (nano - lastNano);
            if (dNanos % 1_000_000 == 0) {
                header = MILLIS;
                delta = dNanos / 1_000_000;
            } else if (dNanos % 1_000 == 0) {
                header = MICROS;
                delta = dNanos / 1_000;
            } else {
                header = NANOS;
                delta = dNanos;
            }
        }
        if (steps != lastSteps) {
            header |= NEW_STEPS;
        }
        int back = traceBack(trace);
        header |= Math.min(back, TRACE_FOLLOWS) << TRACE_SHIFT;
        int valueNumber = -1;
        if (!Objects.equals(value, lastValue)) {
            header |= NEW_VALUE;
            valueNumber = valueNumber(value);
        }
        put((byte) header);
        if ((header & KIND) == FULL) {
            putSigned(sec);
            putUnsigned(nano);
        } else if ((header & KIND) != UNTIMED) {
            putSigned(delta);
        }
        putPlace(place);
        if (back >= TRACE_FOLLOWS) {
            putUnsigned(back);
        }
        if ((header & NEW_STEPS) != 0) {
            putUnsigned(steps);
        }
        if (valueNumber >= 0) {
            putUnsigned(valueNumber);
        }
        if (sec != Hits.NO_TIME) {
            lastSec = sec;
            lastNano = nano;
        }
        lastPlace = place;
        lastSteps = steps;
        lastValue = value;
        size++;
    }

    /** The columns again, in the order the matches were added. */
    Hits unpack() {
        Hits h = new Hits();
        long sec = 0;
        int nano = 0;
        long place = 0;
        int steps = 0;
        String value = null;
        int tableSeen = 0;
        Reader in = new Reader();
        for (int i = 0; i < size; i++) {
            int header = in.next();
            int kind = header & KIND;
            if (kind == FULL) {
                sec = in.signed();
                nano = (int) in.unsigned();
            } else if (kind != UNTIMED) {
                long unit = kind == MILLIS ? 1_000_000 : kind == MICROS ? 1_000 : 1;
                long nanos = nano + in.signed() * unit;
                sec += Math.floorDiv(nanos, 1_000_000_000L);
                nano = (int) Math.floorMod(nanos, 1_000_000_000L);
            }
            long v = in.unsigned();
            if ((v & 1) == 0) {
                place += unzigzag(v >>> 1);
            } else {
                int file = Places.file(place) + (int) unzigzag(v >>> 1);
                place = (long) file << Places.LINE_BITS | in.unsigned();
            }
            int back = header >>> TRACE_SHIFT;
            if (back == TRACE_FOLLOWS) {
                back = (int) in.unsigned();
            }
            Trace trace = back == 0 ? traces[tableSeen++] : traces[tableSeen - back];
            if ((header & NEW_STEPS) != 0) {
                steps = (int) in.unsigned();
            }
            if ((header & NEW_VALUE) != 0) {
                value = values[(int) in.unsigned()];
            }
            h.add(kind == UNTIMED ? Hits.NO_TIME : sec, kind == UNTIMED ? 0 : nano, place, trace, steps, value);
        }
        return h;
    }

    /** How far back from the table's end the trace is among the latest entries, or 0 after making a new entry. */
    private int traceBack(Trace trace) {
        for (int i = traceCount - 1; i >= 0 && i >= traceCount - LOOK_BACK; i--) {
            if (traces[i] == trace) {
                return traceCount - i;
            }
        }
        if (traceCount == traces.length) {
            traces = Arrays.copyOf(traces, traceCount * 2);
            footprint += 4L * traceCount;
        }
        traces[traceCount++] = trace;
        return 0;
    }

    private int valueNumber(String value) {
        if (values == null) {
            values = new String[2];
            footprint += ARRAY + 8;
        }
        for (int i = valueCount - 1; i >= 0 && i >= valueCount - LOOK_BACK; i--) {
            if (Objects.equals(values[i], value)) {
                return i;
            }
        }
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, valueCount * 2);
            footprint += 4L * valueCount;
        }
        if (value != null) {
            footprint += 40 + 2L * value.length();
        }
        values[valueCount] = value;
        return valueCount++;
    }

    private void putUnsigned(long v) {
        while ((v & ~0x7FL) != 0) {
            put((byte) (v | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    private void putSigned(long v) {
        putUnsigned(zigzag(v));
    }

    /**
     * The line's difference in the same file, else the file number's difference and the line: a key's matches often
     * alternate between files (two threads read two at once, and a quiet key's matches are hours apart), and a file
     * number's difference in the packed place would cost some eight bytes.
     */
    private void putPlace(long place) {
        int file = Places.file(place);
        if (file == Places.file(lastPlace)) {
            putUnsigned(zigzag(Places.line(place) - Places.line(lastPlace)) << 1);
        } else {
            putUnsigned(zigzag(file - Places.file(lastPlace)) << 1 | 1);
            putUnsigned(Places.line(place));
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long u) {
        return (u >>> 1) ^ -(u & 1);
    }

    private void put(byte b) {
        if (pos == current.length) {
            if (current.length < BLOCK) {
                current = Arrays.copyOf(current, current.length * 2);
                footprint += current.length / 2;
                blocks[block] = current;
            } else {
                if (++block == blocks.length) {
                    blocks = Arrays.copyOf(blocks, block * 2);
                    footprint += 4L * block;
                }
                current = blocks[block] = new byte[BLOCK];
                footprint += ARRAY + BLOCK;
                pos = 0;
            }
        }
        current[pos++] = b;
    }

    /** Reads the blocks back in order. */
    private final class Reader {
        private int b;
        private int p;

        int next() {
            if (p == blocks[b].length) {
                b++;
                p = 0;
            }
            return blocks[b][p++] & 0xFF;
        }

        long unsigned() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = next();
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
        }

        long signed() {
            return unzigzag(unsigned());
        }
    }
}
