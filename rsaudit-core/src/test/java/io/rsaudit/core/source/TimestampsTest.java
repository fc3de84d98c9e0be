package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link Timestamps#parse} reads exactly what the ISO formatters read, and refuses the rest. */
class TimestampsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-05-31T08:15:42.123000+00:00",
                "2025-05-31T08:15:42+00:00",
                "2025-05-31T08:15:42Z",
                "2025-05-31T08:15:42.1Z",
                "2025-05-31T08:15:42.123456789Z",
                "2025-05-31T08:15:42.1234567891Z",
                "2025-05-31T08:15:42",
                "2025-05-31T08:15:42.5",
                "2025-05-31T08:15:42-05:30",
                "2025-05-31T08:15:42+14:00",
                "2025-05-31T08:15:42+19:00",
                "2025-05-31T08:15:42+0000",
                "2025-05-31T08:15+00:00",
                "2025-05-31t08:15:42z",
                "2024-02-29T00:00:00Z",
                "2025-02-29T00:00:00Z",
                "2025-13-01T00:00:00Z",
                "2025-05-31T24:00:00Z",
                "2025-05-31T23:59:60Z",
                "2025-05-31T08:15:42.Z",
                "2025-05-31T08:15:42Zjunk",
                "2025-05-31 08:15:42Z",
                "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z",
                "not a timestamp",
                ""
            })
    void readsWhatTheIsoFormattersRead(String text) {
        assertThat(Timestamps.parse(text)).as(text).isEqualTo(Timestamps.parseWithFormatters(text));
    }
}
