package io.rsaudit.core.report;

import java.util.Locale;

/**
 * Input-derived text made safe for a terminal: control characters (C0, DEL, C1: ESC, BEL, CR, LF...), bidirectional
 * and other format characters (U+202E, U+2066, zero-width...) and line separators are shown as escapes
 * ({@code \x1b}, {@code \u202e}), so that a resource name, a tag or an SQL text cannot move the cursor, colour the
 * screen, reorder a line or forge a report line of its own.
 */
public final class Terminal {

    private Terminal() {}

    /** {@code text} with every character a terminal would act on escaped; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            // printable ASCII first, without a call: this runs on every value a report prints
            if ((c < 0x20 || c >= 0x7f) && acts(c)) {
                break;
            }
        }
        if (i == n) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!acts(c)) {
                b.append(c);
            } else if (c < 0x100) {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * A message of several lines ({@code \n} between them, as rsaudit writes its own): each line escaped as by
     * {@link #escape}, the line ends kept. For messages on stderr that quote input.
     */
    public static String escapeLines(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return escape(text);
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        int from = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            b.append(escape(text.substring(from, nl))).append('\n');
            from = nl + 1;
        }
        return b.append(escape(text.substring(from))).toString();
    }

    /**
     * Whether every line of {@code text} (lines ended by {@code \n}) prints as it is: {@link #escape} would change
     * none of them.
     */
    public static boolean linesPrintAsTheyAre(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && acts(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a terminal would act on {@code c} rather than print it. */
    static boolean acts(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c < 0x600) {
            return c == 0xad; // the soft hyphen, the one format character below U+0600
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
