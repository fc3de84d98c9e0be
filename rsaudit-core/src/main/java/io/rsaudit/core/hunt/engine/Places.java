package io.rsaudit.core.hunt.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File names numbered in order of first sight, so that a match's place (file and line) packs into one long:
 * {@value #FILE_BITS} bits of file number, {@value #LINE_BITS} of line. Thread-safe.
 */
final class Places {

    static final int FILE_BITS = 24;
    static final int LINE_BITS = 64 - FILE_BITS;
    /** Returned by {@link #place} when the file number or line does not fit; the match cannot be kept. */
    static final long NONE = -1;

    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
    private final List<String> names = new ArrayList<>();

    long place(String file, long line) {
        Integer n = numbers.get(file);
        if (n == null) {
            synchronized (names) {
                n = numbers.get(file);
                if (n == null) {
                    n = names.size();
                    names.add(file);
                    numbers.put(file, n);
                }
            }
        }
        if (n >= 1 << FILE_BITS || line < 0 || line >= 1L << LINE_BITS) {
            return NONE;
        }
        return (long) n << LINE_BITS | line;
    }

    static int file(long place) {
        return (int) (place >>> LINE_BITS);
    }

    static long line(long place) {
        return place & ((1L << LINE_BITS) - 1);
    }

    String name(long place) {
        synchronized (names) {
            return names.get(file(place));
        }
    }

    /** Each file number's rank in name order, for sorting ties in time as {@code HuntEngine.ORDER} does. */
    long[] ranks() {
        synchronized (names) {
            Integer[] byName = new Integer[names.size()];
            for (int i = 0; i < byName.length; i++) {
                byName[i] = i;
            }
            java.util.Arrays.sort(byName, (a, b) -> names.get(a).compareTo(names.get(b)));
            long[] rank = new long[byName.length];
            for (int r = 0; r < byName.length; r++) {
                rank[byName[r]] = r;
            }
            return rank;
        }
    }
}
