package io.rsaudit.fix.plan;

import io.rsaudit.core.model.Scope;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster's weekly maintenance window, as {@code PreferredMaintenanceWindow} gives it: {@code
 * ddd:hh24:mi-ddd:hh24:mi} in UTC ({@code sun:02:00-sun:02:30}; it may cross midnight and the end of the week: {@code
 * sat:23:30-sun:00:00}).
 *
 * @param text the window as AWS gave it
 * @param start minutes from Monday 00:00 UTC to the opening
 * @param length how long it is open
 */
public record MaintenanceWindow(String text, int start, Duration length) {

    private static final Pattern WINDOW = Pattern.compile(
            "(mon|tue|wed|thu|fri|sat|sun):(\\d{2}):(\\d{2})-(mon|tue|wed|thu|fri|sat|sun):(\\d{2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY,
            "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY,
            "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);
    private static final int WEEK = 7 * 24 * 60;

    /** The window of {@code text}, or empty when it is not of that form (case is ignored). */
    public static Optional<MaintenanceWindow> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = WINDOW.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer from = minutes(m.group(1), m.group(2), m.group(3));
        Integer to = minutes(m.group(4), m.group(5), m.group(6));
        if (from == null || to == null || from.equals(to)) {
            return Optional.empty();
        }
        int length = Math.floorMod(to - from, WEEK);
        return Optional.of(new MaintenanceWindow(text.strip(), from, Duration.ofMinutes(length)));
    }

    private static Integer minutes(String day, String hour, String minute) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        if (h > 23 || m > 59) {
            return null;
        }
        return (DAYS.get(day).getValue() - 1) * 24 * 60 + h * 60 + m;
    }

    /** When the first window that has not closed by {@code now} opens (before {@code now} if it is open now). */
    public Instant nextOpening(Instant now) {
        ZonedDateTime monday = now.atZone(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .minusDays(now.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() - 1L);
        // the opening of this week's window, and the weeks around it, the first whose end is after now
        for (int week = -1; week <= 1; week++) {
            Instant opening = monday.plusWeeks(week).plusMinutes(start).toInstant();
            if (opening.plus(length).isAfter(now)) {
                return opening;
            }
        }
        throw new IllegalStateException("unreachable: a window recurs every week");
    }

    /** When the next maintenance window of a cluster opens, or empty when its window is not known. */
    public static Optional<Instant> nextOpening(Facts facts, Scope scope, String cluster, Instant now) {
        return facts.maintenanceWindow(scope, cluster)
                .flatMap(MaintenanceWindow::parse)
                .map(w -> w.nextOpening(now));
    }

    /**
     * When a change that waits for a reboot of the cluster takes effect, as a clause: "at the next reboot of the
     * cluster (...)", naming the flag that reboots it and the next maintenance window.
     */
    public static String whenPending(Facts facts, Scope scope, String cluster, Instant now) {
        Optional<MaintenanceWindow> window =
                facts.maintenanceWindow(scope, cluster).flatMap(MaintenanceWindow::parse);
        return "at the next reboot of the cluster (" + FixOptions.ALLOW_REBOOT + " reboots it; Redshift reboots it in a"
                + " maintenance window when it applies maintenance, "
                + window.map(w -> "the next opening " + w.describeNext(now))
                        .orElse("and the cluster's maintenance window is not known")
                + ")";
    }

    /** "2026-06-06T23:30:00Z (sat:23:30-sun:00:00 UTC)": when the next window opens, with the window. */
    public String describeNext(Instant now) {
        Instant opening = nextOpening(now);
        return opening + (opening.isAfter(now) ? "" : ", open now,") + " (" + text + " UTC)";
    }
}
