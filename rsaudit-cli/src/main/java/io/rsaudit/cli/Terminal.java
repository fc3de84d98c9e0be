package io.rsaudit.cli;

/** Values from the input made safe to print on a terminal: control characters shown as escapes, never run. */
final class Terminal {

    private Terminal() {}

    /** {@code s} with every control character (C0, DEL, C1) written as {@code \\uXXXX}; {@code null} stays "". */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
