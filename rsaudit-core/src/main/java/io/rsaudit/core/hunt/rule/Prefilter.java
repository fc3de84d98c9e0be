package io.rsaudit.core.hunt.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The literal words of all the rules of a hunt, found in one pass over a value: before any regular expression (or
 * {@code contains}) of any rule runs on a value, the value is scanned once for every word any rule needs
 * ({@link WordScan}), and each test then reads the bits of its own words; an expression runs only on a value that
 * holds one of them. Immutable and shared; each reading thread uses its own {@link Scan}.
 */
public final class Prefilter {

    private final WordScan words;
    /** The ids this prefilter finds (a test whose words are all among them reads its bits, others scan alone). */
    private final long[] known;
    /** The rules' test ids are below this. */
    private final int tests;

    private Prefilter(WordScan words, long[] known, int tests) {
        this.words = words;
        this.known = known;
        this.tests = tests;
    }

    /** The prefilter of the words the rules' tests need. */
    public static Prefilter of(List<CompiledRule> rules) {
        List<Literals> all = new ArrayList<>();
        int tests = 0;
        for (CompiledRule r : rules) {
            r.prefilters(all);
            tests = Math.max(tests, r.testIdLimit());
        }
        for (int i = 0, n = all.size(); i < n; i++) {
            all.addAll(all.get(i).also());
        }
        int limit = 0;
        for (Literals l : all) {
            limit = Math.max(limit, l.mask().length * 64);
        }
        List<String> byId = new ArrayList<>(Literals.words(limit));
        long[] known = new long[(byId.size() + 63) >>> 6];
        List<String> needed = new ArrayList<>();
        for (int id = 0; id < byId.size(); id++) {
            needed.add(null);
        }
        // an anchored test is decided by the start of the value alone (Scan.mayContain): its words need no scan
        for (Literals l : all) {
            if (l.anchored()) {
                continue;
            }
            long[] m = l.mask();
            for (int k = 0; k < m.length; k++) {
                known[k] |= m[k];
            }
        }
        for (int id = 0; id < byId.size(); id++) {
            if ((known[id >>> 6] & (1L << id)) != 0) {
                needed.set(id, byId.get(id));
            }
        }
        return new Prefilter(new WordScan(needed), known, tests);
    }

    /** A scan for one thread: remembers the last values it scanned (by identity) with the words found. */
    public Scan scan() {
        return new Scan(this);
    }

    /**
     * One thread's scans. The values of one event are scanned at most once each however many rules test them: the
     * last few values are remembered by identity (a held reference, so a new string is never taken for an old one).
     * A field test that several rules share is decided once per event, and remembered until the next event.
     */
    public static final class Scan {
        private static final int REMEMBERED = 4;

        private final Prefilter prefilter;
        private final String[] values = new String[REMEMBERED];
        private final long[][] found;
        /** Per remembered value, whether only its words with an underscore are known (all absent). */
        private final boolean[] partial = new boolean[REMEMBERED];

        private int next;
        /** The event the decisions are about, by identity. */
        private Object event;
        /** decided[test] == round: the test was decided for the current event, with outcome[test]. */
        private int round;

        private int[] decided;
        private boolean[] outcome;
        /** The copy of a value the word scan reads; values longer than it are read in place. */
        private final char[] chars = new char[1 << 14];
        /** The value whose start was last read, by identity, where its first word starts, and what is there. */
        private String head;

        private int headStart;
        private boolean headNonAscii;

        private Scan(Prefilter prefilter) {
            this.prefilter = prefilter;
            this.found = new long[REMEMBERED][prefilter.known.length];
            this.decided = new int[prefilter.tests];
            this.outcome = new boolean[prefilter.tests];
        }

        /** 1 or 0 when the test was decided for this event already, -1 when not. */
        int decided(int test, Object about) {
            if (about != event) {
                event = about;
                if (++round == 0) {
                    java.util.Arrays.fill(decided, 0);
                    round = 1;
                }
            }
            return test < decided.length && decided[test] == round ? (outcome[test] ? 1 : 0) : -1;
        }

        /** Remembers the outcome of a test for the event last asked about. */
        void decide(int test, boolean pass) {
            if (test < decided.length) {
                decided[test] = round;
                outcome[test] = pass;
            }
        }

        /** Whether the value holds one of the words: when not, the test cannot pass. */
        boolean mayContain(String value, Literals words) {
            if (!mayContainFirst(value, words)) {
                return false;
            }
            List<Literals> also = words.also();
            for (int i = 0; i < also.size(); i++) {
                if (!mayContainFirst(value, also.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #mayContain} of the test's own words, not its {@link Literals#also} sets. */
        private boolean mayContainFirst(String value, Literals words) {
            if (words.anchored()) {
                // a value that starts with a word (after white space) holds it, and one with a character outside
                // ASCII near its start may match: the start decides, without the scan of the whole value
                if (value != head) {
                    head = value;
                    headStart = Literals.start(value);
                    headNonAscii = Literals.nonAsciiAt(value, headStart);
                }
                return words.startsWith(value, headStart, headNonAscii);
            }
            long[] mask = words.mask();
            if (!covered(mask)) {
                return words.mayMatch(value);
            }
            long[] bits = bits(value, mask);
            for (int k = 0; k < mask.length; k++) {
                if ((bits[k] & mask[k]) != 0) {
                    return true;
                }
            }
            return false;
        }

        private boolean covered(long[] mask) {
            long[] known = prefilter.known;
            if (mask.length > known.length) {
                return false;
            }
            for (int k = 0; k < mask.length; k++) {
                if ((mask[k] & ~known[k]) != 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The words the value holds, at least those of {@code mask}: when all of the mask's words hold an
         * underscore and the value has none of them ({@link WordScan#holdsNoSnakeWord}, most statements), the
         * value is not scanned and its bits stay clear, until a mask with other words asks.
         */
        private long[] bits(String value, long[] mask) {
            WordScan words = prefilter.words;
            for (int i = 0; i < REMEMBERED; i++) {
                if (values[i] == value) {
                    if (partial[i] && !within(mask, words.snakeWords())) {
                        words.scan(value, found[i], chars);
                        partial[i] = false;
                    }
                    return found[i];
                }
            }
            int slot = next;
            next = (next + 1) % REMEMBERED;
            values[slot] = value;
            if (within(mask, words.snakeWords()) && words.holdsNoSnakeWord(value)) {
                Arrays.fill(found[slot], 0L);
                partial[slot] = true;
            } else {
                words.scan(value, found[slot], chars);
                partial[slot] = false;
            }
            return found[slot];
        }

        /** Whether every bit of {@code mask} is in {@code of}. */
        private static boolean within(long[] mask, long[] of) {
            for (int k = 0; k < mask.length; k++) {
                if ((mask[k] & ~(k < of.length ? of[k] : 0L)) != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
