package io.rsaudit.core.hunt.read;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages valid log content the ways real files get damaged, driven by a seeded {@link Random} so that a case is
 * replayed from its seed alone: bytes flipped, the content cut short, junk, over-long lines and invalid UTF-8
 * inserted; then stored plain, as gzip, or as gzip cut short. What was done is kept for the failure message.
 */
final class Mutations {

    /** Bytes the parsers split or quote on, and bytes that are never valid UTF-8 alone. */
    private static final byte[] SPECIAL = {
        '|', '\n', '\r', '\'', 0, (byte) 0xff, (byte) 0xc3, ' ', '\t', '{', '"', ']', '[', ',', ':', '='
    };

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xff},
        {(byte) 0xc3},
        {(byte) 0xc0, (byte) 0xaf},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82},
        {(byte) 0x80}
    };

    /** How the mutated content is stored. */
    enum Storage {
        PLAIN,
        GZIP,
        TRUNCATED_GZIP
    }

    private final Random random;
    private final int longLine;
    private final List<String> done = new ArrayList<>();

    /** @param longLine an inserted long line is longer than this (the maximum record size of the read) */
    Mutations(long seed, int longLine) {
        this.random = new Random(seed);
        this.longLine = longLine;
    }

    Random random() {
        return random;
    }

    /** Up to {@code max} mutations (none in about one case in eight, so clean input is covered too). */
    byte[] mutate(byte[] content, int max) {
        byte[] b = content;
        int n = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(max);
        for (int k = 0; k < n; k++) {
            int at = random.nextInt(b.length + 1);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (at < b.length) {
                        b = b.clone();
                        b[at] = random.nextBoolean()
                                ? SPECIAL[random.nextInt(SPECIAL.length)]
                                : (byte) random.nextInt(256);
                        done.add("flip@" + at);
                    }
                }
                case 1 -> {
                    b = insert(b, at, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]});
                    done.add("special@" + at);
                }
                case 2 -> {
                    b = Arrays.copyOf(b, at);
                    done.add("cut@" + at);
                }
                case 3 -> {
                    byte[] junk = new byte[1 + random.nextInt(64)];
                    random.nextBytes(junk);
                    b = insert(b, at, junk);
                    done.add("junk" + junk.length + "@" + at);
                }
                case 4 -> {
                    b = insert(b, at, longLine());
                    done.add("longline@" + at);
                }
                default -> {
                    b = insert(b, at, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
                    done.add("utf8@" + at);
                }
            }
        }
        return b;
    }

    /** A line of letters longer than the maximum, on its own line or running into the next. */
    private byte[] longLine() {
        int length = longLine + 1 + random.nextInt(3 * longLine);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
        out.write('\n');
        for (int i = 0; i < length; i++) {
            out.write('a' + random.nextInt(26));
        }
        if (random.nextBoolean()) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    Storage storage() {
        Storage s = Storage.values()[random.nextInt(3)];
        done.add(s.name().toLowerCase(java.util.Locale.ROOT));
        return s;
    }

    /** The bytes as stored; a truncated gzip keeps its 10-byte header and loses at least its last byte. */
    byte[] store(byte[] content, Storage s) {
        if (s == Storage.PLAIN) {
            return content;
        }
        byte[] gz = Logs.gzip(content);
        if (s == Storage.GZIP) {
            return gz;
        }
        int cut = 10 + random.nextInt(gz.length - 10);
        done.add("gzip-cut@" + cut + "/" + gz.length);
        return Arrays.copyOf(gz, cut);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ", done);
    }
}
