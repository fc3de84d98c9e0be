package io.rsaudit.core.model;

import java.util.List;
import java.util.Map;

/**
 * A CloudTrail trail, with its status and event selectors read in its home region.
 *
 * @param eventSelectors unknown when {@code get-event-selectors} was not collected
 */
public record Trail(
        String name,
        String arn,
        String homeRegion,
        Provenance origin,
        Value<Boolean> multiRegion,
        Value<Boolean> logFileValidation,
        Value<Boolean> hasCustomEventSelectors,
        Value<Boolean> isLogging,
        Value<EventSelectors> eventSelectors) {

    /** The trail's selectors, basic and advanced, as {@code get-event-selectors} returns them. */
    public record EventSelectors(List<BasicSelector> basic, List<AdvancedSelector> advanced) {

        public EventSelectors {
            basic = List.copyOf(basic);
            advanced = List.copyOf(advanced);
        }
    }

    /**
     * A basic event selector.
     *
     * @param readWriteType {@code All}, {@code ReadOnly} or {@code WriteOnly}
     * @param excludedSources management event sources the selector leaves out ({@code kms.amazonaws.com}...)
     */
    public record BasicSelector(
            Value<String> readWriteType, Value<Boolean> includeManagementEvents, Value<List<String>> excludedSources) {}

    /**
     * An advanced event selector: for each field, each operator ({@code Equals}, {@code NotEquals},
     * {@code StartsWith}...) with its values.
     */
    public record AdvancedSelector(String name, Map<String, Map<String, List<String>>> conditions) {

        public AdvancedSelector {
            conditions = Map.copyOf(conditions);
        }

        /** The values {@code field} must equal, or {@code null} when the selector sets no Equals on it. */
        public List<String> equalsFor(String field) {
            return conditions.getOrDefault(field, Map.of()).get("Equals");
        }

        /** The field's conditions other than Equals, by operator. */
        public Map<String, List<String>> othersFor(String field) {
            Map<String, List<String>> all = new java.util.LinkedHashMap<>(conditions.getOrDefault(field, Map.of()));
            all.remove("Equals");
            return all;
        }
    }
}
