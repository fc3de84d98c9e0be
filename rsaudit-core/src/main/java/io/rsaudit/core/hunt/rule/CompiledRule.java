package io.rsaudit.core.hunt.rule;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Cidr;
import io.rsaudit.core.model.KeyPolicy;
import io.rsaudit.core.model.KeyPolicyUse;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.SnapshotResourcePolicy;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.Residency;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule bound to a policy: its policy references resolved, its patterns and networks compiled, its threshold and
 * level possibly replaced by the policy's ({@code hunt.thresholds}, {@code hunt.windows}, {@code hunt.levels}). Immutable, so one instance serves every reading thread.
 */
public final class CompiledRule {

    private final Rule rule;
    private final Correlation correlation;
    /**
     * The correlation's {@code by} fields, read from it once: {@link #key} runs per kept match, and a call to
     * {@code by()} through the interface of the four correlations made C2 compile it again per kind it met.
     */
    private final String[] by;
    /** Where the event holds each of {@link #by} ({@link Event#slot}), resolved once. */
    private final int[] bySlots;

    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Test>> selections = new ArrayList<>();
    private final CompiledCondition condition;
    private final CompiledCondition[] steps;
    /** Per extracted field, the words one of which its pattern's match contains ({@code null}: no prefilter). */
    private final Map<String, Literals> extractFilters = new HashMap<>();
    /** The CloudTrail request and response fields the rule reads, split at dots ({@code *}: any list index). */
    private final List<String[]> requestFields = new ArrayList<>();
    /** {@link #missingLists()}. */
    private final List<String> missingLists;

    private CompiledRule(Rule rule, Policy policy) {
        Severity level = policy.hunt().levels().get(rule.id());
        this.rule = level == null ? rule : rule.withLevel(level);
        this.correlation = withLearning(
                rule,
                withWindow(
                        rule,
                        withThreshold(
                                rule,
                                rule.correlation(),
                                policy.hunt().thresholds().get(rule.id())),
                        policy.hunt().windows().get(rule.id())),
                policy.hunt().learning().get(rule.id()));
        for (Selection s : rule.selections().values()) {
            index.put(s.name(), selections.size());
            List<Test> alternatives = new ArrayList<>();
            for (List<FieldTest> tests : s.alternatives()) {
                alternatives.add(new Test(tests.stream()
                        .map(t -> compile(t, policy, rule.extracts().keySet()))
                        .toList()));
            }
            selections.add(alternatives);
        }
        for (Selection s : rule.selections().values()) {
            for (List<FieldTest> tests : s.alternatives()) {
                for (FieldTest t : tests) {
                    requestField(t.field());
                }
            }
        }
        rule.fields().forEach(this::requestField);
        for (Extract x : rule.extracts().values()) {
            x.from().forEach(this::requestField);
            extractFilters.put(x.name(), Literals.of(x.pattern().pattern()));
        }
        by = correlation == null ? new String[0] : correlation.by().toArray(String[]::new);
        bySlots = java.util.Arrays.stream(by).mapToInt(Event::slot).toArray();
        condition = rule.condition() == null ? null : CompiledCondition.of(rule.condition(), index);
        steps = correlation instanceof Correlation.Sequence seq
                ? seq.steps().stream()
                        .map(st -> CompiledCondition.of(st.condition(), index))
                        .toArray(CompiledCondition[]::new)
                : new CompiledCondition[0];
        missingLists = missingLists(rule, policy);
    }

    /**
     * The policy lists ({@code policy.hunt.auditLogBuckets}...) that the policy leaves empty and without which the
     * rule matches no event; empty when it can match. A test against an empty list passes nothing, so a selection
     * each of whose alternatives has such a test never holds, and a condition (or a step of a sequence, which every
     * alert needs) that cannot hold without those selections never does.
     */
    public List<String> missingLists() {
        return missingLists;
    }

    private static List<String> missingLists(Rule rule, Policy policy) {
        Map<String, Set<String>> never = new HashMap<>();
        for (Selection s : rule.selections().values()) {
            Set<String> lists = new TreeSet<>();
            boolean mayHold = false;
            for (List<FieldTest> tests : s.alternatives()) {
                Set<String> empty = new TreeSet<>();
                tests.forEach(t -> empty.addAll(emptyLists(t, policy)));
                mayHold |= empty.isEmpty();
                lists.addAll(empty);
            }
            if (!mayHold) {
                never.put(s.name(), lists);
            }
        }
        if (never.isEmpty()) {
            return List.of();
        }
        List<Condition> needed = rule.correlation() instanceof Correlation.Sequence seq
                ? seq.steps().stream().map(Correlation.Step::condition).toList()
                : List.of(rule.condition());
        Set<String> missing = new TreeSet<>();
        for (Condition c : needed) {
            if (!mayHold(c, never.keySet())) {
                c.names().stream().filter(never::containsKey).forEach(n -> missing.addAll(never.get(n)));
            }
        }
        return List.copyOf(missing);
    }

    /** The empty policy lists that are all a test compares with (then it passes nothing); otherwise none. */
    private static Set<String> emptyLists(FieldTest t, Policy policy) {
        if (t.modifier().judgesAccounts() || t.values().contains(null)) {
            return Set.of();
        }
        Set<String> lists = new TreeSet<>();
        for (String v : t.values()) {
            String ref = PolicyRefs.refName(v);
            if (ref == null || !PolicyRefs.resolve(ref, policy).isEmpty()) {
                return Set.of();
            }
            lists.add(ref);
        }
        return lists;
    }

    /** Whether some outcome of the other selections makes {@code c} hold while those of {@code never} do not. */
    private static boolean mayHold(Condition c, Set<String> never) {
        List<String> free = c.names().stream().filter(n -> !never.contains(n)).toList();
        if (free.size() > 16) {
            return true;
        }
        for (int bits = 0; bits < 1 << free.size(); bits++) {
            int b = bits;
            if (c.test(n -> !never.contains(n) && (b >> free.indexOf(n) & 1) == 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws IllegalArgumentException when the policy overrides what the rule does not have (a threshold of a rule
     *     that counts nothing, a learning period of a rule without novelty); the message names the policy key
     */
    public static CompiledRule of(Rule rule, Policy policy) {
        return new CompiledRule(rule, policy);
    }

    public Rule rule() {
        return rule;
    }

    /** The rule's correlation with the policy's threshold applied; {@code null} for a rule without one. */
    public Correlation correlation() {
        return correlation;
    }

    public boolean reads(LogType type) {
        return rule.logTypes().contains(type);
    }

    /**
     * Whether the event matches: for a sequence, the bit set of the steps it matches (0 for none); otherwise 1 when
     * the condition holds and 0 when not. Thread-safe.
     */
    public int match(Event event) {
        return match(event, null);
    }

    /**
     * {@link #match(Event)}, with the words its tests need read from the hunt's one scan of each value
     * ({@code null}: each test looks for its own words). The scan is the calling thread's.
     */
    public int match(Event event, Prefilter.Scan scan) {
        EventView view = extractFilters.isEmpty() ? null : new EventView(event, rule.extracts(), extractFilters, scan);
        if (steps.length == 0) {
            return condition.test(this, event, view, scan) ? 1 : 0;
        }
        int mask = 0;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].test(this, event, view, scan)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /**
     * What an event of this type must have for the rule to match it: every {@link Gate} the condition implies (none
     * when it implies nothing usable), or {@code null} when no event of the type can match (a selection on
     * {@code type} names another).
     */
    public List<Gate> gates(LogType type) {
        List<Gate> gates = null;
        CompiledCondition[] conditions = steps.length > 0 ? steps : new CompiledCondition[] {condition};
        for (CompiledCondition c : conditions) {
            List<Gate> g = gates(c, type);
            if (g != IMPOSSIBLE) {
                gates = gates == null ? g : or(gates, g);
            }
        }
        return gates == null ? null : List.copyOf(gates);
    }

    /** A condition no event of the type can satisfy. */
    private static final List<Gate> IMPOSSIBLE = java.util.Collections.unmodifiableList(new ArrayList<>());

    /** The gates a condition implies for events of the type (empty: none), or {@link #IMPOSSIBLE}. */
    private List<Gate> gates(CompiledCondition c, LogType type) {
        if (c.selection >= 0) {
            List<Gate> result = null;
            for (Test alternative : selections.get(c.selection)) {
                List<Gate> g = alternative.gates(type);
                if (g == IMPOSSIBLE) {
                    continue;
                }
                result = result == null ? g : or(result, g);
            }
            return result == null ? IMPOSSIBLE : result;
        }
        if (c.not) {
            return List.of();
        }
        List<Gate> result = null;
        for (CompiledCondition o : c.operands) {
            List<Gate> g = gates(o, type);
            if (c.and) {
                if (g == IMPOSSIBLE) {
                    return IMPOSSIBLE;
                }
                if (result == null) {
                    result = new ArrayList<>();
                }
                result.addAll(g);
            } else if (g != IMPOSSIBLE) {
                result = result == null ? g : or(result, g);
            }
        }
        return result == null ? (c.and ? List.of() : IMPOSSIBLE) : result;
    }

    /** The gates of "either": each pair of the same kind on the same field, merged. */
    private static List<Gate> or(List<Gate> a, List<Gate> b) {
        List<Gate> out = new ArrayList<>();
        for (Gate x : a) {
            for (Gate y : b) {
                Gate g = x.or(y);
                if (g != null) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    /** A condition over selection numbers, evaluated without a predicate object or a memo per event. */
    private record CompiledCondition(int selection, boolean not, boolean and, CompiledCondition[] operands) {

        static CompiledCondition of(Condition c, Map<String, Integer> index) {
            if (c instanceof Condition.Ref r) {
                return new CompiledCondition(index.get(r.name()), false, false, null);
            }
            if (c instanceof Condition.Not n) {
                return new CompiledCondition(-1, true, false, new CompiledCondition[] {of(n.operand(), index)});
            }
            List<Condition> operands = c instanceof Condition.And a ? a.operands() : ((Condition.Or) c).operands();
            return new CompiledCondition(
                    -1,
                    false,
                    c instanceof Condition.And,
                    operands.stream().map(o -> of(o, index)).toArray(CompiledCondition[]::new));
        }

        boolean test(CompiledRule r, Event e, EventView v, Prefilter.Scan scan) {
            if (selection >= 0) {
                return holds(r.selections.get(selection), e, v, scan);
            }
            if (not) {
                return !operands[0].test(r, e, v, scan);
            }
            for (CompiledCondition o : operands) {
                if (o.test(r, e, v, scan) != and) {
                    return !and;
                }
            }
            return and;
        }
    }

    /**
     * CloudTrail fields every alert shows: who called with which key, and the ids of the call. Public so that a
     * distributed hunt keeps them on the records it ships.
     */
    public static final List<String> CLOUDTRAIL_IDENTIFIERS = List.of(
            "userIdentity.type",
            "userIdentity.principalId",
            "userIdentity.accessKeyId",
            "requestID",
            "eventID",
            "errorCode");

    private void requestField(String field) {
        if (LogType.INVENTORY_FIELDS.contains(field)) {
            // the one the rule tests, and the other: which cluster or workgroup it is
            LogType.INVENTORY_FIELDS.forEach(f -> requestFields.add(f.split("\\.", -1)));
            return;
        }
        if (field.startsWith("requestParameters.")
                || field.startsWith("responseElements.")
                || field.startsWith("additionalEventData.")
                || field.startsWith("resources.")) {
            requestFields.add(field.split("\\.", -1));
        }
    }

    /** Whether {@link #evidenceFields} may hold any field for events of the type: only CloudTrail's have some. */
    public static boolean hasEvidenceFields(LogType type) {
        return type == LogType.CLOUDTRAIL;
    }

    /**
     * What a CloudTrail event shows as evidence besides its common fields: the caller's identifiers (access key id,
     * principal id), the call's request and event ids, and the request parameters this rule reads (the destination
     * region of a snapshot copy, the parameter and value changed, the account a snapshot was shared with) and the
     * inventory fields it reads (the cluster a security group belongs to), in the record's order. The values are as the parser kept them, secrets already redacted. Empty for other logs.
     */
    public Map<String, String> evidenceFields(Event event) {
        if (!hasEvidenceFields(event.type())) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> f : event.fields().entrySet()) {
            String k = f.getKey();
            if (f.getValue() != null && (CLOUDTRAIL_IDENTIFIERS.contains(k) || readsRequestField(k))) {
                out.put(k, f.getValue());
            }
        }
        return out;
    }

    private boolean readsRequestField(String key) {
        if (requestFields.isEmpty() || key.indexOf('.') < 0) {
            return false;
        }
        String[] parts = key.split("\\.", -1);
        for (String[] pattern : requestFields) {
            // a field the rule reads is matched whole, one of its fields to show with what lies under it
            if (pattern.length != parts.length && !(pattern.length < parts.length && shows(pattern))) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < pattern.length && same; i++) {
                same = pattern[i].equals("*")
                        ? !parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit)
                        : pattern[i].equals(parts[i]);
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    private boolean shows(String[] pattern) {
        return rule.fields().contains(String.join(".", pattern));
    }

    /** Adds the prefilters of the rule's tests and extractions to {@code out}. */
    void prefilters(List<Literals> out) {
        for (List<Test> alternatives : selections) {
            for (Test t : alternatives) {
                for (Compiled c : t.tests) {
                    for (Literals l : c.literals) {
                        if (l != null) {
                            out.add(l);
                        }
                    }
                }
            }
        }
        for (Literals l : extractFilters.values()) {
            if (l != null) {
                out.add(l);
            }
        }
    }

    /** A field of the event, or of the rule's extracted fields when it has some. */
    static String field(Event e, EventView v, String name) {
        return v == null ? e.field(name) : v.field(name);
    }

    /** The values of the correlation's {@code by} fields for this event (extracted fields included). */
    public List<String> key(Event event) {
        if (by.length == 0) {
            return List.of();
        }
        EventView view = rule.extracts().isEmpty() ? null : new EventView(event, rule.extracts(), extractFilters, null);
        List<String> key = new ArrayList<>(by.length);
        for (int i = 0; i < by.length; i++) {
            key.add(view == null ? event.field(bySlots[i], by[i]) : view.field(by[i]));
        }
        return key;
    }

    /** A value the rule reads, extracted fields included. */
    public String field(Event event, String name) {
        return new EventView(event, rule.extracts(), extractFilters, null).field(name);
    }

    private static boolean holds(List<Test> alternatives, Event e, EventView view, Prefilter.Scan scan) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (alternatives.get(i).holds(e, view, scan)) {
                return true;
            }
        }
        return false;
    }

    /** The policy's count in place of the rule's; a count for a rule that counts nothing is a mistake to name. */
    private static Correlation withThreshold(Rule rule, Correlation c, Integer n) {
        if (n == null) {
            return c;
        }
        if (c instanceof Correlation.Aggregation a) {
            return new Correlation.Aggregation(a.distinct(), a.by(), a.within(), n);
        }
        if (c instanceof Correlation.Sequence s) {
            List<Correlation.Step> steps = new ArrayList<>(s.steps());
            steps.set(
                    0,
                    new Correlation.Step(
                            steps.get(0).condition(), n, steps.get(0).inARow()));
            return new Correlation.Sequence(steps, s.by(), s.within());
        }
        throw new IllegalArgumentException("hunt.thresholds." + rule.id() + ": the rule has no aggregation or sequence"
                + " whose count could be replaced");
    }

    /** The policy's window in place of the rule's {@code within}; a window for a rule that has none is named. */
    private static Correlation withWindow(Rule rule, Correlation c, Duration within) {
        if (within == null) {
            return c;
        }
        if (c instanceof Correlation.Aggregation a) {
            return new Correlation.Aggregation(a.distinct(), a.by(), within, a.atLeast());
        }
        if (c instanceof Correlation.Sequence s) {
            return new Correlation.Sequence(s.steps(), s.by(), within);
        }
        throw new IllegalArgumentException("hunt.windows." + rule.id() + ": the rule has no aggregation or sequence"
                + " whose window (within) could be replaced");
    }

    /** The policy's learning period in place of the rule's; only a novelty rule has one. */
    private static Correlation withLearning(Rule rule, Correlation c, Duration learning) {
        if (learning == null) {
            return c;
        }
        if (c instanceof Correlation.Novelty n) {
            return new Correlation.Novelty(n.of(), n.by(), learning);
        }
        throw new IllegalArgumentException("hunt.learning." + rule.id() + ": the rule has no novelty learning period");
    }

    /** The field tests of one map of a selection, all of which must hold. */
    private record Test(List<Compiled> tests) {

        /** The gates all these tests imply for events of the type, or {@link #IMPOSSIBLE}. */
        List<Gate> gates(LogType type) {
            List<Gate> out = new ArrayList<>();
            for (Compiled c : tests) {
                if (c.wildcard != null || c.extracted || c.nullMatches) {
                    continue;
                }
                boolean single = !c.all || c.lower.length + c.patterns.length == 1;
                if (c.modifier == Modifier.EQUALS && single && c.lower.length > 0) {
                    if (c.slot == 0) {
                        if (!java.util.Arrays.asList(c.lower).contains(type.fileName())) {
                            return IMPOSSIBLE;
                        }
                    } else {
                        out.add(Gate.equal(c.field, new HashSet<>(java.util.Arrays.asList(c.lower))));
                    }
                } else if (c.literals.length > 0
                        && single
                        && java.util.Arrays.stream(c.literals).allMatch(l -> l != null)) {
                    out.add(Gate.words(c.field, List.of(c.literals)));
                }
            }
            return out;
        }

        boolean holds(Event e, EventView view, Prefilter.Scan scan) {
            Set<String> elements = null;
            for (int i = 0; i < tests.size(); i++) {
                Compiled t = tests.get(i);
                if (t.wildcard == null && !t.passes(e, view, scan)) {
                    return false;
                }
            }
            for (int i = 0; i < tests.size(); i++) {
                Compiled t = tests.get(i);
                if (t.wildcard != null) {
                    Set<String> hits = t.elements(e, view, scan);
                    if (t.nullMatches) {
                        // an element that lacks the field holds null for it: an API member left to its default
                        hits.addAll(t.elementsWithout(e));
                    }
                    if (elements == null) {
                        elements = hits;
                    } else {
                        elements.retainAll(hits);
                    }
                    if (elements.isEmpty()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static Compiled compile(FieldTest t, Policy policy, Set<String> extracted) {
        List<String> values = new ArrayList<>();
        for (String v : t.values()) {
            String ref = PolicyRefs.refName(v);
            if (ref != null) {
                values.addAll(PolicyRefs.resolve(ref, policy));
            } else {
                values.add(v);
            }
        }
        return new Compiled(t, values, policy.residency(), extracted);
    }

    /** Test ids by what decides them: field, modifier, {@code |all} and the values (policy lists resolved). */
    private static final Map<String, Integer> TEST_IDS = new HashMap<>();

    /**
     * The id of a test that two rules share when they test the same field the same way, so that it is decided once
     * per event; -1 for a test whose outcome depends on the rule (a field the rule extracts, the residency
     * profile, a wildcard over list elements).
     */
    private static int memoId(FieldTest t, List<String> values, Set<String> extracted) {
        if (t.field().contains("*")
                || extracted.contains(t.field())
                || t.modifier() == Modifier.RESIDENCY
                || t.modifier() == Modifier.FIELDREF && values.stream().anyMatch(extracted::contains)) {
            return -1;
        }
        StringBuilder key = new StringBuilder(t.field())
                .append('\0')
                .append(t.modifier())
                .append('\0')
                .append(t.all());
        for (String v : values) {
            key.append('\0').append(v == null ? "\1" : v);
        }
        synchronized (TEST_IDS) {
            return TEST_IDS.computeIfAbsent(key.toString(), k -> TEST_IDS.size());
        }
    }

    /** The largest test id of this rule, plus one (what a scan sizes its memory to). */
    int testIdLimit() {
        int max = 0;
        for (List<Test> alternatives : selections) {
            for (Test t : alternatives) {
                for (Compiled c : t.tests) {
                    max = Math.max(max, c.memo + 1);
                }
            }
        }
        return max;
    }

    /** One field test, ready to run. */
    private static final class Compiled {
        final String field;
        /** The test's id among the tests of all rules ({@link #memoId}), or -1 when it depends on the rule. */
        final int memo;
        /** Whether the field is one the rule extracts; otherwise the event's, at {@link #slot}. */
        final boolean extracted;

        final int slot;

        final String[] wildcard;
        /** The index in {@link #wildcard} of its last {@code *}: the list whose elements the test is about. */
        final int lastWildcard;

        final Modifier modifier;
        final boolean all;
        final boolean nullMatches;
        final String[] lower;
        final Pattern[] patterns;
        /**
         * Per value, the words one of which a passing value contains ({@code null}: no prefilter), for expressions
         * and {@code contains}, {@code startswith}, {@code endswith}.
         */
        final Literals[] literals;
        /** Per expression, each thread's matcher, reset per value instead of made per value. */
        final List<ThreadLocal<Matcher>> matchers = new ArrayList<>();

        final List<Cidr> networks = new ArrayList<>();
        final List<BigDecimal> numbers = new ArrayList<>();
        final List<String> raw;
        final Residency residency;

        Compiled(FieldTest t, List<String> values, Residency residency, Set<String> extracted) {
            // interned: the parsers' field names are constants, which a map of raw fields finds by identity first
            this.field = t.field().intern();
            this.memo = memoId(t, values, extracted);
            this.extracted = extracted.contains(field);
            this.slot = Event.slot(field);
            this.wildcard = t.field().contains("*") ? t.field().split("\\.") : null;
            this.lastWildcard =
                    wildcard == null ? -1 : java.util.Arrays.asList(wildcard).lastIndexOf("*");
            this.modifier = t.modifier();
            this.all = t.all();
            this.residency = residency;
            this.nullMatches = values.contains(null);
            this.raw = values.stream().filter(v -> v != null).toList();
            List<String> low = new ArrayList<>();
            List<Pattern> re = new ArrayList<>();
            for (String v : raw) {
                switch (modifier) {
                    case RE -> re.add(RuleRegex.compile(v));
                    case CIDR -> networks.add(Cidr.parse(v));
                    case GT, GTE, LT, LTE -> numbers.add(new BigDecimal(v.trim()));
                    default -> low.add(v.toLowerCase(Locale.ROOT));
                }
            }
            lower = low.toArray(String[]::new);
            patterns = re.toArray(Pattern[]::new);
            literals = modifier == Modifier.RE
                    ? re.stream().map(p -> Literals.of(p.pattern())).toArray(Literals[]::new)
                    : modifier == Modifier.CONTAINS || modifier == Modifier.STARTSWITH || modifier == Modifier.ENDSWITH
                            ? low.stream().map(Literals::ofWord).toArray(Literals[]::new)
                            : new Literals[0];
            for (Pattern p : patterns) {
                matchers.add(ThreadLocal.withInitial(() -> p.matcher("")));
            }
        }

        /** The list elements (their index tuples) whose value passes; a fresh mutable set. */
        Set<String> elements(Event e, EventView view, Prefilter.Scan scan) {
            Set<String> hits = new HashSet<>();
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                String tuple = tuple(f.getKey());
                if (tuple != null && test(e, view, f.getValue(), scan)) {
                    hits.add(tuple);
                }
            }
            return hits;
        }

        /**
         * The list elements (their index tuples) that do not hold the tested field: those of which the event has
         * some other field, under the same list as the field's last {@code *}.
         */
        Set<String> elementsWithout(Event e) {
            int last = lastWildcard;
            Set<String> without = new HashSet<>();
            for (String key : e.fields().keySet()) {
                String[] parts = key.split("\\.", -1);
                if (parts.length <= last) {
                    continue;
                }
                StringBuilder b = new StringBuilder();
                boolean under = true;
                for (int i = 0; i <= last && under; i++) {
                    if (wildcard[i].equals("*")) {
                        under = !parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit);
                        b.append(parts[i]).append('.');
                    } else {
                        under = wildcard[i].equals(parts[i]);
                    }
                }
                if (under) {
                    without.add(b.toString());
                }
            }
            for (String key : e.fields().keySet()) {
                String tuple = tuple(key);
                if (tuple != null) {
                    without.remove(tuple);
                }
            }
            return without;
        }

        private String tuple(String key) {
            String[] parts = key.split("\\.");
            if (parts.length != wildcard.length) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (wildcard[i].equals("*")) {
                    if (parts[i].isEmpty() || !parts[i].chars().allMatch(Character::isDigit)) {
                        return null;
                    }
                    b.append(parts[i]).append('.');
                } else if (!wildcard[i].equals(parts[i])) {
                    return null;
                }
            }
            return b.toString();
        }

        /**
         * Whether the event passes, decided once per event for all the rules that share the test: the thread's scan
         * remembers it ({@code null}: decided here).
         */
        boolean passes(Event e, EventView view, Prefilter.Scan scan) {
            if (scan == null || memo < 0) {
                return test(e, view, value(e, view), scan);
            }
            int known = scan.decided(memo, e);
            if (known >= 0) {
                return known == 1;
            }
            boolean pass = test(e, view, value(e, view), scan);
            scan.decide(memo, pass);
            return pass;
        }

        /** The tested field's value: the rule's extraction, or the event's field read by its slot. */
        private String value(Event e, EventView view) {
            return extracted ? view.field(field) : e.field(slot, field);
        }

        /** One of the values passes (all of them, for {@code |all}); no value passes nothing. Loops, no lambdas. */
        boolean test(Event e, EventView view, String value, Prefilter.Scan scan) {
            boolean blank = value == null || value.isBlank();
            if (modifier == Modifier.EXISTS) {
                String want = blank ? "false" : "true";
                if (lower.length == 0) {
                    return false;
                }
                for (String v : lower) {
                    if (v.equals(want) != all) {
                        return !all;
                    }
                }
                return all;
            }
            if (blank) {
                return nullMatches;
            }
            if (modifier == Modifier.RESTOREOUTSIDE) {
                return restoresOutside(value, e.account());
            }
            if (modifier == Modifier.KEYUSEOUTSIDE) {
                return keyUseOutside(value, e.account());
            }
            if (modifier == Modifier.ACCOUNTOUTSIDE) {
                String account = Arns.accountNamed(value);
                return account != null && !account.equals(e.account()) && !raw.contains(account);
            }
            int n = switch (modifier) {
                case RE -> patterns.length;
                case CIDR -> networks.size();
                case GT, GTE, LT, LTE -> numbers.size();
                case FIELDREF, RESIDENCY -> raw.size();
                default -> lower.length;
            };
            if (n == 0) {
                return false;
            }
            byte[] address = modifier == Modifier.CIDR ? Cidr.address(value) : null;
            if (modifier == Modifier.CIDR && address == null) {
                return false;
            }
            BigDecimal number = modifier.numeric() ? number(value) : null;
            if (modifier.numeric() && number == null) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                boolean pass = switch (modifier) {
                    case EQUALS -> value.equalsIgnoreCase(lower[i]);
                    case CONTAINS -> mayContain(i, value, scan) && Ascii.containsIgnoreCase(value, lower[i]);
                    case STARTSWITH -> mayContain(i, value, scan) && Ascii.startsWithIgnoreCase(value, lower[i]);
                    case ENDSWITH -> mayContain(i, value, scan) && Ascii.endsWithIgnoreCase(value, lower[i]);
                    case RE ->
                        mayContain(i, value, scan)
                                && matchers.get(i).get().reset(value).find();
                    case CIDR -> networks.get(i).contains(address);
                    case GT, GTE, LT, LTE -> compare(number, numbers.get(i));
                    case FIELDREF -> value.equalsIgnoreCase(String.valueOf(field(e, view, raw.get(i))));
                    case RESIDENCY -> {
                        String from = field(e, view, raw.get(i));
                        yield from != null
                                && residency.copy(from.trim(), value.trim()).verdict() == Residency.Verdict.DENIED;
                    }
                    case EXISTS, RESTOREOUTSIDE, ACCOUNTOUTSIDE, KEYUSEOUTSIDE -> throw new IllegalStateException();
                };
                if (pass != all) {
                    return !all;
                }
            }
            return all;
        }

        /** Whether {@code policy} lets restore an account neither {@code own} nor trusted, or cannot tell. */
        private boolean restoresOutside(String policy, String own) {
            SnapshotResourcePolicy.Grantees grantees = SnapshotResourcePolicy.restoreGrantees(policy);
            if (grantees.problem() != null || !grantees.unplaced().isEmpty()) {
                return true;
            }
            for (String account : grantees.accounts()) {
                if (!account.equals(own) && !raw.contains(account)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether {@code policy}, a key policy, lets an account neither {@code own} nor trusted use the key; the values
         * are the trusted accounts, and the trusted organizations ({@code o-...}) when the rule names them.
         */
        private boolean keyUseOutside(String policy, String own) {
            try {
                return KeyPolicyUse.read(
                                KeyPolicy.parse(policy),
                                a -> a.equals(own) || raw.contains(a),
                                raw.stream().anyMatch(v -> v.startsWith("o-")))
                        .opensToUntrusted();
            } catch (IllegalArgumentException notAPolicy) {
                return true;
            }
        }

        /** The prefilter of value {@code i}: whether the value holds one of the words a pass needs. */
        private boolean mayContain(int i, String value, Prefilter.Scan scan) {
            Literals l = literals[i];
            return l == null || (scan == null ? l.mayMatch(value) : scan.mayContain(value, l));
        }

        private boolean compare(BigDecimal value, BigDecimal bound) {
            int c = value.compareTo(bound);
            return switch (modifier) {
                case GT -> c > 0;
                case GTE -> c >= 0;
                case LT -> c < 0;
                default -> c <= 0;
            };
        }

        private static BigDecimal number(String v) {
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
