package io.rsaudit.core.model;

import java.util.List;

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

    /** @param readWriteType {@code All}, {@code ReadOnly} or {@code WriteOnly} */
    public record BasicSelector(String readWriteType, boolean includeManagementEvents) {
    }

    /** Field conditions of one advanced selector: field name to the values it must equal. */
    public record AdvancedSelector(String name, java.util.Map<String, List<String>> equalsByField,
            java.util.Map<String, List<String>> otherConditionsByField) {

        public AdvancedSelector {
            equalsByField = java.util.Map.copyOf(equalsByField);
            otherConditionsByField = java.util.Map.copyOf(otherConditionsByField);
        }
    }
}
