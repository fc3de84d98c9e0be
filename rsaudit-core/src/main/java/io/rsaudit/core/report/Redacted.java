package io.rsaudit.core.report;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.redact.Redactor;

/** Values printed from log records, for any report format: secrets removed once more, as the reader did. */
public final class Redacted {

    private Redacted() {}

    /** What an evidence record says, in one line: its SQL, or its action; secrets removed again. */
    public static String describe(Event e) {
        String text = e.sql() != null ? e.sql() : e.action();
        if (text == null) {
            text = "";
        }
        text = Redactor.redact(text).replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /**
     * A raw field shown as evidence ({@code userIdentity.accessKeyId}, {@code requestParameters.destinationRegion}):
     * an access key id alone is an identifier investigators pivot on and is shown as it is; anything else as
     * {@link #safe}.
     */
    public static String detail(String value) {
        if (value != null && value.length() == 20 && (value.startsWith("AKIA") || value.startsWith("ASIA"))) {
            boolean id = true;
            for (int i = 4; i < 20 && id; i++) {
                char c = value.charAt(i);
                id = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            }
            if (id) {
                return value;
            }
        }
        return safe(value);
    }

    /**
     * A value as a terminal may show it: secrets removed, then every character a terminal acts on escaped
     * ({@link Terminal#escape}); {@code null} stays {@code null}. Plain printable ASCII, most values, is returned
     * after one pass.
     */
    public static String forTerminal(String value) {
        if (value == null || Redactor.isPlainPrintableAscii(value)) {
            return value;
        }
        return Terminal.escape(Redactor.redact(value));
    }

    /** Any value printed from a record, with secrets removed again; {@code null} stays {@code null}. */
    public static String safe(String value) {
        return Redactor.redact(value);
    }
}
