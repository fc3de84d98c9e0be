package io.rsaudit.core.hunt.engine;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.rule.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One incident, one alert, across rules: a rule that {@code absorbs} another ({@link Rule.Absorption}) takes into
 * each of its alerts the other rule's alerts about the same correlation key (the {@code by} values in order, ignoring
 * case) whose time spans lie within the absorption's {@code within} of it. The joined alert keeps the absorbing
 * rule's id and title, takes the higher level, both summaries, every event counted and both evidence lists in event
 * order; the absorbed alerts are not reported on their own. Applied to the rules' reported alerts (the earliest
 * {@link HuntEngine#ALERT_LIMIT} of each), by the engine and by a distributed hunt that merges engines' alerts alike.
 */
public final class Incidents {

    private Incidents() {}

    /**
     * The alerts with every absorbed alert made part of its absorber's, in the given order otherwise.
     *
     * @param rules the rules that ran (an absorption naming a rule that did not run absorbs nothing)
     */
    public static List<Alert> join(List<Rule> rules, List<Alert> alerts) {
        Map<String, List<Alert>> byRule = new LinkedHashMap<>();
        for (Alert a : alerts) {
            byRule.computeIfAbsent(a.ruleId(), x -> new ArrayList<>()).add(a);
        }
        Map<Alert, Alert> joined = new IdentityHashMap<>();
        Set<Alert> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Rule r : rules) {
            Rule.Absorption a = r.absorbs();
            List<Alert> others = a == null ? null : byRule.get(a.rule());
            if (others == null) {
                continue;
            }
            for (Alert own : byRule.getOrDefault(r.id(), List.of())) {
                Alert m = own;
                for (Alert other : others) {
                    if (!absorbed.contains(other) && sameKey(own.key(), other.key()) && near(m, other, a.within())) {
                        absorbed.add(other);
                        m = merge(m, joined.getOrDefault(other, other));
                    }
                }
                joined.put(own, m);
            }
        }
        if (joined.isEmpty()) {
            return alerts;
        }
        List<Alert> out = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            if (!absorbed.contains(a)) {
                out.add(joined.getOrDefault(a, a));
            }
        }
        return out;
    }

    /** The same key: the same values in order, ignoring case and surrounding blanks; an empty key matches none. */
    private static boolean sameKey(List<String> a, List<String> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x == null || y == null ? x != y : !x.trim().equalsIgnoreCase(y.trim())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two alerts' time spans are at most {@code within} apart (overlapping spans are). */
    private static boolean near(Alert a, Alert b, Duration within) {
        if (a.first() == null || b.first() == null) {
            return false;
        }
        boolean aFirst = a.last().isBefore(b.first());
        Instant gapStart = aFirst ? a.last() : b.last();
        Instant gapEnd = aFirst ? b.first() : a.first();
        return !gapEnd.isAfter(gapStart.plus(within));
    }

    private static Alert merge(Alert own, Alert other) {
        List<Event> evidence = new ArrayList<>(own.evidence());
        evidence.addAll(other.evidence());
        evidence.sort(HuntEngine.ORDER);
        if (evidence.size() > Alert.EVIDENCE_LIMIT) {
            evidence = evidence.subList(0, Alert.EVIDENCE_LIMIT);
        }
        return new Alert(
                own.ruleId(),
                own.title(),
                own.level().atLeast(other.level()) ? own.level() : other.level(),
                own.tags(),
                own.first().isBefore(other.first()) ? own.first() : other.first(),
                own.last().isAfter(other.last()) ? own.last() : other.last(),
                shared(evidence, Event::user),
                shared(evidence, Event::sourceAddress),
                shared(evidence, Event::cluster),
                shared(evidence, Event::account),
                shared(evidence, Event::region),
                own.summary() + "; with " + other.ruleId() + ": " + other.summary(),
                own.eventCount() + other.eventCount(),
                evidence,
                own.key());
    }

    /** The one value the evidence shares, or the distinct values, the first three named (as the engine names them). */
    private static String shared(List<Event> events, Function<Event, String> f) {
        Set<String> values = new LinkedHashSet<>();
        for (Event e : events) {
            HuntEngine.add(values, f.apply(e));
        }
        return HuntEngine.named(values);
    }
}
