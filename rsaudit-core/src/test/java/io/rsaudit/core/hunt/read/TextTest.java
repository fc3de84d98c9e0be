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
                b[i] = pick == 0 ? c : (byte) (switch (pick % 4) {
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
}
