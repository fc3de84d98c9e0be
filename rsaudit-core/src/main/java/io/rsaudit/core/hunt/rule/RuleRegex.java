package io.rsaudit.core.hunt.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The regular expressions of rules ({@code |re} tests and {@code extract}), compiled for RE2/J: matching takes
 * time linear in the text, whatever the pattern, so no rule (built-in or a user's) can hang or overflow the stack
 * on attacker-written SQL. RE2 syntax is Java's without the constructs that need backtracking; those are refused
 * when the rule loads, with a reason naming the construct.
 */
final class RuleRegex {

    /** Java constructs RE2 does not run, and what to write instead. */
    private static final String[][] UNSUPPORTED = {
        {"(?<=", "lookbehind (?<=...) is not supported; match the preceding text, or use \\b"},
        {"(?<!", "negative lookbehind (?<!...) is not supported; use a class such as (?:^|[^a-z0-9]) or \\b"},
        {"(?=", "lookahead (?=...) is not supported; match the following text, or use \\b"},
        {"(?!", "negative lookahead (?!...) is not supported; use a class such as (?:[^a-z0-9]|$) or \\b"},
        {"(?>", "atomic groups (?>...) are not supported; write a plain group"},
        {"*+", "possessive quantifiers (*+, ++, ?+) are not supported; write a plain quantifier"},
        {"++", "possessive quantifiers (*+, ++, ?+) are not supported; write a plain quantifier"},
        {"?+", "possessive quantifiers (*+, ++, ?+) are not supported; write a plain quantifier"},
        {"\\k<", "backreferences (\\k<name>) are not supported"},
        {"\\G", "\\G (end of the previous match) is not supported"},
        {"\\Z", "\\Z is not supported; use \\z or $"},
    };

    private RuleRegex() {}

    /**
     * The compiled pattern.
     *
     * @throws IllegalArgumentException with the reason the pattern cannot run on RE2
     */
    static Pattern compile(String re) {
        String unsupported = unsupported(re);
        if (unsupported != null) {
            throw new IllegalArgumentException(unsupported);
        }
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription()
                    + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " at '" + e.getPattern() + "'"));
        }
    }

    /** Why RE2 cannot run the pattern, or {@code null}; escaped characters are skipped. */
    static String unsupported(String re) {
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (n >= '1' && n <= '9') {
                    return "backreferences (\\" + n + ") are not supported: they need backtracking";
                }
                for (String[] u : UNSUPPORTED) {
                    if (u[0].startsWith("\\") && re.startsWith(u[0], i)) {
                        return u[1];
                    }
                }
                i++;
                continue;
            }
            if (c == '[') {
                i = classEnd(re, i);
                continue;
            }
            for (String[] u : UNSUPPORTED) {
                if (!u[0].startsWith("\\") && re.startsWith(u[0], i)) {
                    return u[1];
                }
            }
        }
        return null;
    }

    /**
     * The index of the ']' closing the class opened at {@code open} (POSIX classes such as {@code [:alpha:]} inside
     * it skipped), or the last index when it is not closed.
     */
    static int classEnd(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && re.startsWith("[:", i) && re.indexOf(":]", i + 2) >= 0) {
                i = re.indexOf(":]", i + 2) + 1;
            } else if (c == ']') {
                return i;
            }
        }
        return re.length() - 1;
    }
}
