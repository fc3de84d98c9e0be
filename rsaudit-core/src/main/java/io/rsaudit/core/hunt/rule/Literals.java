package io.rsaudit.core.hunt.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cheap test that must pass before a regular expression can match: the literal words one of which every match
 * contains. Only a simple, common shape is understood - an optional {@code (?i)}, zero-width {@code ^} and
 * {@code \b} and leading white space {@code \s*} or {@code \s+}, then a literal word or a group of alternatives each starting with a literal word, and no {@code |}
 * outside groups; for anything else there is no prefilter ({@code null}) and the expression runs as before. Java's
 * {@code (?i)} folds ASCII only, which is how the words are compared, so the test never rejects a value the
 * expression would find.
 */
final class Literals {

    /** Shorter words would pass almost every value. */
    private static final int MIN_WORD = 3;

    private final List<String> words;
    private final boolean ignoreCase;

    private Literals(List<String> words, boolean ignoreCase) {
        this.words = words;
        this.ignoreCase = ignoreCase;
    }

    /** The prefilter of an expression, or {@code null} when its shape is not understood. */
    static Literals of(String regex) {
        String re = regex;
        boolean ignoreCase = false;
        if (re.startsWith("(?i)")) {
            ignoreCase = true;
            re = re.substring(4);
        }
        if (re.startsWith("(?") && !re.startsWith("(?:") || topLevelBar(re)) {
            return null;
        }
        int i = 0;
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
        List<String> words = new ArrayList<>();
        if (re.startsWith("(", i)) {
            int close = close(re, i);
            if (close < 0 || re.startsWith("(?", i) && !re.startsWith("(?:", i) || quantified(re, close + 1)) {
                return null;
            }
            String inner = re.substring(re.startsWith("(?:", i) ? i + 3 : i + 1, close);
            for (String alternative : split(inner)) {
                String w = word(alternative);
                if (w == null) {
                    return null;
                }
                words.add(w);
            }
        } else {
            String w = word(re.substring(i));
            if (w == null) {
                return null;
            }
            words.add(w);
        }
        boolean fold = ignoreCase;
        return new Literals(
                words.stream().map(w -> fold ? w.toLowerCase(Locale.ROOT) : w).toList(), fold);
    }

    List<String> words() {
        return words;
    }

    /** Whether the value contains one of the words; when not, the expression cannot match. */
    boolean mayMatch(String value) {
        for (String w : words) {
            if (ignoreCase ? Ascii.containsIgnoreCase(value, w) : value.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The literal word a piece starts with (escaped dots included), without a last letter a quantifier governs. */
    private static String word(String piece) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < piece.length()) {
            char c = piece.charAt(i);
            if (c == '\\' && i + 1 < piece.length() && (piece.charAt(i + 1) == '.' || piece.charAt(i + 1) == '-')) {
                if (quantified(piece, i + 2)) {
                    break;
                }
                b.append(piece.charAt(i + 1));
                i += 2;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '/')) {
                if (quantified(piece, i + 1)) {
                    break;
                }
                b.append(c);
                i++;
            } else {
                break;
            }
        }
        return b.length() >= MIN_WORD ? b.toString() : null;
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
