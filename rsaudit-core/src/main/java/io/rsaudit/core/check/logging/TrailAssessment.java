package io.rsaudit.core.check.logging;

import io.rsaudit.core.model.Trail;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one trail lacks to record the management events of every region with validated log files, and which of
 * its parts are not known. A trail with a lack cannot qualify, whatever its unknown parts turn out to be.
 */
final class TrailAssessment {

    private final Trail trail;
    private final List<String> lacks = new ArrayList<>();
    private Value<?> firstLack;
    /** Unknown parts grouped by their reason, so that one missing status file is named once. */
    private final Map<String, List<String>> unknownByReason = new LinkedHashMap<>();

    private Value<?> firstUnknown;
    private ManagementEvents events;

    private TrailAssessment(Trail trail) {
        this.trail = trail;
    }

    static TrailAssessment of(Trail trail) {
        TrailAssessment a = new TrailAssessment(trail);
        a.require(
                trail.multiRegion(),
                "IsMultiRegionTrail",
                "is single-region (IsMultiRegionTrail is false), so" + " it records only "
                        + (trail.homeRegion() == null ? "its home region" : trail.homeRegion()));
        a.require(trail.isLogging(), "IsLogging", "is not logging (IsLogging is false in get-trail-status)");
        a.require(
                trail.logFileValidation(),
                "LogFileValidationEnabled",
                "has log file validation off"
                        + " (LogFileValidationEnabled is false), so deleted or altered log files go unnoticed");
        a.managementEvents();
        return a;
    }

    private void require(Value<Boolean> value, String part, String lack) {
        if (!value.isPresent()) {
            unknown(value, part);
        } else if (!value.value()) {
            lack(value, lack);
        }
    }

    private void managementEvents() {
        Value<Boolean> custom = trail.hasCustomEventSelectors();
        if (custom.isPresent() && !custom.value()) {
            return;
        }
        Value<Trail.EventSelectors> selectors = trail.eventSelectors();
        if (!selectors.isPresent()) {
            unknown(selectors.isUnknown() ? selectors : custom, "event selectors");
            return;
        }
        events = ManagementEvents.of(selectors.value());
        if (events.both()) {
            return;
        }
        if (events.undetermined() != null) {
            unknown(events.undetermined(), "event selectors");
        } else {
            lack(selectors, events.gap());
        }
    }

    private void lack(Value<?> value, String text) {
        lacks.add(text);
        firstLack = firstLack == null ? value : firstLack;
    }

    private void unknown(Value<?> value, String part) {
        String reason = value.note() == null ? "not reported" : value.note();
        unknownByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(part);
        firstUnknown = firstUnknown == null ? value : firstUnknown;
    }

    boolean qualifies() {
        return lacks.isEmpty() && unknownByReason.isEmpty();
    }

    /** No known lack, but some part unknown. */
    boolean undetermined() {
        return lacks.isEmpty() && !unknownByReason.isEmpty();
    }

    Value<Boolean> loggingStatus() {
        return trail.isLogging();
    }

    Value<?> firstLack() {
        return firstLack;
    }

    Value<?> firstUnknown() {
        return firstUnknown;
    }

    String label() {
        return "trail " + trail.name() + " (home "
                + (trail.homeRegion() == null ? "region not reported" : trail.homeRegion()) + ")";
    }

    /** "trail t (home r) is single-region ...; is not logging ...". */
    String lacksText() {
        return label() + " " + String.join("; it ", lacks);
    }

    /** "trail t (home r): IsLogging, event selectors unknown (the trail's home region r was not collected)". */
    String unknownText() {
        List<String> groups = new ArrayList<>();
        unknownByReason.forEach(
                (reason, parts) -> groups.add(String.join(" and ", parts) + " unknown (" + reason + ")"));
        return label() + ": " + String.join("; ", groups);
    }

    /** For a qualifying trail: "trail t (home r), which is multi-region, ...", with any event sources it leaves out. */
    String passText() {
        String sources = events == null || events.exclusions().isEmpty()
                ? ""
                : "; note that it leaves out " + String.join(", ", events.exclusions());
        String selectors = events == null
                ? "the default event selector (all management events)"
                : "event selectors that include read and write management events";
        return label() + ", which is multi-region, logging, validates its log files and has " + selectors + sources;
    }
}
