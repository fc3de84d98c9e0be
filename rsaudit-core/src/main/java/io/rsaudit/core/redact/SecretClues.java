package io.rsaudit.core.redact;

/**
 * What {@link Redactor#mayContainSecret} looks for, gathered part by part, so that a text made of fixed parts and
 * short values (a fix command: a check's template filled per resource) is judged by reading its fixed parts once and
 * only the values, with the characters around them, per text. The first pass is true exactly when the text holds
 * {@code token}, {@code secret} or {@code symmetric}; or {@code passw} or {@code pwd} before one of {@code ' " = : $};
 * or {@code ://} before an {@code @} (stems in ASCII case): this keeps the first and last positions of each.
 *
 * <p>Each {@link #add} counts the clues that start in a range of a text, reading the text after the range as far as a
 * clue reaches (nine characters at most). A text cut into ranges gives the same answer as the whole text when every
 * clue lies within one range, or starts in a range read from the whole text: read a short value from eight characters
 * before it (the longest stem but one), in the whole text, and clues that cross its ends are counted.
 */
public final class SecretClues {

    /** How far before a range a clue that reaches into it may start: the longest stem, {@code symmetric}, less one. */
    public static final int REACH = 8;

    private boolean stem;
    private int firstPassword = Integer.MAX_VALUE;
    private int lastSeparator = -1;
    private int firstUrl = Integer.MAX_VALUE;
    private int lastAt = -1;

    /**
     * {@link Redactor#mayContainSecret} of the text from {@code from} to the end of {@code text}, which is made of
     * literals and values: literal {@code i} starts at {@code literalStarts[i]} and its clues were gathered from it
     * alone ({@code literals[i]}); value {@code i} is from {@code valueStarts[i]} to {@code valueEnds[i]}. Only the
     * values are read here, each from {@link #REACH} characters before it (not before {@code from}).
     */
    public static boolean mayContainSecret(
            CharSequence text,
            int from,
            SecretClues[] literals,
            int[] literalStarts,
            int[] valueStarts,
            int[] valueEnds) {
        SecretClues clues = new SecretClues();
        for (int i = 0; i < literals.length; i++) {
            clues.add(literals[i], literalStarts[i]);
        }
        for (int i = 0; i < valueStarts.length; i++) {
            clues.add(text, Math.max(from, valueStarts[i] - REACH), valueEnds[i], 0);
        }
        return clues.mayContainSecret();
    }

    /** Whether the text the clues were gathered from may hold a secret: {@link Redactor#mayContainSecret} of it. */
    public boolean mayContainSecret() {
        return stem || firstPassword < lastSeparator || firstUrl < lastAt;
    }

    /**
     * Adds the clues that start at {@code from} to {@code to} (exclusive) of {@code s}, at their position in {@code s}
     * plus {@code shift}; a clue may read on past {@code to}, to the end of {@code s}.
     */
    public SecretClues add(CharSequence s, int from, int to, int shift) {
        int n = s.length();
        for (int i = Math.max(0, from); i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'', '"', '=', ':', '$' -> {
                    lastSeparator = Math.max(lastSeparator, i + shift);
                    if (c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                        firstUrl = Math.min(firstUrl, i + shift);
                    }
                }
                case '@' -> lastAt = Math.max(lastAt, i + shift);
                default -> {
                    switch (c | 0x20) {
                        case 'p' -> {
                            if (Redactor.matchesAt(s, i, n, "passw") || Redactor.matchesAt(s, i, n, "pwd")) {
                                firstPassword = Math.min(firstPassword, i + shift);
                            }
                        }
                        case 't' -> stem |= Redactor.matchesAt(s, i, n, "token");
                        case 's' ->
                            stem |= Redactor.matchesAt(s, i, n, "secret") || Redactor.matchesAt(s, i, n, "symmetric");
                        default -> {}
                    }
                }
            }
        }
        return this;
    }

    /** Adds {@code other}'s clues, their positions plus {@code shift}. */
    public SecretClues add(SecretClues other, int shift) {
        stem |= other.stem;
        if (other.firstPassword != Integer.MAX_VALUE) {
            firstPassword = Math.min(firstPassword, other.firstPassword + shift);
        }
        if (other.lastSeparator >= 0) {
            lastSeparator = Math.max(lastSeparator, other.lastSeparator + shift);
        }
        if (other.firstUrl != Integer.MAX_VALUE) {
            firstUrl = Math.min(firstUrl, other.firstUrl + shift);
        }
        if (other.lastAt >= 0) {
            lastAt = Math.max(lastAt, other.lastAt + shift);
        }
        return this;
    }
}
