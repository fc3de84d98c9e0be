package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hunt report opens with, known before the first record is read.
 *
 * @param inputs the inputs as given (paths, {@code s3://} prefixes, {@code cloudwatch:} groups)
 * @param policy where the policy came from ({@code built-in defaults} or its file)
 * @param rules the rules run, built-in and added, as compiled against the policy
 * @param idle by rule id, in the rules' order, the policy lists a rule needs that the policy leaves empty, so that
 *     it matches nothing, named as in the policy file ({@code hunt.auditLogBuckets}; {@link
 *     io.rsaudit.core.hunt.rule.CompiledRule#missingLists()}); rules that can match are absent
 * @param failOn alerts at or above it make the verdict FINDINGS; {@code null} for never
 */
public record HuntHeader(
        String toolVersion,
        Instant startedAt,
        List<String> inputs,
        String policy,
        List<Rule> rules,
        Map<String, List<String>> idle,
        Severity failOn) {

    public HuntHeader {
        inputs = List.copyOf(inputs);
        rules = List.copyOf(rules);
        idle = Collections.unmodifiableMap(new LinkedHashMap<>(idle));
    }

    /**
     * {@link #idle()} in words, one line per set of empty lists: {@code RSH-CT-020, RSH-CT-021 match nothing: the
     * policy's hunt.auditLogBuckets is empty}.
     */
    public List<String> idleLines() {
        return idleLines(idle);
    }

    /** {@link #idleLines()} of {@code idle}, rule ids to the empty lists they need. */
    public static List<String> idleLines(Map<String, List<String>> idle) {
        Map<List<String>, List<String>> byLists = new LinkedHashMap<>();
        idle.forEach((rule, lists) ->
                byLists.computeIfAbsent(lists, l -> new ArrayList<>()).add(rule));
        List<String> lines = new ArrayList<>();
        byLists.forEach((lists, rules) -> lines.add(String.join(", ", rules)
                + (rules.size() == 1 ? " matches" : " match") + " nothing: the policy's "
                + String.join(" and ", lists)
                + (lists.size() == 1 ? " is" : " are") + " empty"));
        return lines;
    }

    /** The idle rules of {@code compiled}, by id in their order: see {@link #idle()}. */
    public static Map<String, List<String>> idle(List<CompiledRule> compiled) {
        Map<String, List<String>> idle = new LinkedHashMap<>();
        for (CompiledRule r : compiled) {
            if (!r.missingLists().isEmpty()) {
                // the rule's references read ${policy.hunt.auditLogBuckets}; the policy file says hunt.auditLogBuckets
                idle.put(
                        r.rule().id(),
                        r.missingLists().stream()
                                .map(l -> l.substring("policy.".length()))
                                .toList());
            }
        }
        return idle;
    }
}
