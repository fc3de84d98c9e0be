package io.rsaudit.core.hunt.engine;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.model.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One detection: which rule, how bad, when (first and last evidence), who and from where, and the evidence
 * records. Who, where and which cluster are the values the evidence shares, or all of them comma-separated.
 *
 * @param summary what happened in a sentence ("12 events, 5 distinct user, within 5m for sourceAddress=...")
 * @param eventCount how many events the alert stands for; {@code evidence} holds at most {@link #EVIDENCE_LIMIT}
 * @param evidence the first events, with their common fields, time and origin; of the raw fields only
 *     {@code redactions} is kept (the engine does not hold whole events)
 * @param key the values of the rule's correlation {@code by} fields the alert is about (empty for a rule without
 *     correlation), by which {@link Incidents} finds two rules' alerts about one incident; not reported
 */
public record Alert(
        String ruleId,
        String title,
        Severity level,
        List<String> tags,
        Instant first,
        Instant last,
        String actor,
        String sourceAddress,
        String cluster,
        String account,
        String region,
        String summary,
        long eventCount,
        List<Event> evidence,
        List<String> key) {

    public static final int EVIDENCE_LIMIT = 100;

    public Alert {
        tags = List.copyOf(tags);
        evidence = List.copyOf(evidence);
        key = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
    }

    /** The same alert about the correlation key {@code key}. */
    public Alert withKey(List<String> key) {
        return new Alert(
                ruleId,
                title,
                level,
                tags,
                first,
                last,
                actor,
                sourceAddress,
                cluster,
                account,
                region,
                summary,
                eventCount,
                evidence,
                key);
    }
}
