package io.rsaudit.core.hunt.rule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a text that finds which of many ASCII words it contains, ignoring ASCII case: an Aho-Corasick
 * automaton compiled into a table of transitions (a state per word prefix, a column per character class), so each
 * character costs one table read whatever the number of words. Written here rather than taken from a library: the
 * one on Maven Central ({@code org.ahocorasick}) keeps each state's transitions in a map of boxed characters and
 * returns a list of match objects, the allocation and indirection this hot path exists to avoid.
 *
 * <p>A text with any character outside ASCII is reported as containing every word: a case-insensitive match may
 * then fold a non-ASCII character into an ASCII letter (the Kelvin sign into {@code k}), and a prefilter must never
 * reject a text its test would pass.
 */
final class WordScan {

    /** The character class of characters that appear in no word. */
    private static final int OTHER = 0;

    private final byte[] classOf = new byte[128];
    private final int classes;
    /** transitions[state * classes + class]: the next state, failure links resolved. */
    private final int[] transitions;
    /**
     * The same transitions for the scan of a copy of the text: the next state times {@code classes} (the row it
     * reads next), complemented (negative) when that state ends a word.
     */
    private final int[] rows;
    /** Per state, the ids of the words that end there (its own and those of its failure chain); empty: none. */
    private final int[][] ends;
    /** Whether a state ends any word, for a cheap test in the scan loop. */
    private final boolean[] accepting;

    private final int idLimit;

    /** The ids of the words that hold an underscore, which {@link #holdsNoSnakeWord} can rule out. */
    private final long[] snake;
    /**
     * A set (1,024 bits, by {@link #snakeHash}) of the two characters before each such word's first underscore
     * and the one after it; {@code null} when a word has fewer characters there, and nothing can be ruled out.
     */
    private final long[] snakeKeys;

    /**
     * @param words lower-case ASCII words by id; {@code null} elements are ids not in this scan
     */
    WordScan(List<String> words) {
        int nextClass = 1;
        for (String w : words) {
            if (w == null) {
                continue;
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c >= 128 || c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("not a lower-case ASCII word: " + w);
                }
                if (classOf[c] == OTHER) {
                    classOf[c] = (byte) nextClass++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + ('a' - 'A')];
        }
        this.classes = nextClass;
        this.idLimit = words.size();
        // the trie
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        next.add(new int[classes]);
        out.add(new ArrayList<>());
        for (int id = 0; id < words.size(); id++) {
            String w = words.get(id);
            if (w == null) {
                continue;
            }
            int s = 0;
            for (int i = 0; i < w.length(); i++) {
                int k = classOf[w.charAt(i)];
                if (next.get(s)[k] == 0) {
                    next.get(s)[k] = next.size();
                    next.add(new int[classes]);
                    out.add(new ArrayList<>());
                }
                s = next.get(s)[k];
            }
            out.get(s).add(id);
        }
        // failure links, breadth first, folded into the transitions
        int states = next.size();
        int[] fail = new int[states];
        transitions = new int[states * classes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < classes; k++) {
            int t = next.get(0)[k];
            transitions[k] = t;
            if (t != 0) {
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int k = 0; k < classes; k++) {
                int t = next.get(s)[k];
                if (t != 0) {
                    fail[t] = transitions[fail[s] * classes + k];
                    transitions[s * classes + k] = t;
                    queue.add(t);
                } else {
                    transitions[s * classes + k] = transitions[fail[s] * classes + k];
                }
            }
        }
        ends = new int[states][];
        accepting = new boolean[states];
        for (int s = 0; s < states; s++) {
            ends[s] = out.get(s).stream().distinct().mapToInt(Integer::intValue).toArray();
            accepting[s] = ends[s].length > 0;
        }
        long[] snakeIds = new long[(idLimit + 63) >>> 6];
        long[] keys = new long[16];
        for (int id = 0; id < words.size(); id++) {
            String w = words.get(id);
            int u = w == null ? -1 : w.indexOf('_');
            if (u < 0) {
                continue;
            }
            snakeIds[id >>> 6] |= 1L << id;
            if (keys != null && u >= 2 && u + 1 < w.length()) {
                int h = snakeHash(w.charAt(u - 2), w.charAt(u - 1), w.charAt(u + 1));
                keys[h >>> 6] |= 1L << h;
            } else {
                keys = null;
            }
        }
        this.snake = snakeIds;
        this.snakeKeys = keys;
        rows = new int[transitions.length];
        for (int k = 0; k < transitions.length; k++) {
            int t = transitions[k];
            rows[k] = accepting[t] ? ~(t * classes) : t * classes;
        }
    }

    /** The ids of the words that hold an underscore (bits as {@link #scan} sets them). */
    long[] snakeWords() {
        return snake;
    }

    /**
     * Whether the text holds none of the words with an underscore ({@link #snakeWords}), proved without the
     * automaton: most statements hold no underscore between the two characters that come before one in a word
     * ({@code pg_}, {@code svv_}, {@code stl_}...) and the one after it, and looking at each underscore (found by
     * {@link String#indexOf(int, int)}, which the JIT compiles to a vector search) costs far less than reading every
     * character through the table. A character outside ASCII around an underscore may fold into a word's letter
     * under a case-insensitive match (the long s into {@code s}): then it cannot tell. Elsewhere such a character
     * cannot make a word with an underscore: no character folds into {@code _}. {@code false}: cannot tell, scan.
     */
    boolean holdsNoSnakeWord(String text) {
        long[] keys = snakeKeys;
        if (keys == null) {
            return false;
        }
        int n = text.length();
        for (int i = text.indexOf('_', 2); i >= 0 && i + 1 < n; i = text.indexOf('_', i + 1)) {
            char a = text.charAt(i - 2);
            char b = text.charAt(i - 1);
            char c = text.charAt(i + 1);
            if ((a | b | c) >= 128) {
                return false;
            }
            int h = snakeHash(a, b, c);
            if ((keys[h >>> 6] & (1L << h)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash (0..1023) of three ASCII characters that ignores the case of letters: {@code | 0x20} lowers a letter
     * (and folds a few other pairs together, which only makes the set say yes more often).
     */
    private static int snakeHash(char a, char b, char c) {
        int code = ((a | 0x20) << 14) | ((b | 0x20) << 7) | (c | 0x20);
        return (code * 0x9E3779B1) >>> 22;
    }

    /** The number of ids the bit sets of {@link #scan} hold. */
    int idLimit() {
        return idLimit;
    }

    /**
     * {@link #scan(String, long[])}, reading a copy of the text in {@code buffer} when it is long enough: one bulk
     * copy, then a loop over an array with no per-character bounds or encoding checks, whose one branch per
     * character (a word ends here) is seldom taken; whether a character is outside ASCII is gathered over the whole
     * text and looked at once, at the end.
     */
    void scan(String text, long[] found, char[] buffer) {
        int n = text.length();
        if (buffer == null || buffer.length < n) {
            scan(text, found);
            return;
        }
        Arrays.fill(found, 0L);
        text.getChars(0, n, buffer, 0);
        int[] rows = this.rows;
        byte[] classOf = this.classOf;
        int s = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            char c = buffer[i];
            seen |= c;
            int t = rows[s + classOf[c & 0x7f]];
            if (t < 0) {
                s = ~t;
                for (int id : ends[s / classes]) {
                    found[id >>> 6] |= 1L << id;
                }
            } else {
                s = t;
            }
        }
        if (seen >= 128) {
            Arrays.fill(found, -1L);
        }
    }

    /**
     * Sets in {@code found} (cleared first) the bit of each word the text contains, or every bit when the text has
     * a character outside ASCII.
     */
    void scan(String text, long[] found) {
        Arrays.fill(found, 0L);
        int s = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                Arrays.fill(found, -1L);
                return;
            }
            s = transitions[s * classes + classOf[c]];
            if (accepting[s]) {
                for (int id : ends[s]) {
                    found[id >>> 6] |= 1L << id;
                }
            }
        }
    }
}
