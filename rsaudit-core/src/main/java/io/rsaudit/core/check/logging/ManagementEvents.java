package io.rsaudit.core.check.logging;

import io.rsaudit.core.model.Trail;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which management events a trail's event selectors record. Basic selectors: {@code IncludeManagementEvents} with
 * {@code ReadWriteType}. Advanced selectors: {@code eventCategory} equals {@code Management}, narrowed by
 * {@code readOnly}; for trails the only other field management selectors accept is {@code eventSource}, to leave
 * out KMS or RDS Data API events.
 *
 * @param limitedTo management selectors that keep only some event sources (they do not count)
 * @param exclusions event sources a counting selector leaves out, for the message
 * @param undetermined a selector that could not be read, or {@code null}
 */
record ManagementEvents(
        boolean read, boolean write, List<String> limitedTo, List<String> exclusions, Value<?> undetermined) {

    static ManagementEvents of(Trail.EventSelectors selectors) {
        Builder b = new Builder();
        for (int i = 0; i < selectors.basic().size(); i++) {
            Trail.BasicSelector s = selectors.basic().get(i);
            Value<Boolean> include = s.includeManagementEvents();
            if (!include.isPresent()) {
                b.undetermine(include.orUnknown(
                        "event selector " + i + " does not say whether it includes management events"));
                continue;
            }
            if (!include.value()) {
                continue;
            }
            Value<String> rw = s.readWriteType();
            switch (rw.isPresent() ? rw.value() : "") {
                case "All" -> b.both();
                case "ReadOnly" -> b.read = true;
                case "WriteOnly" -> b.write = true;
                default ->
                    b.undetermine(rw.orUnknown("event selector " + i + " has ReadWriteType '" + rw.value()
                            + "', which is not All, ReadOnly or WriteOnly"));
            }
            if (s.excludedSources().isPresent() && !s.excludedSources().value().isEmpty()) {
                b.exclusions.add(
                        "ExcludeManagementEventSources " + s.excludedSources().value() + " in event selector " + i);
            }
        }
        for (Trail.AdvancedSelector s : selectors.advanced()) {
            b.advanced(s);
        }
        return new ManagementEvents(
                b.read, b.write, List.copyOf(b.limitedTo), List.copyOf(b.exclusions), b.undetermined);
    }

    boolean both() {
        return read && write;
    }

    /** What is missing, for a trail that does not record both kinds: "records only write management events". */
    String gap() {
        String limits =
                limitedTo.isEmpty() ? "" : " (its management selectors keep only " + String.join("; ", limitedTo) + ")";
        if (read) {
            return "records only read-only management events, not the write events that change resources" + limits;
        }
        if (write) {
            return "records only write management events, not the read-only ones (Describe*, Get*, List*)" + limits;
        }
        return "records no management events" + limits;
    }

    private static final class Builder {
        boolean read;
        boolean write;
        Value<?> undetermined;
        final List<String> limitedTo = new ArrayList<>();
        final List<String> exclusions = new ArrayList<>();

        void both() {
            read = true;
            write = true;
        }

        void undetermine(Value<?> why) {
            undetermined = undetermined != null ? undetermined : why;
        }

        void advanced(Trail.AdvancedSelector s) {
            List<String> category = s.equalsFor("eventCategory");
            if (category == null
                    || !category.contains("Management")
                    || !s.othersFor("eventCategory").isEmpty()) {
                return;
            }
            String name = s.name() == null ? "an unnamed selector" : "'" + s.name() + "'";
            if (s.equalsFor("eventSource") != null) {
                limitedTo.add("eventSource " + s.equalsFor("eventSource") + " in " + name);
                return;
            }
            s.othersFor("eventSource")
                    .forEach((op, values) -> exclusions.add("eventSource " + op + " " + values + " in " + name));
            List<String> readOnly = s.equalsFor("readOnly");
            Map<String, List<String>> readOnlyOthers = s.othersFor("readOnly");
            if (readOnly == null && readOnlyOthers.isEmpty()) {
                both();
            } else if (readOnly != null) {
                read |= readOnly.contains("true");
                write |= readOnly.contains("false");
            } else {
                List<String> not = readOnlyOthers.getOrDefault("NotEquals", List.of());
                read |= not.contains("false");
                write |= not.contains("true");
            }
        }
    }
}
