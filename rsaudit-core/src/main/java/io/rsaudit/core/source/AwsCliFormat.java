package io.rsaudit.core.source;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How the AWS CLI v2 prints JSON, for whatever writes an export (the live collector, the benchmark's estate
 * generator): the same bytes the CLI would print, so an export reads the same whoever wrote it.
 */
public final class AwsCliFormat {

    /**
     * The AWS CLI's layout ({@code json.dumps(indent=4)}): four-space indents, {@code ": "} between a name and its
     * value, and {@code []} / {@code {}} for empty containers.
     */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    private AwsCliFormat() {}

    /** A fresh printer (printers keep nesting state: one per generator). */
    public static DefaultPrettyPrinter prettyPrinter() {
        return PRETTY.createInstance();
    }

    /**
     * A timestamp as the AWS CLI v2 prints it (Python's {@code isoformat()} in UTC):
     * {@code 2025-05-31T08:15:42.123000+00:00}, without the fraction when it is zero; below a microsecond is dropped.
     */
    public static String timestamp(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(32);
        int year = d.getYear();
        if (year < 1000) {
            b.append("000", 0, year < 10 ? 3 : year < 100 ? 2 : 1);
        }
        b.append(year).append('-');
        two(b, d.getMonthValue()).append('-');
        two(b, d.getDayOfMonth()).append('T');
        two(b, d.getHour()).append(':');
        two(b, d.getMinute()).append(':');
        two(b, d.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String m = Integer.toString(micros);
            b.append('.').append("000000", 0, 6 - m.length()).append(m);
        }
        return b.append("+00:00").toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return (v < 10 ? b.append('0') : b).append(v);
    }
}
