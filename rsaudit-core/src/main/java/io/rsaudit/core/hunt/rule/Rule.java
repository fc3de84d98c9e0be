package io.rsaudit.core.hunt.rule;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A detection rule as written in its file, validated. {@code condition} is {@code null} for a sequence, whose
 * steps carry the conditions; {@code correlation} is {@code null} for a rule that alerts on every matching event.
 *
 * @param absorbs the rule whose alerts about the same incident become part of this rule's; {@code null} for none
 * @param fields what an alert's evidence shows besides the fields the detection reads (Sigma's {@code fields}); a
 *     CloudTrail field shows every field under it ({@code requestParameters.LifecycleConfiguration})
 * @param source the file the rule was read from ({@code built-in:RSH-AUTH-001.yaml} for the jar's)
 */
public record Rule(
        String id,
        String title,
        Severity level,
        String description,
        List<String> tags,
        List<String> references,
        List<String> falsePositives,
        Set<LogType> logTypes,
        Map<String, Extract> extracts,
        Map<String, Selection> selections,
        Condition condition,
        Correlation correlation,
        Absorption absorbs,
        List<String> fields,
        String source) {

    public Rule {
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
        fields = List.copyOf(fields);
        logTypes = Set.copyOf(logTypes);
        extracts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extracts));
        selections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selections));
    }

    /** The same rule reported at another level (the policy's {@code hunt.levels}). */
    public Rule withLevel(Severity other) {
        return new Rule(
                id,
                title,
                other,
                description,
                tags,
                references,
                falsePositives,
                logTypes,
                extracts,
                selections,
                condition,
                correlation,
                absorbs,
                fields,
                source);
    }

    /**
     * One incident, one alert: an alert of rule {@code rule} whose correlation key equals this rule's alert's (the
     * {@code by} values in order, ignoring case) and whose time span lies within {@code within} of it is made part
     * of this rule's alert (a privilege change seen as the statement and as the user log's flag going 0 to 1).
     */
    public record Absorption(String rule, java.time.Duration within) {}

    /** The ATT&CK technique ids among the tags ({@code attack.t1110.001} gives {@code T1110.001}). */
    public List<String> techniques() {
        return tags.stream()
                .filter(t -> t.matches("attack\\.t\\d{4}(\\.\\d{3})?"))
                .map(t -> t.substring("attack.".length()).toUpperCase(java.util.Locale.ROOT))
                .toList();
    }
}
