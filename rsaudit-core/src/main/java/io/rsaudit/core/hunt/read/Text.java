package io.rsaudit.core.hunt.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-level helpers of the line parsers: trimming, decoding, UTF-8 validation, a cache of repeated values. */
final class Text {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7f7f7f7f7f7f7f7fL;

    private Text() {}

    /**
     * The index of the first {@code c} in [from, to), or -1; eight bytes at a time (a byte equal to {@code c} is a
     * zero byte of {@code word ^ pattern}, and the lowest flagged zero byte of a little-endian word is exact). This
     * is the line reader's scan for line ends, so it runs over every byte of every log.
     */
    static int indexOfByte(byte[] b, int from, int to, byte c) {
        long pattern = (c & 0xffL) * ONES;
        int i = from;
        // two words a test: lines are a few hundred bytes, and one branch per sixteen of them costs less
        for (; i + 16 <= to; i += 16) {
            long v = (long) LONGS.get(b, i) ^ pattern;
            long w = (long) LONGS.get(b, i + 8) ^ pattern;
            long zero = (v - ONES) & ~v & HIGHS;
            long zero2 = (w - ONES) & ~w & HIGHS;
            if ((zero | zero2) != 0) {
                return zero != 0
                        ? i + (Long.numberOfTrailingZeros(zero) >>> 3)
                        : i + 8 + (Long.numberOfTrailingZeros(zero2) >>> 3);
            }
        }
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ pattern;
            long zero = (v - ONES) & ~v & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last {@code c} in [from, to), or -1 (the batches' cut looks back from a batch's end). */
    static int lastIndexOf(byte[] b, int from, int to, byte c) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** How many {@code c} there are in [from, to), eight bytes at a time. */
    static long count(byte[] b, int from, int to, byte c) {
        long pattern = (c & 0xffL) * ONES;
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            n += Long.bitCount(exactZeros((long) LONGS.get(b, i) ^ pattern));
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                n++;
            }
        }
        return n;
    }

    /** The eight bytes at {@code i} as one little-endian word (byte {@code i} lowest); {@code i + 8 <= b.length}. */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** {@code c} in every byte of a word, to compare eight bytes at once with {@link #zeros}. */
    static long spread(char c) {
        return (c & 0xffL) * ONES;
    }

    /**
     * The high bit of every zero byte of {@code v} set; a byte just above a zero byte may be flagged too (a borrow),
     * never a zero byte missed. So {@code zeros(word ^ spread(c))} is non-zero exactly when the word holds {@code c},
     * and callers that walk its bits check the byte at each.
     */
    static long zeros(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    /** The high bit of exactly the zero bytes of {@code v}: dearer than {@link #zeros}, for masks walked whole. */
    static long exactZeros(long v) {
        return ~(((v & LOWS) + LOWS) | v | LOWS);
    }

    /** The index in the word of the byte whose high bit is the lowest set bit of {@code mask}. */
    static int firstByte(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }

    /** Whether any byte of the word is 0x80 or above. */
    static boolean hasHighBit(long v) {
        return (v & HIGHS) != 0;
    }

    static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether every byte is below 0x80. */
    static boolean isAscii(byte[] b, int from, int to) {
        long words = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            words |= word(b, i);
        }
        int acc = 0;
        for (; i < to; i++) {
            acc |= b[i];
        }
        return acc >= 0 && !hasHighBit(words);
    }

    /** Latin-1 decoding is a plain copy into a compact string, and is exact for ASCII. */
    static String decode(byte[] b, int from, int to, boolean ascii) {
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Strict enough to tell whether decoding would have to replace bytes: lead/continuation structure. */
    static boolean isValidUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            int more;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xc2 && c <= 0xdf) {
                more = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                more = 2;
            } else if (c >= 0xf0 && c <= 0xf4) {
                more = 3;
            } else {
                return false;
            }
            if (i + more >= to) {
                return false;
            }
            for (int k = 1; k <= more; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            if (more == 2) {
                int c1 = b[i + 1] & 0xff;
                if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f)) {
                    return false;
                }
            } else if (more == 3) {
                int c1 = b[i + 1] & 0xff;
                if ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 > 0x8f)) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }

    /** The index after the last non-space byte in [from, to). */
    static int trimEnd(byte[] b, int from, int to) {
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        return to;
    }

    /** The index of the first non-space byte in [from, to). */
    static int trimStart(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        return from;
    }

    static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
    }

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Strings for values that repeat (event names, users, databases, drivers): one decode per distinct value held
     * in a small direct-mapped table, so the hot path neither decodes nor allocates for them. Not thread-safe: parsers
     * take their thread's ({@link #forThread}); a cache holds no state beyond the table, so parsers that take turns
     * on one thread may share it.
     */
    static final class Cache {
        /** What a thread's caches are for, so that values of one kind do not evict another's. */
        enum Role {
            FIELDS,
            HOSTS,
            ACTIVITY
        }

        private static final ThreadLocal<Cache[]> PER_THREAD =
                ThreadLocal.withInitial(() -> new Cache[Role.values().length]);

        /**
         * This thread's cache for {@code role}: a parser made per batch of lines (see {@link LineBatches}) would
         * otherwise allocate its tables and miss every value again for each batch. A cache maps bytes to their
         * string whatever the file, so sharing it across files on one thread changes no value.
         */
        static Cache forThread(Role role) {
            Cache[] caches = PER_THREAD.get();
            Cache c = caches[role.ordinal()];
            if (c == null) {
                c = new Cache();
                caches[role.ordinal()] = c;
            }
            return c;
        }

        private static final int SIZE = 2048;
        private static final int MAX_LENGTH = 96;
        /** Values up to two words long are told by their length and first and last word alone. */
        private static final int SHORT = 16;

        private final byte[][] keys = new byte[SIZE][];
        private final String[] values = new String[SIZE];
        private final int[] lengths = new int[SIZE];
        private final long[] firsts = new long[SIZE];
        private final long[] lasts = new long[SIZE];

        String get(byte[] b, int from, int to) {
            int len = to - from;
            if (len == 0) {
                return "";
            }
            if (len <= SHORT) {
                // compared as two words in the table itself, without a key array to follow: most values
                // (users, databases, hosts, event names) are this short
                long first = len >= 8 ? word(b, from) : head(b, from, len);
                long last = len > 8 ? word(b, to - 8) : 0;
                long h = ((first ^ len) * MIX ^ last) * MIX;
                int slot = (int) (h >>> 53) & (SIZE - 1);
                if (lengths[slot] == len && firsts[slot] == first && lasts[slot] == last) {
                    return values[slot];
                }
                String s = decode(b, from, to, isAscii(b, from, to));
                lengths[slot] = len;
                firsts[slot] = first;
                lasts[slot] = last;
                values[slot] = s;
                return s;
            }
            if (len > MAX_LENGTH) {
                return decode(b, from, to, isAscii(b, from, to));
            }
            // hashed and compared eight bytes at a time: a byte at a time, these two were a sixth of reading a
            // connection log
            long h = hash(b, from, to);
            int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SIZE - 1);
            byte[] k = keys[slot];
            if (lengths[slot] == len && k != null && same(k, b, from, len)) {
                return values[slot];
            }
            String s = decode(b, from, to, isAscii(b, from, to));
            keys[slot] = Arrays.copyOfRange(b, from, to);
            lengths[slot] = len;
            values[slot] = s;
            return s;
        }

        /** The first {@code len < 8} bytes as a little-endian word, the rest zero. */
        private static long head(byte[] b, int from, int len) {
            if (from + 8 <= b.length) {
                return word(b, from) & ((1L << (len << 3)) - 1);
            }
            long w = 0;
            for (int j = len - 1; j >= 0; j--) {
                w = (w << 8) | (b[from + j] & 0xff);
            }
            return w;
        }

        private static final long MIX = 0x9e3779b97f4a7c15L;

        /** Eight bytes at a time, the last word read where it ends (overlapping the one before); {@code len > 8}. */
        private static long hash(byte[] b, int from, int to) {
            long h = to - from;
            for (int i = from; i + 8 < to; i += 8) {
                h = (h ^ word(b, i)) * MIX;
            }
            return (h ^ word(b, to - 8)) * MIX;
        }

        /** Whether the key is {@code b[from, from + len)}, eight bytes at a time; {@code len > 8}. */
        private static boolean same(byte[] key, byte[] b, int from, int len) {
            for (int j = 0; j + 8 < len; j += 8) {
                if (word(key, j) != word(b, from + j)) {
                    return false;
                }
            }
            return word(key, len - 8) == word(b, from + len - 8);
        }
    }
}
