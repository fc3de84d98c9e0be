package io.rsaudit.core.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the AWS CLI prints them: ISO 8601 with an offset or {@code Z} (CLI v2, and v1 for query
 * protocols), ISO without a zone (read as UTC), or epoch seconds as a number (CLI v1 for JSON protocols).
 */
public final class Timestamps {

    private Timestamps() {}

    /** The instant, or {@code null} when the text is not a timestamp the CLI prints. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not offset-qualified; try the other shapes
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Instant ofEpochSeconds(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }
}
