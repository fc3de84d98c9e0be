package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {

    private static int naive(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Eight at a time must find what one at a time finds: any byte value, any offset, near and across words. */
    @Test
    void indexOfByteFindsTheFirstOccurrenceAsAByteLoopDoes() {
        Random random = new Random(7);
        for (int n = 0; n < 100_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            int density = 1 + random.nextInt(64);
            byte c = (byte) random.nextInt(256);
            for (int i = 0; i < b.length; i++) {
                // mostly neighbours of c (c ^ 1, c + 1, 0x80 | c) to catch borrows between bytes, sometimes c itself
                int pick = random.nextInt(density);
                b[i] = pick == 0
                        ? c
                        : (byte)
                                (switch (pick % 4) {
                                    case 0 -> c ^ 1;
                                    case 1 -> c + 1;
                                    case 2 -> c ^ 0x80;
                                    default -> random.nextInt(256);
                                });
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(Text.indexOfByte(b, from, to, c)).as("seed 7 case %d", n).isEqualTo(naive(b, from, to, c));
        }
    }

    /**
     * The cache hashes and compares a word at a time, the last word overlapping and a short value masked: whatever
     * the length and wherever the value sits in its array (up to its very end), it gives the decoded value, and the
     * same instance again for the same bytes.
     */
    @Test
    void theCacheGivesTheDecodedValueWhateverItsLengthAndPlace() {
        java.util.Random random = new java.util.Random(3);
        Text.Cache cache = new Text.Cache();
        String[] pool = new String[300];
        for (int k = 0; k < pool.length; k++) {
            StringBuilder v = new StringBuilder();
            int len = random.nextInt(40);
            for (int c = 0; c < len; c++) {
                v.append((char) ('a' + random.nextInt(4)));
            }
            pool[k] = v.toString();
        }
        for (int n = 0; n < 50_000; n++) {
            String v = pool[random.nextInt(pool.length)];
            byte[] value = v.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int before = random.nextInt(12);
            int after = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
            byte[] b = new byte[before + value.length + after];
            java.util.Arrays.fill(b, (byte) 'a');
            System.arraycopy(value, 0, b, before, value.length);
            String got = cache.get(b, before, before + value.length);
            assertThat(got).isEqualTo(v);
            assertThat(cache.get(b.clone(), before, before + value.length)).isSameAs(got);
        }
    }

    @Test
    void asciiIsToldEightBytesAtATimeWhereverTheHighByteIs() {
        java.util.Random random = new java.util.Random(5);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) random.nextInt(128);
            }
            if (b.length > 0 && random.nextBoolean()) {
                b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(128));
            }
            int from = random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            boolean naive = true;
            for (int k = from; k < to; k++) {
                naive &= b[k] >= 0;
            }
            assertThat(Text.isAscii(b, from, to)).as("case %d", n).isEqualTo(naive);
        }
    }
}
