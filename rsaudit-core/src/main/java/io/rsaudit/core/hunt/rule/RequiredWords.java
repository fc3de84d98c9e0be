package io.rsaudit.core.hunt.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every match of a regular expression contains, read from its text: a list of word sets, each of which a
 * match holds one word of (lower case, ASCII, at least {@value #MIN_WORD} characters). A literal run of the
 * expression outside any optional part is such a set of one word; a group of alternatives that each hold such a
 * set gives the union of one set of each. {@code (?i)^\s*(drop\s+table|truncate)\s+\S*log} gives
 * {@code [[table, truncate], [log]]}: a value without "log" cannot match, whatever its start.
 *
 * <p>Anything not understood contributes nothing (a class, an escape other than {@code \.} and {@code \-}, a
 * group of another kind than {@code (...)} and {@code (?:...)}, a part that may repeat zero times), so the sets are
 * always necessary, never sufficient; an expression with {@code \Q}, {@code \x}, {@code \p} or {@code \C} gives
 * none. Words are compared ignoring ASCII case, a superset of a case-sensitive match.
 */
final class RequiredWords {

    private static final int MIN_WORD = 3;
    /** Sets kept per expression: the ones with the longest shortest word. */
    private static final int MAX_SETS = 3;

    private final String re;
    private int at;

    private RequiredWords(String re) {
        this.re = re;
    }

    /** The word sets every match holds one word of each; empty when none is known. */
    static List<List<String>> of(String regex) {
        String re = regex.startsWith("(?i)") ? regex.substring(4) : regex;
        if (re.contains("\\Q")
                || re.contains("\\x")
                || re.contains("\\p")
                || re.contains("\\P")
                || re.contains("\\C")) {
            return List.of();
        }
        RequiredWords r = new RequiredWords(re);
        List<Set<String>> sets;
        try {
            sets = r.alternation();
            if (r.at != re.length()) {
                return List.of();
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        if (sets == null) {
            return List.of();
        }
        List<Set<String>> best = new ArrayList<>(sets);
        best.sort((a, b) -> Integer.compare(shortest(b), shortest(a)));
        List<List<String>> out = new ArrayList<>();
        for (Set<String> s : best) {
            List<String> words = List.copyOf(s);
            if (!out.contains(words) && out.size() < MAX_SETS) {
                out.add(words);
            }
        }
        return out;
    }

    private static int shortest(Set<String> words) {
        return words.stream().mapToInt(String::length).min().orElse(0);
    }

    /** Alternatives up to a ')' or the end: one set from each, united; {@code null} when one has none. */
    private List<Set<String>> alternation() {
        List<List<Set<String>>> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (at < re.length() && re.charAt(at) == '|') {
            at++;
            alternatives.add(sequence());
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        Set<String> union = new LinkedHashSet<>();
        for (List<Set<String>> a : alternatives) {
            if (a.isEmpty()) {
                return null;
            }
            Set<String> best = a.get(0);
            for (Set<String> s : a) {
                if (shortest(s) > shortest(best)) {
                    best = s;
                }
            }
            union.addAll(best);
        }
        List<Set<String>> out = new ArrayList<>();
        out.add(union);
        return out;
    }

    /** The sets of a sequence of atoms, up to a '|', a ')' or the end. */
    private List<Set<String>> sequence() {
        List<Set<String>> sets = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        while (at < re.length()) {
            char c = re.charAt(at);
            if (c == '|' || c == ')') {
                break;
            }
            if (c == '(') {
                end(run, sets);
                List<Set<String>> inner = group();
                boolean required = quantifier();
                if (required && inner != null) {
                    sets.addAll(inner);
                }
                continue;
            }
            if (c == '[') {
                end(run, sets);
                at = classEnd(at) + 1;
                quantifier();
                continue;
            }
            char literal = 0;
            if (c == '\\') {
                if (at + 1 >= re.length()) {
                    throw new IllegalArgumentException();
                }
                char n = re.charAt(at + 1);
                literal = n == '.' || n == '-' ? n : 0;
                at += 2;
            } else {
                literal = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '/')
                        ? c
                        : 0;
                at++;
            }
            if (literal == 0) {
                end(run, sets);
                quantifier();
                continue;
            }
            if (at < re.length() && "?*+{".indexOf(re.charAt(at)) >= 0) {
                // a quantified character: the run stops before it
                end(run, sets);
                quantifier();
                continue;
            }
            run.append(Character.toLowerCase(literal));
        }
        end(run, sets);
        return sets;
    }

    /** A group at '(' : its alternation's sets, or {@code null} for a kind of group not understood. */
    private List<Set<String>> group() {
        at++;
        boolean known = true;
        if (re.startsWith("?:", at)) {
            at += 2;
        } else if (re.startsWith("?", at)) {
            known = false;
            // flags (?i) or (?i:...), a named group (?P<name>...): skipped to its content
            while (at < re.length() && re.charAt(at) != ':' && re.charAt(at) != ')' && re.charAt(at) != '>') {
                at++;
            }
            if (at < re.length() && re.charAt(at) == ')') {
                at++;
                return null;
            }
            at++;
        }
        List<Set<String>> inner = alternation();
        if (at >= re.length() || re.charAt(at) != ')') {
            throw new IllegalArgumentException();
        }
        at++;
        return known ? inner : null;
    }

    /** Skips a quantifier at {@link #at}, if any; whether what it governs is still required (none, + or {n>0}). */
    private boolean quantifier() {
        if (at >= re.length()) {
            return true;
        }
        char q = re.charAt(at);
        boolean required;
        if (q == '?' || q == '*') {
            at++;
            required = false;
        } else if (q == '+') {
            at++;
            required = true;
        } else if (q == '{') {
            int close = re.indexOf('}', at);
            if (close < 0) {
                throw new IllegalArgumentException();
            }
            String min = re.substring(at + 1, close).split(",", -1)[0].trim();
            required = !min.isEmpty() && Integer.parseInt(min) > 0;
            at = close + 1;
        } else {
            return true;
        }
        if (at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) {
            at++;
        }
        return required;
    }

    private static void end(StringBuilder run, List<Set<String>> sets) {
        if (run.length() >= MIN_WORD) {
            Set<String> s = new LinkedHashSet<>();
            s.add(run.toString().toLowerCase(Locale.ROOT));
            sets.add(s);
        }
        run.setLength(0);
    }

    /** The index of the ']' closing the class opened at {@code open}. */
    private int classEnd(int open) {
        int end = RuleRegex.classEnd(re, open);
        if (end <= open || re.charAt(end) != ']') {
            throw new IllegalArgumentException();
        }
        return end;
    }
}
