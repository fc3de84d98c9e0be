package io.rsaudit.core.hunt.engine;

import java.util.Arrays;

/**
 * The matches of one rule and key, column by column, as they are sorted and judged ({@link PackedHits#unpack}), and
 * a novelty's first matches: per match its time (seconds and nanoseconds), its place (file number and line packed in
 * one long), its {@link Trace}, and what the correlation reads (the step bits of a sequence, the value an aggregation
 * counts or a transition follows). No object per match, and storage grows in chunks, so a large group never needs a
 * copy of itself. Not thread-safe: the engine locks the group.
 */
final class Hits {

    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    /**
     * What one match costs in these columns, with a share of a chunk's slack: the room the engine asks of the budget
     * before it packs a match, which then costs less.
     */
    static final long WEIGHT = 8 + 4 + 8 + 4 + 4 + 4 + 4;
    /** Seconds of a match without a time (it sorts last, as {@code HuntEngine.ORDER} puts nulls). */
    static final long NO_TIME = Long.MAX_VALUE;

    private Chunk[] chunks = new Chunk[2];
    private int size;

    private static final class Chunk {
        long[] sec;
        int[] nano;
        long[] place;
        Trace[] trace;
        int[] steps;
        String[] value;

        Chunk(int capacity) {
            sec = new long[capacity];
            nano = new int[capacity];
            place = new long[capacity];
            trace = new Trace[capacity];
            steps = new int[capacity];
            value = new String[capacity];
        }

        void grow(int capacity) {
            sec = Arrays.copyOf(sec, capacity);
            nano = Arrays.copyOf(nano, capacity);
            place = Arrays.copyOf(place, capacity);
            trace = Arrays.copyOf(trace, capacity);
            steps = Arrays.copyOf(steps, capacity);
            value = Arrays.copyOf(value, capacity);
        }
    }

    int size() {
        return size;
    }

    void add(long sec, int nano, long place, Trace trace, int steps, String value) {
        int c = size >>> SHIFT;
        int o = size & (CHUNK - 1);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        Chunk k = chunks[c];
        if (k == null) {
            k = chunks[c] = new Chunk(c == 0 ? 4 : CHUNK);
        } else if (o == k.sec.length) {
            k.grow(Math.min(CHUNK, o * 2));
        }
        k.sec[o] = sec;
        k.nano[o] = nano;
        k.place[o] = place;
        k.trace[o] = trace;
        k.steps[o] = steps;
        k.value[o] = value;
        size++;
    }

    long sec(int i) {
        return chunks[i >>> SHIFT].sec[i & (CHUNK - 1)];
    }

    int nano(int i) {
        return chunks[i >>> SHIFT].nano[i & (CHUNK - 1)];
    }

    long place(int i) {
        return chunks[i >>> SHIFT].place[i & (CHUNK - 1)];
    }

    Trace trace(int i) {
        return chunks[i >>> SHIFT].trace[i & (CHUNK - 1)];
    }

    int steps(int i) {
        return chunks[i >>> SHIFT].steps[i & (CHUNK - 1)];
    }

    String value(int i) {
        return chunks[i >>> SHIFT].value[i & (CHUNK - 1)];
    }

    /** Keeps only the matches at the given positions, in that order (the earliest N of a rule without windows). */
    Hits select(int[] order, int n) {
        Hits h = new Hits();
        for (int j = 0; j < n; j++) {
            int i = order[j];
            h.add(sec(i), nano(i), place(i), trace(i), steps(i), value(i));
        }
        return h;
    }

    /** The positions in event order: time (no time last), then file name, line and record index. */
    int[] order(long[] fileRank) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        sort(a, new int[size], 0, size, fileRank);
        return a;
    }

    int compare(int x, int y, long[] fileRank) {
        int c = Long.compare(sec(x), sec(y));
        if (c == 0) {
            c = Integer.compare(nano(x), nano(y));
        }
        if (c == 0) {
            c = Long.compare(fileRank[Places.file(place(x))], fileRank[Places.file(place(y))]);
        }
        if (c == 0) {
            c = Long.compare(Places.line(place(x)), Places.line(place(y)));
        }
        return c != 0 ? c : Long.compare(trace(x).index(), trace(y).index());
    }

    /** A stable merge sort of positions (no boxing); matches mostly arrive in runs, which the check skips. */
    private void sort(int[] a, int[] tmp, int from, int to, long[] rank) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid, rank);
        sort(a, tmp, mid, to, rank);
        if (compare(a[mid - 1], a[mid], rank) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && compare(tmp[i], tmp[j], rank) <= 0) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
