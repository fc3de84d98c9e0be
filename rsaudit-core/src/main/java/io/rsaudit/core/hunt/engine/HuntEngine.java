package io.rsaudit.core.hunt.engine;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Condition;
import io.rsaudit.core.hunt.rule.Correlation;
import io.rsaudit.core.hunt.rule.Gate;
import io.rsaudit.core.hunt.rule.Prefilter;
import io.rsaudit.core.hunt.rule.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs compiled rules over a stream of events. {@link #accept} may be called from several threads at once;
 * {@link #finish} once, after the last event, evaluates the windows and returns the alerts.
 *
 * <p>Memory. A match is kept as its time, its place and a shared {@link Trace}, never as the Event, and each key's
 * matches are packed as differences from the match before ({@link PackedHits}: seven to eight bytes a match on a busy
 * key), unpacked one key at a time to be judged. Windows are judged only at the end because files arrive in no
 * order: a later file may hold any time, so until the input ends no match of an aggregation, sequence or transition
 * can be proved useless, and all are kept.
 * A novelty needs less and keeps less: per key its first time, and per value its first match. What is kept is
 * bounded by a memory budget (at least {@link #BUDGET_BYTES}; {@link #budgetFor}), one rule at most half of it and
 * its last eighth only for rules with few matches; matches past it are counted and each rule that lost some says
 * so in the result, so its alerts may be missing or incomplete. A rule without correlation keeps only its earliest
 * {@link #ALERT_LIMIT} matches, and every rule reports at most its earliest {@link #ALERT_LIMIT} alerts; the rest are
 * counted in the notes.
 */
public final class HuntEngine {

    /** Estimated bytes of kept matches, over all rules. */
    public static final long BUDGET_BYTES = 96L << 20;

    /**
     * The budget of the only engine in a JVM whose heap may grow to {@code maxHeap} bytes: three eighths of it, and
     * never less than {@link #BUDGET_BYTES} (what the 256 MiB heap the launcher gives a hunt makes), so that a larger
     * heap keeps more of a busy day's matches.
     */
    static long budgetFor(long maxHeap) {
        return Math.max(BUDGET_BYTES, maxHeap / 8 * 3);
    }

    /** Alerts reported per rule (the earliest); beyond it they are counted in the notes. */
    public static final int ALERT_LIMIT = 1000;

    /** Events in time order; ties (and events without a time) in file and line order, so output is stable. */
    public static final Comparator<Event> ORDER = Comparator.comparing(
                    Event::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.origin().file())
            .thenComparingLong(e -> e.origin().line())
            .thenComparingLong(e -> e.origin().index());

    private static final Comparator<String> KEY_PART_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    private static final Pattern OUTER_PARENTHESES = Pattern.compile("^\\((.*)\\)$");

    private static final Comparator<Alert> ALERT_ORDER = Comparator.comparing(
                    Alert::first, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Alert::ruleId)
            .thenComparing(a -> a.evidence().get(0), ORDER);

    private static final int TYPES = LogType.values().length;

    private final List<Slot> slots;
    private final Dispatch[] byType = new Dispatch[TYPES];
    private final long budget;
    private final boolean heapSized;
    private final AtomicLong used = new AtomicLong();
    private final Places places = new Places();
    private final ConcurrentHashMap<Trace, Trace> traces = new ConcurrentHashMap<>();
    /** Each reading thread's scan of the words the rules need (one pass over a value for all of them), and more. */
    private final ThreadLocal<Local> locals;
    /** The reading threads' {@link Local}s, whose counts {@link #judged} and {@link #finish} sum. */
    private final java.util.Queue<Local> everyLocal = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** An engine with the budget of {@link #BUDGET_BYTES}, whatever the heap (a Spark task shares its executor's). */
    public HuntEngine(List<CompiledRule> rules) {
        this(rules, BUDGET_BYTES);
    }

    /** An engine with its own memory budget (tests use a small one to see the limit reported). */
    HuntEngine(List<CompiledRule> rules, long budgetBytes) {
        this(rules, budgetBytes, false);
    }

    /**
     * The only engine of a JVM whose heap may grow to {@code maxHeap} bytes, with the budget {@link #budgetFor} gives
     * it; a rule that loses matches to the budget says that a larger heap keeps more.
     */
    public static HuntEngine sizedToHeap(List<CompiledRule> rules, long maxHeap) {
        return new HuntEngine(rules, budgetFor(maxHeap), true);
    }

    HuntEngine(List<CompiledRule> rules, long budgetBytes, boolean heapSized) {
        this.slots = java.util.stream.IntStream.range(0, rules.size())
                .mapToObj(i -> new Slot(rules.get(i), i))
                .toList();
        this.budget = budgetBytes;
        this.heapSized = heapSized;
        Prefilter prefilter = Prefilter.of(rules);
        this.locals = ThreadLocal.withInitial(() -> {
            Local local = new Local(prefilter.scan(), slots.size());
            everyLocal.add(local);
            return local;
        });
        for (LogType t : LogType.values()) {
            byType[t.ordinal()] =
                    new Dispatch(slots.stream().filter(s -> s.rule.reads(t)).toList(), t);
        }
    }

    /** What the engine found, and what it could not judge. */
    public record Result(List<Alert> alerts, List<String> notes) {
        public Result {
            alerts = List.copyOf(alerts);
            notes = List.copyOf(notes);
        }
    }

    /**
     * How many events of the type each rule was judged on (its gate let them through, or it has none), by rule id,
     * summed over the reading threads; read after the last event. What the gates leave to each rule: tests keep it
     * small.
     */
    public Map<String, Long> judged(LogType type) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Slot s : slots) {
            long n = 0;
            for (Local l : everyLocal) {
                n += l.judged[s.index * TYPES + type.ordinal()];
            }
            out.merge(s.rule.rule().id(), n, Long::sum);
        }
        return out;
    }

    /** The events the rule matched, summed over the reading threads: each counts its own. */
    private long matched(Slot s) {
        long n = 0;
        for (Local l : everyLocal) {
            n += l.matched[s.index];
        }
        return n;
    }

    public void accept(Event event) {
        Local local = locals.get();
        Dispatch d = byType[event.type().ordinal()];
        for (Slot s : d.always) {
            s.judge(event, local);
        }
        for (int i = 0; i < d.indexed.length; i++) {
            String v = d.indexed[i].value(event);
            Slot[] named = v == null ? null : d.indexes.get(i).get(v);
            if (named != null) {
                for (Slot s : named) {
                    s.judge(event, local);
                }
            }
        }
        for (int i = 0; i < d.worded.length; i++) {
            if (d.words[i].mayPass(event, local.scan)) {
                d.worded[i].judge(event, local);
            }
        }
    }

    /**
     * The rules of one log type, by their {@link Gate}s: those without one run on every event; those with an
     * equality gate are found by the event's value of the gate's field (one lookup per field, however many rules);
     * those with a word gate run when the thread's scan of the value found one of their words. Rules no event of
     * the type can match are left out.
     */
    private static final class Dispatch {
        final Slot[] always;
        /** Per indexed field, a gate that reads it, and the rules by value. */
        final Gate[] indexed;

        final List<CaseInsensitiveIndex<Slot[]>> indexes;
        final Slot[] worded;
        final Gate[] words;

        Dispatch(List<Slot> slots, LogType type) {
            List<Slot> always = new ArrayList<>();
            Map<String, Gate> fieldGate = new java.util.LinkedHashMap<>();
            Map<String, Map<String, List<Slot>>> byValue = new java.util.LinkedHashMap<>();
            List<Slot> worded = new ArrayList<>();
            List<Gate> words = new ArrayList<>();
            // each rule's equality gate on the field most rules of the type can be found by, else its gate of words
            Map<String, Integer> reach = new HashMap<>();
            for (Slot s : slots) {
                List<Gate> gates = s.rule.gates(type);
                if (gates != null) {
                    gates.stream()
                            .filter(Gate::equality)
                            .map(Gate::field)
                            .distinct()
                            .forEach(f -> reach.merge(f, 1, Integer::sum));
                }
            }
            Comparator<Gate> best = Comparator.comparing((Gate g) -> g.equality())
                    .thenComparing(g -> g.equality() ? reach.get(g.field()) : 0)
                    .thenComparing(g -> g.equality() ? -g.values().size() : 0);
            for (Slot s : slots) {
                List<Gate> gates = s.rule.gates(type);
                if (gates == null) {
                    continue;
                }
                Gate g = gates.stream().max(best).orElse(null);
                if (g == null) {
                    always.add(s);
                } else if (g.equality()) {
                    fieldGate.putIfAbsent(g.field(), g);
                    for (String v : g.values()) {
                        byValue.computeIfAbsent(g.field(), f -> new java.util.LinkedHashMap<>())
                                .computeIfAbsent(v, x -> new ArrayList<>())
                                .add(s);
                    }
                } else {
                    worded.add(s);
                    words.add(g);
                }
            }
            this.always = always.toArray(Slot[]::new);
            this.indexed = fieldGate.values().toArray(Gate[]::new);
            this.indexes = new ArrayList<>();
            for (Gate g : indexed) {
                Map<String, Slot[]> entries = new java.util.LinkedHashMap<>();
                byValue.get(g.field()).forEach((v, list) -> entries.put(v, list.toArray(Slot[]::new)));
                indexes.add(new CaseInsensitiveIndex<>(
                        entries,
                        (a, b) -> java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                                .distinct()
                                .toArray(Slot[]::new)));
            }
            this.worded = worded.toArray(Slot[]::new);
            this.words = words.toArray(Gate[]::new);
        }
    }

    /**
     * What one reading thread keeps: its scan of the rules' words, the trace of the last event it kept, the
     * traces it met last, by a hash of their fields (see {@link Slot#trace(Event, Local)}), and what it judged and
     * matched.
     */
    private static final class Local {
        final Prefilter.Scan scan;
        Event event;
        Trace trace;
        final Trace[] traces = new Trace[TRACES];

        /** Slots of {@link #traces}, direct-mapped by {@link Trace#hashOf}: a miss costs the map's lookup only. */
        static final int TRACES = 1 << 12;

        /** Per rule ({@link Slot#index}) and log type, the events this thread judged it on. */
        final long[] judged;
        /** Per rule, the events this thread found it matching. */
        final long[] matched;

        Local(Prefilter.Scan scan, int rules) {
            this.scan = scan;
            this.judged = new long[rules * TYPES];
            this.matched = new long[rules];
        }
    }

    /** One rule's matches, grouped by key, and what it could not keep. */
    private final class Slot {
        final CompiledRule rule;
        final Correlation correlation;
        final Map<List<String>, Group> groups = new ConcurrentHashMap<>();
        final AtomicLong untimed = new AtomicLong();
        final AtomicLong overBudget = new AtomicLong();
        final AtomicLong unplaced = new AtomicLong();
        final AtomicLong used = new AtomicLong();
        /** Made once: {@code Group::new} captures the engine, a new function object per kept match. */
        final Function<List<String>, Group> newGroup = Group::new;

        /** Its place among the engine's rules. */
        final int index;

        Slot(CompiledRule rule, int index) {
            this.rule = rule;
            this.index = index;
            this.correlation = rule.correlation();
        }

        void judge(Event e, Local local) {
            local.judged[index * TYPES + e.type().ordinal()]++;
            int m = rule.match(e, local.scan);
            if (m != 0) {
                keep(e, m, local);
            }
        }

        void keep(Event e, int steps, Local local) {
            local.matched[index]++;
            Instant t = e.time();
            if (correlation != null && t == null) {
                untimed.incrementAndGet();
                return;
            }
            long place = places.place(e.origin().file(), e.origin().line());
            if (place == Places.NONE) {
                unplaced.incrementAndGet();
                return;
            }
            List<String> key = rule.key(e);
            Group g = groups.computeIfAbsent(key, newGroup);
            long sec = t == null ? Hits.NO_TIME : t.getEpochSecond();
            int nano = t == null ? 0 : t.getNano();
            if (correlation instanceof Correlation.Novelty n) {
                g.novel(this, n, e, sec, nano, place);
                return;
            }
            String value = null;
            if (correlation instanceof Correlation.Aggregation a && a.distinct() != null) {
                value = rule.field(e, a.distinct());
            } else if (correlation instanceof Correlation.Transition tr) {
                value = rule.field(e, tr.field());
            }
            if (!room(Hits.WEIGHT)) {
                return;
            }
            Trace trace = trace(e, local);
            synchronized (g) {
                g.hits.add(sec, nano, place, trace, steps, value);
                if (correlation == null && g.hits.size() >= 2 * ALERT_LIMIT) {
                    Hits all = g.hits.unpack();
                    g.hits = PackedHits.of(all.select(all.order(places.ranks()), ALERT_LIMIT));
                }
                // charged as the packed storage grows, a block at a time, not per match
                long now = g.hits.footprint();
                if (now != g.charged) {
                    settle(now - g.charged);
                    g.charged = now;
                }
            }
        }

        /** Adds {@code bytes} (fewer when negative) to what the rule and the engine hold. */
        void settle(long bytes) {
            used.addAndGet(bytes);
            HuntEngine.this.used.addAndGet(bytes);
        }

        /**
         * Room for {@code bytes} more, or the match is counted as lost. One rule holds at most half the budget, and
         * a rule holding more than a 64th of it does not fill the last eighth: that stays for the rules with few
         * matches (eight of them at a 64th each; packed, a 64th of 96 MiB is some 200,000 matches), so that an
         * attack's few events are kept on a day when busy rules (every login, every catalog query) fill the rest.
         */
        boolean reserve(long bytes) {
            if (!room(bytes)) {
                return false;
            }
            settle(bytes);
            return true;
        }

        /** Whether {@link #reserve} would take {@code bytes}, without taking them; if not, the match counts as lost. */
        boolean room(long bytes) {
            long mine = used.get() + bytes;
            long limit = mine > budget / 64 ? budget - budget / 8 : budget;
            if (mine > budget / 2 || HuntEngine.this.used.get() + bytes > limit) {
                overBudget.incrementAndGet();
                return false;
            }
            return true;
        }

        /**
         * {@link #trace(Event)}, first taken from the thread's last event (several rules keep one event) or from the
         * traces it met last (a user's logins from one host share a trace): either spares making a trace and hashing
         * it in the engine's map. All are the map's, so the answer is the same. Events whose trace holds fields the
         * rule picks (CloudTrail's, {@link CompiledRule#hasEvidenceFields}) are left to the map.
         */
        Trace trace(Event e, Local local) {
            if (CompiledRule.hasEvidenceFields(e.type())) {
                return trace(e);
            }
            if (local.event == e) {
                return local.trace;
            }
            int h = Trace.hashOf(e) & (Local.TRACES - 1);
            Trace t = local.traces[h];
            if (t == null || !t.isOf(e)) {
                t = trace(e);
                local.traces[h] = t;
            }
            local.event = e;
            local.trace = t;
            return t;
        }

        /** The shared trace equal to the event's; a new one is charged to the budget (and may overshoot it once). */
        Trace trace(Event e) {
            Trace t = Trace.of(e, rule.evidenceFields(e));
            Trace known = traces.putIfAbsent(t, t);
            if (known != null) {
                return known;
            }
            settle(t.weight());
            return t;
        }
    }

    /** The matches of one key. */
    private final class Group {
        final List<String> key;
        PackedHits hits = new PackedHits();
        /** What {@link #hits} was charged to the budget. */
        long charged;
        /** Novelty: the key's first time, and per field and value its first match. */
        long firstSec = Hits.NO_TIME;

        int firstNano;
        Map<String, Map<String, Hits>> firstSeen;

        Group(List<String> key) {
            this.key = key;
        }

        /** Keeps the match if it is the earliest of its key, or of a value of a novelty field. */
        synchronized void novel(Slot s, Correlation.Novelty n, Event e, long sec, int nano, long place) {
            if (sec < firstSec || sec == firstSec && nano < firstNano) {
                firstSec = sec;
                firstNano = nano;
            }
            if (firstSeen == null) {
                firstSeen = new HashMap<>();
            }
            for (String f : n.of()) {
                String v = s.rule.field(e, f);
                if (v == null || v.isBlank()) {
                    continue;
                }
                Map<String, Hits> values = firstSeen.computeIfAbsent(f, x -> new HashMap<>());
                Hits first = values.get(v);
                if (first == null) {
                    if (!s.reserve(Hits.WEIGHT + 120 + 2L * v.length())) {
                        continue;
                    }
                    first = new Hits();
                    values.put(v, first);
                } else if (!earlier(sec, nano, place, e.origin().index(), first)) {
                    continue;
                } else {
                    first = new Hits();
                    values.put(v, first);
                }
                first.add(sec, nano, place, s.trace(e), 1, v);
            }
        }

        private boolean earlier(long sec, int nano, long place, long index, Hits than) {
            int c = Long.compare(sec, than.sec(0));
            if (c == 0) {
                c = Integer.compare(nano, than.nano(0));
            }
            if (c == 0 && Places.file(place) != Places.file(than.place(0))) {
                c = places.name(place).compareTo(places.name(than.place(0)));
            }
            if (c == 0) {
                c = Long.compare(Places.line(place), Places.line(than.place(0)));
            }
            return c != 0 ? c < 0 : index < than.trace(0).index();
        }
    }

    public Result finish() {
        Map<String, List<Alert>> byRule = new java.util.LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        long[] ranks = places.ranks();
        for (Slot s : slots) {
            Rule rule = s.rule.rule();
            Correlation c = s.correlation;
            if (s.untimed.get() > 0) {
                notes.add(rule.id() + ": " + s.untimed.get() + " matching event(s) have no time and cannot be placed"
                        + " in its window; they were not judged");
            }
            if (s.overBudget.get() > 0) {
                notes.add(rule.id() + ": " + s.overBudget.get() + " of " + matched(s) + " matching event(s) were"
                        + " not kept: the engine's memory budget ("
                        + (budget >= 1 << 20 ? (budget >> 20) + " MiB" : budget + " bytes")
                        + ": at most half for one rule, the last eighth for rules with few matches) was full; its"
                        + " alerts may be missing or incomplete"
                        + (heapSized ? " (a larger heap keeps more: three eighths of -Xmx)" : ""));
            }
            if (s.unplaced.get() > 0) {
                notes.add(rule.id() + ": " + s.unplaced.get() + " matching event(s) were not kept: more than "
                        + (1 << Places.FILE_BITS) + " files or a line number past " + (1L << Places.LINE_BITS));
            }
            Ranked out = new Ranked();
            String matchSummary = c == null ? "matched " + unwrapped(rule.condition()) : null;
            List<Group> groups = new ArrayList<>(s.groups.values());
            groups.sort((a, b) -> compareKeys(a.key, b.key));
            for (Group g : groups) {
                out.key = g.key;
                if (c instanceof Correlation.Novelty n) {
                    novelty(s, n, g, out);
                    continue;
                }
                Hits hits = g.hits.unpack();
                Span span = new Span(hits, hits.order(ranks));
                String key = c == null ? "" : keyText(c.by(), g.key);
                if (c == null) {
                    for (int i = 0; i < span.size(); i++) {
                        out.add(alert(rule, span, i, i, matchSummary));
                    }
                } else if (c instanceof Correlation.Aggregation a) {
                    aggregate(rule, a, span, key, out);
                } else if (c instanceof Correlation.Sequence q) {
                    sequence(rule, q, span, key, out);
                } else if (c instanceof Correlation.Transition t) {
                    transition(rule, t, span, key, out);
                }
            }
            long total = c == null ? matched(s) - s.overBudget.get() - s.unplaced.get() : out.count;
            if (total > ALERT_LIMIT) {
                notes.add(rule.id() + ": " + total + " alerts; the earliest " + ALERT_LIMIT + " are reported");
            }
            byRule.put(rule.id(), out.earliest());
        }
        List<Alert> alerts = new ArrayList<>();
        byRule.values().forEach(alerts::addAll);
        alerts = Incidents.join(slots.stream().map(x -> x.rule.rule()).toList(), alerts);
        alerts.sort(ALERT_ORDER);
        return new Result(alerts, notes);
    }

    /** A rule's alerts, of which only the earliest {@link #ALERT_LIMIT} are held. */
    private static final class Ranked {
        /** Alerts in the order they were made, which breaks ties as a stable sort of all of them would. */
        record Numbered(Alert alert, long number) {}

        static final Comparator<Numbered> ORDER =
                Comparator.comparing(Numbered::alert, ALERT_ORDER).thenComparingLong(Numbered::number);
        final PriorityQueue<Numbered> latestFirst = new PriorityQueue<>(ORDER.reversed());
        long count;
        /** The key of the group whose alerts are being added. */
        List<String> key = List.of();

        void add(Alert a) {
            latestFirst.add(new Numbered(a.withKey(key), count++));
            if (latestFirst.size() > ALERT_LIMIT) {
                latestFirst.poll();
            }
        }

        List<Alert> earliest() {
            return latestFirst.stream().sorted(ORDER).map(Numbered::alert).toList();
        }
    }

    /** A group's matches in event order; position {@code i} is the i-th earliest. */
    private final class Span {
        final Hits hits;
        final int[] order;

        Span(Hits hits, int[] order) {
            this.hits = hits;
            this.order = order;
        }

        int size() {
            return order.length;
        }

        Instant time(int i) {
            long sec = hits.sec(order[i]);
            return sec == Hits.NO_TIME ? null : Instant.ofEpochSecond(sec, hits.nano(order[i]));
        }

        Trace trace(int i) {
            return hits.trace(order[i]);
        }

        long sec(int i) {
            return hits.sec(order[i]);
        }

        int nano(int i) {
            return hits.nano(order[i]);
        }

        /** Whether the i-th event is more than {@code within} after the {@code from}-th (exact, no Instant made). */
        boolean beyond(int i, int from, long withinSec, int withinNano) {
            long deadlineSec = sec(from) + withinSec;
            int deadlineNano = nano(from) + withinNano;
            if (deadlineNano >= 1_000_000_000) {
                deadlineSec++;
                deadlineNano -= 1_000_000_000;
            }
            long s = sec(i);
            return s > deadlineSec || s == deadlineSec && nano(i) > deadlineNano;
        }

        /** The step bits of every event, in order. */
        int[] stepBits() {
            int[] bits = new int[order.length];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = hits.steps(order[i]);
            }
            return bits;
        }

        /** The first position from {@code from} that is beyond the window of the {@code first}-th, or the size. */
        int windowEnd(int from, int first, long withinSec, int withinNano) {
            int end = from;
            while (end < order.length && !beyond(end, first, withinSec, withinNano)) {
                end++;
            }
            return end;
        }

        String value(int i) {
            return hits.value(order[i]);
        }

        Event event(int i) {
            long place = hits.place(order[i]);
            return trace(i).event(time(i), places.name(place), Places.line(place));
        }
    }

    private static void aggregate(Rule rule, Correlation.Aggregation a, Span events, String key, Ranked out) {
        Map<String, Integer> distinct = new HashMap<>();
        int left = 0;
        int openStart = -1;
        int openEnd = -1;
        long withinSec = a.within().getSeconds();
        int withinNano = a.within().getNano();
        for (int right = 0; right < events.size(); right++) {
            distinct.merge(value(a, events, right), 1, Integer::sum);
            while (events.beyond(right, left, withinSec, withinNano)) {
                String v = value(a, events, left++);
                if (distinct.merge(v, -1, Integer::sum) == 0) {
                    distinct.remove(v);
                }
            }
            long metric =
                    a.distinct() == null ? right - left + 1 : distinct.size() - (distinct.containsKey("") ? 1 : 0);
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

    private static String value(Correlation.Aggregation a, Span events, int i) {
        if (a.distinct() == null) {
            return "";
        }
        String v = events.value(i);
        return v == null ? "" : v;
    }

    private static void closeAggregation(
            Rule rule, Correlation.Aggregation a, Span events, int from, int to, String key, Ranked out) {
        if (from < 0) {
            return;
        }
        int n = to - from + 1;
        String what = n + " event(s)";
        if (a.distinct() != null) {
            Set<String> values = new java.util.HashSet<>();
            for (int i = from; i <= to; i++) {
                values.add(value(a, events, i));
            }
            values.remove("");
            what = values.size() + " distinct " + a.distinct() + " in " + what;
        }
        out.add(alert(
                rule,
                events,
                from,
                to,
                what + " within " + text(a.within()) + " (threshold " + a.atLeast() + ")" + key));
    }

    /**
     * From each event of step one, in order: step one {@code atLeast} times, then step two, and so on, all by the
     * deadline. A start is first checked against counts (each step needs {@code atLeast} events by the deadline,
     * a necessary condition read from running counts), so the common case of a start with no later step costs no
     * walk through its window.
     */
    private static void sequence(Rule rule, Correlation.Sequence q, Span events, String key, Ranked out) {
        int n = events.size();
        int steps = q.steps().size();
        int[] need = new int[steps];
        // in a row: an event of the next step before this step's last one breaks the run from `first`
        int[] breaks = new int[steps];
        for (int k = 0; k < steps; k++) {
            need[k] = q.steps().get(k).atLeast();
            breaks[k] = q.steps().get(k).inARow() ? 1 << (k + 1) : 0;
        }
        int[] bits = events.stepBits();
        int[][] before = counts(bits, steps);
        long withinSec = q.within().getSeconds();
        int withinNano = q.within().getNano();
        int end = 0;
        int start = 0;
        while (start < n) {
            int first = nextStart(bits, start);
            if (first == n) {
                return;
            }
            end = events.windowEnd(Math.max(end, first), first, withinSec, withinNano);
            int last = possible(before, need, first, end) ? walk(bits, need, breaks, first, end) : -1;
            if (last < 0) {
                start = first + 1;
                continue;
            }
            out.add(alert(rule, events, first, last, steps(q) + " within " + text(q.within()) + key));
            start = last + 1;
        }
    }

    /*
     * The loops of a sequence's walk, each a method of its own: a group of the catalog-reconnaissance sequence holds
     * a user's logins of the whole input, so each loop runs long; in one method each loop got its own on-stack
     * compilation of the whole method by C2, four large compilations for code that runs once per hunt.
     */

    /** Per step k and position i, how many of the first i events are of step k. */
    private static int[][] counts(int[] bits, int steps) {
        int n = bits.length;
        int[][] before = new int[steps][];
        for (int k = 0; k < steps; k++) {
            int[] c = new int[n + 1];
            for (int i = 0; i < n; i++) {
                c[i + 1] = c[i] + ((bits[i] >>> k) & 1);
            }
            before[k] = c;
        }
        return before;
    }

    /** The first position from {@code from} of an event of step one, or the length when none. */
    private static int nextStart(int[] bits, int from) {
        int i = from;
        while (i < bits.length && (bits[i] & 1) == 0) {
            i++;
        }
        return i;
    }

    /** Whether each step has enough events in {@code first..end-1} (necessary, not sufficient). */
    private static boolean possible(int[][] before, int[] need, int first, int end) {
        for (int k = 0; k < need.length; k++) {
            if (before[k][end] - before[k][first] < need[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The position of the event that completes the steps in order from {@code first}, or -1; a step's run ends at
     * an event with a bit of its {@code breaks}.
     */
    private static int walk(int[] bits, int[] need, int[] breaks, int first, int end) {
        int last = -1;
        int pos = first;
        for (int step = 0; step < need.length; step++) {
            int left = need[step];
            while (pos < end && left > 0) {
                int b = bits[pos];
                if ((b & (1 << step)) != 0) {
                    left--;
                    last = pos;
                } else if ((b & breaks[step]) != 0) {
                    break;
                }
                pos++;
            }
            if (left > 0) {
                return -1;
            }
        }
        return last;
    }

    private static void transition(Rule rule, Correlation.Transition t, Span events, String key, Ranked out) {
        for (int i = 1; i < events.size(); i++) {
            String now = events.value(i);
            if (now != null && now.trim().equalsIgnoreCase(t.to())) {
                String before = events.value(i - 1);
                if (before != null && before.trim().equalsIgnoreCase(t.from())) {
                    out.add(alert(
                            rule, events, i - 1, i, t.field() + " went from " + t.from() + " to " + t.to() + key));
                }
            }
        }
    }

    /**
     * Exactly what walking the key's events in order would find: a value alerts when its first match is not before
     * the key's first event plus the learning time.
     */
    private void novelty(Slot s, Correlation.Novelty n, Group g, Ranked out) {
        if (g.firstSeen == null) {
            return;
        }
        Instant from = Instant.ofEpochSecond(g.firstSec, g.firstNano);
        Instant learnedAt = from.plus(n.learning());
        String key = keyText(n.by(), g.key);
        for (String f : n.of()) {
            for (Hits first : g.firstSeen.getOrDefault(f, Map.of()).values()) {
                Span one = new Span(first, new int[] {0});
                if (!one.time(0).isBefore(learnedAt)) {
                    out.add(alert(
                            s.rule.rule(),
                            one,
                            0,
                            0,
                            "new " + f + " " + first.value(0) + " after learning " + text(n.learning()) + " from "
                                    + from + key));
                }
            }
        }
    }

    /** An alert for the events at positions {@code from..to} of the span. */
    private static Alert alert(Rule rule, Span events, int from, int to, String summary) {
        List<Event> evidence = new ArrayList<>();
        for (int i = from; i <= to && evidence.size() < Alert.EVIDENCE_LIMIT; i++) {
            evidence.add(events.event(i));
        }
        Instant first = null;
        Instant last = null;
        for (int i = from; i <= to; i++) {
            Instant t = events.time(i);
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
        }
        return new Alert(
                rule.id(),
                rule.title(),
                rule.level(),
                rule.tags(),
                first,
                last,
                shared(events, from, to, Trace::user),
                shared(events, from, to, Trace::sourceAddress),
                shared(events, from, to, Trace::cluster),
                shared(events, from, to, Trace::account),
                shared(events, from, to, Trace::region),
                summary,
                to - from + 1,
                evidence,
                List.of());
    }

    /** The one value the events share, or the distinct values, the first three named. */
    private static String shared(Span events, int from, int to, Function<Trace, String> f) {
        Set<String> values = new LinkedHashSet<>();
        Trace previous = null;
        for (int i = from; i <= to; i++) {
            Trace t = events.trace(i);
            if (t == previous) {
                continue;
            }
            previous = t;
            add(values, f.apply(t));
        }
        return named(values);
    }

    static void add(Set<String> values, String v) {
        if (v != null && !v.isBlank()) {
            values.add(v.trim());
        }
    }

    static String named(Set<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<String> list = new ArrayList<>(values);
        return list.size() <= 3
                ? String.join(", ", list)
                : String.join(", ", list.subList(0, 3)) + " (+" + (list.size() - 3) + " more)";
    }

    /** The condition as text without the parentheses around the whole of it. */
    private static String unwrapped(Condition c) {
        return OUTER_PARENTHESES.matcher(c.toString()).replaceAll("$1");
    }

    private static String steps(Correlation.Sequence q) {
        List<String> parts = new ArrayList<>();
        for (Correlation.Step s : q.steps()) {
            String c = unwrapped(s.condition());
            parts.add(s.atLeast() > 1 ? c + " x" + s.atLeast() + (s.inARow() ? " in a row" : "") : c);
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
            int c = KEY_PART_ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
