package io.rsaudit.fix.format;

/** Values from the estate made safe for a terminal: control characters (ESC, CR, C1) shown as {@code \\uXXXX}. */
public final class Terminal {

    private Terminal() {}

    public static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean control = ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == '\u2028' || ch == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
