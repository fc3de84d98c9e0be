package io.rsaudit.core.hunt.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cheap test that must pass before a regular expression can match: the literal words one of which every match
 * contains. Only a simple, common shape is understood - an optional {@code (?i)}, zero-width {@code ^} and
 * {@code \b} and leading white space {@code \s*} or {@code \s+}, then optional groups ({@code (...)?} or
 * {@code (...)*}, skipped: what follows them is in every match), then a literal word or a group of alternatives
 * each starting with a literal word, and no {@code |} outside groups; for anything else there is no prefilter
 * ({@code null}) and the expression always runs. Words are compared ignoring ASCII case (a superset of a
 * case-sensitive match), and a value with any character outside ASCII always passes: RE2's {@code (?i)} folds some
 * of those into ASCII letters (the Kelvin sign into {@code k}, the long s into {@code s}).
 *
 * <p>Each word has an id shared by every rule compiled in this JVM ({@link #id}), so that the words of all the rules
 * of a hunt are found in one pass over a value ({@link Prefilter}) and each test reads its own bits.
 */
final class Literals {

    /** Shorter words would pass almost every value. */
    private static final int MIN_WORD = 3;

    /** Word ids: a word's position in the list. Grows with the distinct words of the rules ever compiled. */
    private static final List<String> WORDS = new ArrayList<>();

    private static final Map<String, Integer> IDS = new HashMap<>();

    private final List<String> words;
    /** Whether a match starts with one of the words, after white space ({@code ^\\s*word}). */
    private final boolean anchored;
    /** The bits of this test's words among all words' ids. */
    private final long[] mask;
    /**
     * More word sets every match holds one word of each ({@link RequiredWords}), beyond {@link #words}: each a
     * prefilter of its own, unanchored, with none of its own.
     */
    private final List<Literals> also;
    /** The bits of the ASCII characters the words start with, in either case (words are never empty). */
    private final long[] firstChars = new long[2];

    private Literals(List<String> words, boolean anchored) {
        this(words, anchored, List.of());
    }

    private Literals(List<String> words, boolean anchored, List<Literals> also) {
        this.words = words;
        this.anchored = anchored;
        this.also = also;
        for (String w : words) {
            char c = w.charAt(0);
            for (char k : new char[] {Character.toLowerCase(c), Character.toUpperCase(c)}) {
                if (k < 128) {
                    firstChars[k >>> 6] |= 1L << k;
                }
            }
        }
        int max = 0;
        int[] ids = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(words.get(i));
            max = Math.max(max, ids[i]);
        }
        this.mask = new long[(max >>> 6) + 1];
        for (int id : ids) {
            mask[id >>> 6] |= 1L << id;
        }
    }

    /** The id of a lower-case word. */
    static int id(String word) {
        synchronized (IDS) {
            Integer id = IDS.get(word);
            if (id == null) {
                id = WORDS.size();
                WORDS.add(word);
                IDS.put(word, id);
            }
            return id;
        }
    }

    /** The words by id, as known now. */
    static List<String> words(int limit) {
        synchronized (IDS) {
            return List.copyOf(WORDS.subList(0, Math.min(limit, WORDS.size())));
        }
    }

    /** A prefilter of one word ({@code contains}, {@code startswith}, {@code endswith}), or {@code null}. */
    static Literals ofWord(String lower) {
        return lower.length() >= MIN_WORD && lower.chars().allMatch(c -> c < 128 && !(c >= 'A' && c <= 'Z'))
                ? new Literals(List.of(lower), false)
                : null;
    }

    /**
     * The prefilter of an expression, or {@code null} when its shape is not understood: the words it starts with
     * (or holds), and the other word sets every match holds one word of ({@link #also}).
     */
    static Literals of(String regex) {
        Literals first = leading(regex);
        if (first == null) {
            return null;
        }
        List<Literals> also = new ArrayList<>();
        for (List<String> set : RequiredWords.of(regex)) {
            if (!new HashSet<>(set).equals(new HashSet<>(first.words))) {
                also.add(new Literals(set, false));
            }
        }
        return also.isEmpty() ? first : new Literals(first.words, first.anchored, List.copyOf(also));
    }

    /** The words an expression starts with (or holds, when not anchored), or {@code null}. */
    private static Literals leading(String regex) {
        String re = regex;
        if (re.startsWith("(?i)")) {
            re = re.substring(4);
        }
        if (re.startsWith("(?") && !re.startsWith("(?:") || topLevelBar(re)) {
            return null;
        }
        int i = 0;
        boolean anchored = re.startsWith("^");
        while (true) {
            if (re.startsWith("^", i)) {
                i++;
            } else if (re.startsWith("\\b", i)) {
                i += 2;
            } else if (re.startsWith("\\s*", i) || re.startsWith("\\s+", i)) {
                // leading white space: the word still follows it in every match
                i += 3;
            } else {
                break;
            }
        }
        // an anchored expression that starts with one optional group starts with the group's words or the next
        List<String> optionalStart = null;
        boolean optional = false;
        while (re.startsWith("(", i)) {
            int close = close(re, i);
            if (close < 0 || re.startsWith("(?", i) && !re.startsWith("(?:", i)) {
                return null;
            }
            if (close + 1 < re.length() && "?*".indexOf(re.charAt(close + 1)) >= 0) {
                // an optional group: what follows it is in every match, though not at its start
                optionalStart = anchored && !optional ? groupWords(re, i, close) : null;
                optional = true;
                i = close + (re.startsWith("?", close + 2) ? 3 : 2);
                anchored = false;
                continue;
            }
            if (quantified(re, close + 1)) {
                return null;
            }
            List<String> w = groupWords(re, i, close);
            if (w == null) {
                return null;
            }
            return startingWith(optionalStart, w, anchored);
        }
        List<String> w = words(re.substring(i));
        if (w == null) {
            return null;
        }
        return startingWith(optionalStart, w, anchored);
    }

    /** The first words of the alternatives of the group from {@code open} to {@code close}, or {@code null}. */
    private static List<String> groupWords(String re, int open, int close) {
        String inner = re.substring(re.startsWith("(?:", open) ? open + 3 : open + 1, close);
        List<String> words = new ArrayList<>();
        for (String alternative : split(inner)) {
            List<String> w = words(alternative);
            if (w == null) {
                return null;
            }
            words.addAll(w);
        }
        return words;
    }

    /**
     * The words after any optional group; when the expression was anchored and began with one optional group
     * whose words are known ({@code optionalStart}), anchored words: those of the group and these.
     */
    private static Literals startingWith(List<String> optionalStart, List<String> words, boolean anchored) {
        if (optionalStart == null) {
            return of(words, anchored);
        }
        List<String> both = new ArrayList<>(optionalStart);
        both.addAll(words);
        return of(both, true);
    }

    private static Literals of(List<String> words, boolean anchored) {
        return new Literals(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList(), anchored);
    }

    /**
     * For an anchored expression ({@code ^\\s*word}), whether an ASCII value starts with one of the words after
     * white space as RE2's {@code \\s} knows it; true for any other. Cheap: it reads the first characters only.
     */
    boolean mayStartWith(String value) {
        if (!anchored) {
            return true;
        }
        int i = start(value);
        return startsWith(value, i, nonAsciiAt(value, i));
    }

    /** Where a value's first word starts: past the white space RE2's {@code \\s} knows. */
    static int start(String value) {
        int i = 0;
        while (i < value.length() && isSpace(value.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Whether one of the 64 characters from {@code start} is outside ASCII. */
    static boolean nonAsciiAt(String value, int start) {
        for (int k = start; k < Math.min(value.length(), start + 64); k++) {
            if (value.charAt(k) >= 128) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #mayStartWith} with the value's {@link #start} and {@link #nonAsciiAt} known: for an anchored
     * expression, the value may match only when it has one of the words there (or a character outside ASCII near).
     */
    boolean startsWith(String value, int start, boolean nonAsciiHead) {
        if (!anchored || nonAsciiHead) {
            return true;
        }
        // most values start with a letter no word starts with (select, insert): one bit read rejects them
        if (start < value.length()) {
            char c = value.charAt(start);
            if (c < 128 && (firstChars[c >>> 6] & (1L << c)) == 0) {
                return false;
            }
        }
        for (String w : words) {
            if (value.regionMatches(true, start, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a match starts with one of the words, after white space. */
    boolean anchored() {
        return anchored;
    }

    /** The other word sets a passing value must hold one word of each. */
    List<Literals> also() {
        return also;
    }

    List<String> words() {
        return words;
    }

    /** The bits of the words' ids, as {@link Prefilter} sets them for a value that holds the word. */
    long[] mask() {
        return mask;
    }

    /** Whether the value contains one of the words; when not, the expression cannot match. */
    boolean mayMatch(String value) {
        if (!ascii(value)) {
            return true;
        }
        if (!mayStartWith(value)) {
            return false;
        }
        for (Literals a : also) {
            if (!a.mayMatch(value)) {
                return false;
            }
        }
        for (String w : words) {
            if (Ascii.containsIgnoreCase(value, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words a piece starts with: its literal word ({@link #word}), and when a group follows that word (not
     * quantified, each of its alternatives starting with a literal character), the word followed by each
     * alternative's literal run: {@code information_schema\\.(table_privileges|role_table_grants)} is in a value
     * only as {@code information_schema.table_privileges} or {@code information_schema.role_table_grants}, where
     * {@code information_schema.} alone is in most BI tools' catalog queries. {@code null} when the piece starts
     * with no word.
     */
    private static List<String> words(String piece) {
        Run r = run(piece);
        if (r.text().length() < MIN_WORD) {
            return null;
        }
        int at = r.end();
        if (at >= 0 && piece.startsWith("(", at) && (!piece.startsWith("(?", at) || piece.startsWith("(?:", at))) {
            int close = close(piece, at);
            if (close > 0 && !quantified(piece, close + 1)) {
                List<String> out = new ArrayList<>();
                for (String alternative :
                        split(piece.substring(piece.startsWith("(?:", at) ? at + 3 : at + 1, close))) {
                    String next = run(alternative).text();
                    if (next.isEmpty()) {
                        return List.of(r.text());
                    }
                    out.add(r.text() + next);
                }
                return out;
            }
        }
        return List.of(r.text());
    }

    /**
     * The literal characters a piece starts with (escaped dots included, a last one a quantifier governs left out),
     * and the index where they stop: -1 when they stop at a quantified character, so that nothing follows them in
     * every match.
     */
    private record Run(String text, int end) {}

    private static Run run(String piece) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < piece.length()) {
            char c = piece.charAt(i);
            if (c == '\\' && i + 1 < piece.length() && (piece.charAt(i + 1) == '.' || piece.charAt(i + 1) == '-')) {
                if (quantified(piece, i + 2)) {
                    return new Run(b.toString(), -1);
                }
                b.append(piece.charAt(i + 1));
                i += 2;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '/')) {
                if (quantified(piece, i + 1)) {
                    return new Run(b.toString(), -1);
                }
                b.append(c);
                i++;
            } else {
                break;
            }
        }
        return new Run(b.toString(), i);
    }

    private static boolean quantified(String re, int at) {
        return at < re.length() && "?*+{".indexOf(re.charAt(at)) >= 0;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping escapes and classes; -1 if none. */
    private static int close(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(re, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int classEnd(String re, int open) {
        for (int i = open + 1; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']' && i > open + 1) {
                return i;
            }
        }
        return -1;
    }

    /** The alternatives of a group's content, split at its own {@code |}. */
    private static List<String> split(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(inner, i);
                if (i < 0) {
                    return List.of("");
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inner.substring(from));
        return parts;
    }

    private static boolean topLevelBar(String re) {
        return split(re).size() > 1;
    }
}
