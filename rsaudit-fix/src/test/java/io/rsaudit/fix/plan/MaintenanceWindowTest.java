package io.rsaudit.fix.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    /** A Monday. */
    static final Instant MONDAY_NOON = Instant.parse("2026-06-01T12:00:00Z");

    static MaintenanceWindow window(String text) {
        return MaintenanceWindow.parse(text).orElseThrow();
    }

    @Test
    void theNextOpeningIsLaterThisWeekOrNextWeek() {
        assertThat(window("sun:02:00-sun:02:30").nextOpening(MONDAY_NOON))
                .isEqualTo(Instant.parse("2026-06-07T02:00:00Z"));
        assertThat(window("wed:22:00-wed:22:30").nextOpening(MONDAY_NOON))
                .isEqualTo(Instant.parse("2026-06-03T22:00:00Z"));
        // Monday's morning window has passed: next Monday's
        assertThat(window("mon:03:00-mon:03:30").nextOpening(MONDAY_NOON))
                .isEqualTo(Instant.parse("2026-06-08T03:00:00Z"));
    }

    @Test
    void aWindowAcrossMidnightAndTheWeeksEnd() {
        MaintenanceWindow w = window("sat:23:30-sun:00:00");
        assertThat(w.length()).isEqualTo(Duration.ofMinutes(30));
        assertThat(w.nextOpening(MONDAY_NOON)).isEqualTo(Instant.parse("2026-06-06T23:30:00Z"));
        MaintenanceWindow late = window("sun:23:30-mon:00:30");
        // opened Sunday 23:30, still open at Monday 00:10: that window
        assertThat(late.nextOpening(Instant.parse("2026-06-01T00:10:00Z")))
                .isEqualTo(Instant.parse("2026-05-31T23:30:00Z"));
        assertThat(late.describeNext(Instant.parse("2026-06-01T00:10:00Z"))).contains("open now");
        assertThat(late.nextOpening(Instant.parse("2026-06-01T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-06-07T23:30:00Z"));
    }

    @Test
    void anOpenWindowIsTheOneNowAndAClosedOneTheNext() {
        MaintenanceWindow w = window("Mon:11:45-Mon:12:15");
        assertThat(w.nextOpening(MONDAY_NOON)).isEqualTo(Instant.parse("2026-06-01T11:45:00Z"));
        assertThat(w.nextOpening(Instant.parse("2026-06-01T12:15:00Z")))
                .isEqualTo(Instant.parse("2026-06-08T11:45:00Z"));
        assertThat(w.describeNext(Instant.parse("2026-06-01T12:15:00Z")))
                .isEqualTo("2026-06-08T11:45:00Z (Mon:11:45-Mon:12:15 UTC)");
    }

    @Test
    void anythingElseIsNotAWindow() {
        for (String bad : new String[] {
            null,
            "",
            "sun:02:00",
            "sun:24:00-sun:02:00",
            "sun:02:60-sun:03:00",
            "xyz:02:00-sun:03:00",
            "sun:02:00-sun:02:00"
        }) {
            assertThat(MaintenanceWindow.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
