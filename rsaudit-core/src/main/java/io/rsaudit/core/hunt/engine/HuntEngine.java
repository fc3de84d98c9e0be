package io.rsaudit.core.hunt.engine;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Correlation;
import io.rsaudit.core.hunt.rule.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs compiled rules over a stream of events. {@link #accept} may be called from several threads at once;
 * {@link #finish} once, after the last event, evaluates the windows and returns the alerts.
 */
public final class HuntEngine {

    /** Matching events kept per rule for its windows; past it, matches are counted and the result says so. */
    public static final int BUFFER_LIMIT = 1_000_000;

    /** Events in time order; ties (and events without a time) in file and line order, so output is stable. */
    public static final Comparator<Event> ORDER = Comparator
            .comparing(Event::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.origin().file())
            .thenComparingLong(e -> e.origin().line())
            .thenComparingLong(e -> e.origin().index());

    private final List<Slot> slots;

    public HuntEngine(List<CompiledRule> rules) {
        this.slots = rules.stream().map(Slot::new).toList();
    }

    /** What the engine found, and what it could not judge. */
    public record Result(List<Alert> alerts, List<String> notes) {
        public Result {
            alerts = List.copyOf(alerts);
            notes = List.copyOf(notes);
        }
    }

    /** A matching event and what the rule needs of it later: its key and (for a sequence) its steps. */
    record Match(Event event, List<String> key, int steps) {
    }

    private static final class Slot {
        final CompiledRule rule;
        final Queue<Match> matches = new ConcurrentLinkedQueue<>();
        final AtomicLong count = new AtomicLong();

        Slot(CompiledRule rule) {
            this.rule = rule;
        }
    }

    public void accept(Event event) {
        for (Slot s : slots) {
            if (!s.rule.reads(event.type())) {
                continue;
            }
            int m = s.rule.match(event);
            if (m != 0 && s.count.incrementAndGet() <= BUFFER_LIMIT) {
                s.matches.add(new Match(event, s.rule.key(event), m));
            }
        }
    }

    public Result finish() {
        List<Alert> alerts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Slot s : slots) {
            Rule rule = s.rule.rule();
            if (s.count.get() > BUFFER_LIMIT) {
                notes.add(rule.id() + ": " + s.count.get() + " matching events, more than the " + BUFFER_LIMIT
                        + " kept; only the first kept were judged");
            }
            List<Match> matches = new ArrayList<>(s.matches);
            Correlation c = s.rule.correlation();
            if (c == null) {
                matches.sort(Comparator.comparing(Match::event, ORDER));
                for (Match m : matches) {
                    alerts.add(alert(rule, List.of(m.event()), 1, "matched " + condition(rule)));
                }
                continue;
            }
            long untimed = matches.stream().filter(m -> m.event().time() == null).count();
            if (untimed > 0) {
                notes.add(rule.id() + ": " + untimed + " matching event(s) have no time and cannot be placed in"
                        + " its window; they were not judged");
            }
            Map<List<String>, List<Match>> groups = new TreeMap<>(HuntEngine::compareKeys);
            for (Match m : matches) {
                if (m.event().time() != null) {
                    groups.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
                }
            }
            for (Map.Entry<List<String>, List<Match>> g : groups.entrySet()) {
                List<Match> events = g.getValue();
                events.sort(Comparator.comparing(Match::event, ORDER));
                String key = keyText(c.by(), g.getKey());
                if (c instanceof Correlation.Aggregation a) {
                    aggregate(s.rule, a, events, key, alerts);
                } else if (c instanceof Correlation.Sequence q) {
                    sequence(rule, q, events, key, alerts);
                } else if (c instanceof Correlation.Transition t) {
                    transition(s.rule, t, events, key, alerts);
                } else if (c instanceof Correlation.Novelty n) {
                    novelty(s.rule, n, events, key, alerts);
                }
            }
        }
        alerts.sort(Comparator.comparing(Alert::first, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Alert::ruleId)
                .thenComparing(a -> a.evidence().get(0), ORDER));
        return new Result(alerts, notes);
    }

    private static void aggregate(CompiledRule rule, Correlation.Aggregation a, List<Match> events, String key,
            List<Alert> out) {
        Map<String, Integer> distinct = new java.util.HashMap<>();
        int left = 0;
        int openStart = -1;
        int openEnd = -1;
        for (int right = 0; right < events.size(); right++) {
            distinct.merge(value(rule, a, events.get(right)), 1, Integer::sum);
            Instant now = events.get(right).event().time();
            while (Duration.between(events.get(left).event().time(), now).compareTo(a.within()) > 0) {
                String v = value(rule, a, events.get(left++));
                if (distinct.merge(v, -1, Integer::sum) == 0) {
                    distinct.remove(v);
                }
            }
            long metric = a.distinct() == null ? right - left + 1 : distinct.keySet().stream()
                    .filter(v -> !v.isEmpty()).count();
            if (metric >= a.atLeast()) {
                if (openStart >= 0 && left <= openEnd) {
                    openEnd = right;
                } else {
                    closeAggregation(rule, a, events, openStart, openEnd, key, out);
                    openStart = left;
                    openEnd = right;
                }
            }
        }
        closeAggregation(rule, a, events, openStart, openEnd, key, out);
    }

    private static String value(CompiledRule rule, Correlation.Aggregation a, Match m) {
        if (a.distinct() == null) {
            return "";
        }
        String v = rule.field(m.event(), a.distinct());
        return v == null ? "" : v;
    }

    private static void closeAggregation(CompiledRule rule, Correlation.Aggregation a, List<Match> events, int from,
            int to, String key, List<Alert> out) {
        if (from < 0) {
            return;
        }
        List<Match> span = events.subList(from, to + 1);
        String what = span.size() + " event(s)";
        if (a.distinct() != null) {
            long n = span.stream().map(m -> value(rule, a, m)).filter(v -> !v.isEmpty()).distinct().count();
            what = n + " distinct " + a.distinct() + " in " + what;
        }
        out.add(alert(rule.rule(), span.stream().map(Match::event).toList(), span.size(),
                what + " within " + text(a.within()) + " (threshold " + a.atLeast() + ")" + key));
    }

    private static void sequence(Rule rule, Correlation.Sequence q, List<Match> events, String key, List<Alert> out) {
        int start = 0;
        while (start < events.size()) {
            int first = start;
            while (first < events.size() && (events.get(first).steps() & 1) == 0) {
                first++;
            }
            if (first == events.size()) {
                return;
            }
            Instant deadline = events.get(first).event().time().plus(q.within());
            int pos = first;
            int last = -1;
            for (int step = 0; step < q.steps().size(); step++) {
                int need = q.steps().get(step).atLeast();
                while (pos < events.size() && need > 0 && !events.get(pos).event().time().isAfter(deadline)) {
                    if ((events.get(pos).steps() & (1 << step)) != 0) {
                        need--;
                        last = pos;
                    }
                    pos++;
                }
                if (need > 0) {
                    last = -1;
                    break;
                }
            }
            if (last < 0) {
                start = first + 1;
                continue;
            }
            List<Event> evidence = events.subList(first, last + 1).stream().map(Match::event).toList();
            out.add(alert(rule, evidence, evidence.size(), steps(q) + " within " + text(q.within()) + key));
            start = last + 1;
        }
    }

    private static void transition(CompiledRule rule, Correlation.Transition t, List<Match> events, String key,
            List<Alert> out) {
        Match previous = null;
        for (Match m : events) {
            String now = rule.field(m.event(), t.field());
            if (previous != null && now != null && now.trim().equalsIgnoreCase(t.to())) {
                String before = rule.field(previous.event(), t.field());
                if (before != null && before.trim().equalsIgnoreCase(t.from())) {
                    out.add(alert(rule.rule(), List.of(previous.event(), m.event()), 2,
                            t.field() + " went from " + t.from() + " to " + t.to() + key));
                }
            }
            previous = m;
        }
    }

    private static void novelty(CompiledRule rule, Correlation.Novelty n, List<Match> events, String key,
            List<Alert> out) {
        Instant learnedAt = events.get(0).event().time().plus(n.learning());
        Map<String, Set<String>> seen = new TreeMap<>();
        for (Match m : events) {
            boolean learning = m.event().time().isBefore(learnedAt);
            for (String f : n.of()) {
                String v = rule.field(m.event(), f);
                if (v == null || v.isBlank() || !seen.computeIfAbsent(f, x -> new java.util.HashSet<>()).add(v)) {
                    continue;
                }
                if (!learning) {
                    out.add(alert(rule.rule(), List.of(m.event()), 1, "new " + f + " " + v + " after learning "
                            + text(n.learning()) + " from " + events.get(0).event().time() + key));
                }
            }
        }
    }

    static Alert alert(Rule rule, List<Event> events, long count, String summary) {
        List<Event> evidence = events.size() > Alert.EVIDENCE_LIMIT ? events.subList(0, Alert.EVIDENCE_LIMIT) : events;
        Instant first = null;
        Instant last = null;
        for (Event e : events) {
            if (e.time() != null) {
                first = first == null || e.time().isBefore(first) ? e.time() : first;
                last = last == null || e.time().isAfter(last) ? e.time() : last;
            }
        }
        return new Alert(rule.id(), rule.title(), rule.level(), rule.tags(), first, last, shared(events, Event::user),
                shared(events, Event::sourceAddress), shared(events, Event::cluster), shared(events, Event::account),
                shared(events, Event::region), summary, count, evidence);
    }

    /** The one value the events share, or the distinct values, the first three named. */
    private static String shared(List<Event> events, java.util.function.Function<Event, String> f) {
        Set<String> values = new LinkedHashSet<>();
        for (Event e : events) {
            String v = f.apply(e);
            if (v != null && !v.isBlank()) {
                values.add(v.trim());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        List<String> list = new ArrayList<>(values);
        return list.size() <= 3 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 3)) + " (+" + (list.size() - 3) + " more)";
    }

    private static String condition(Rule rule) {
        return rule.condition().toString().replaceAll("^\\((.*)\\)$", "$1");
    }

    private static String steps(Correlation.Sequence q) {
        List<String> parts = new ArrayList<>();
        for (Correlation.Step s : q.steps()) {
            String c = s.condition().toString().replaceAll("^\\((.*)\\)$", "$1");
            parts.add(s.atLeast() > 1 ? c + " x" + s.atLeast() : c);
        }
        return String.join(" then ", parts);
    }

    private static String keyText(List<String> by, List<String> key) {
        if (by.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            parts.add(by.get(i) + "=" + (key.get(i) == null ? "(none)" : key.get(i)));
        }
        return " for " + String.join(", ", parts);
    }

    static String text(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
